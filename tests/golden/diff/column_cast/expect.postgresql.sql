/*
  Warnings:

  - You are about to alter the column `value` on the `Reading` table. The data in that column will be cast from `TEXT` to `DECIMAL(65,30)`. This cast may fail or lose data.
  - You are about to alter the column `ok` on the `Reading` table. The data in that column will be cast from `BOOLEAN` to `INTEGER`. This cast may fail or lose data.

*/
-- AlterTable
ALTER TABLE "Reading" ALTER COLUMN "value" SET DATA TYPE DECIMAL(65,30) USING ("value"::DECIMAL(65,30)),
ALTER COLUMN "ok" SET DATA TYPE INTEGER USING ("ok"::INTEGER),
ALTER COLUMN "n" SET DATA TYPE TEXT,
ALTER COLUMN "m" SET DATA TYPE BIGINT;
