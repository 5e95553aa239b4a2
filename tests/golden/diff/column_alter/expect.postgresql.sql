/*
  Warnings:

  - You are about to alter the column `code` on the `Item` table. The data in that column will be cast from `VARCHAR(64)` to `VARCHAR(16)`. This cast may fail or lose data.
  - Made the column `flag` on table `Item` required. This will fail if the column contains NULL values.

*/
-- AlterTable
ALTER TABLE "Item" ALTER COLUMN "code" SET DATA TYPE VARCHAR(16),
ALTER COLUMN "title" SET DATA TYPE TEXT,
ALTER COLUMN "qty" SET DATA TYPE BIGINT,
ALTER COLUMN "note" DROP NOT NULL,
ALTER COLUMN "price" SET DEFAULT 0,
ALTER COLUMN "flag" SET NOT NULL,
ALTER COLUMN "flag" DROP DEFAULT;
