-- CreateTable
CREATE TABLE "Husband" (
    "id" INTEGER NOT NULL,
    "wifeId" INTEGER,

    CONSTRAINT "Husband_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Wife" (
    "id" INTEGER NOT NULL,
    "husbandId" INTEGER,
    "mentorId" INTEGER,

    CONSTRAINT "Wife_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Husband_wifeId_key" ON "Husband"("wifeId");

-- CreateIndex
CREATE UNIQUE INDEX "Wife_husbandId_key" ON "Wife"("husbandId");

-- AddForeignKey
ALTER TABLE "Husband" ADD CONSTRAINT "Husband_wifeId_fkey" FOREIGN KEY ("wifeId") REFERENCES "Wife"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Wife" ADD CONSTRAINT "Wife_husbandId_fkey" FOREIGN KEY ("husbandId") REFERENCES "Husband"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Wife" ADD CONSTRAINT "Wife_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Wife"("id") ON DELETE SET NULL ON UPDATE CASCADE;
