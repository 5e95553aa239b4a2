-- CreateTable
CREATE TABLE "Husband" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "wifeId" INTEGER,
    CONSTRAINT "Husband_wifeId_fkey" FOREIGN KEY ("wifeId") REFERENCES "Wife" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Wife" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "husbandId" INTEGER,
    "mentorId" INTEGER,
    CONSTRAINT "Wife_husbandId_fkey" FOREIGN KEY ("husbandId") REFERENCES "Husband" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Wife_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Wife" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Husband_wifeId_key" ON "Husband"("wifeId");

-- CreateIndex
CREATE UNIQUE INDEX "Wife_husbandId_key" ON "Wife"("husbandId");
