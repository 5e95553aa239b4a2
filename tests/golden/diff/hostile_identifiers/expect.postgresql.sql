-- CreateTable
CREATE TABLE "we""ird`table; DROP TABLE x;--" (
    "id" INTEGER NOT NULL,
    "naïve column" TEXT NOT NULL DEFAULT 'it''s a \back\slash',
    "ключ" TEXT,

    CONSTRAINT "pk""name" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ünïcødé" (
    "id" INTEGER NOT NULL,
    "ref""id" INTEGER NOT NULL,

    CONSTRAINT "Unicode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "idx `semi;colon`" ON "we""ird`table; DROP TABLE x;--"("naïve column", "ключ");

-- AddForeignKey
ALTER TABLE "Ünïcødé" ADD CONSTRAINT "fk;""x" FOREIGN KEY ("ref""id") REFERENCES "we""ird`table; DROP TABLE x;--"("id") ON DELETE CASCADE ON UPDATE CASCADE;
