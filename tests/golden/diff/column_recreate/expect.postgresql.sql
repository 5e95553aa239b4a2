/*
  Warnings:

  - Changed the type of `flag` on the `Item` table. No cast exists from `BIGINT` to `BOOLEAN`: the column will be dropped and recreated, and all the data in it will be lost.
  - Changed the type of `at` on the `Item` table. No cast exists from `INTEGER` to `TIMESTAMP(3)`: the column will be dropped and recreated, and all the data in it will be lost.
  - You are about to alter the column `code` on the `Item` table. The data in that column will be cast from `TEXT` to `INTEGER`. This cast may fail or lose data.

*/
-- AlterTable
ALTER TABLE "Item" DROP COLUMN "flag",
DROP COLUMN "at",
ADD COLUMN     "flag" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "at" TIMESTAMP(3),
ALTER COLUMN "code" DROP DEFAULT,
ALTER COLUMN "code" SET DATA TYPE INTEGER USING ("code"::INTEGER),
ALTER COLUMN "code" SET DEFAULT 7;
