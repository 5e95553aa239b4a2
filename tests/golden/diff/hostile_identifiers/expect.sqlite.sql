-- CreateTable
CREATE TABLE "we""ird`table; DROP TABLE x;--" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "naïve column" TEXT NOT NULL DEFAULT 'it''s a \back\slash',
    "ключ" TEXT
);

-- CreateTable
CREATE TABLE "Ünïcødé" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "ref""id" INTEGER NOT NULL,
    CONSTRAINT "fk;""x" FOREIGN KEY ("ref""id") REFERENCES "we""ird`table; DROP TABLE x;--" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "idx `semi;colon`" ON "we""ird`table; DROP TABLE x;--"("naïve column", "ключ");
