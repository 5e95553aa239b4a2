/*
  Warnings:

  - You are about to alter the column `flag` on the `Item` table. The data in that column will be cast from `BIGINT` to `BOOLEAN`. This cast may fail or lose data.
  - You are about to alter the column `at` on the `Item` table. The data in that column will be cast from `INTEGER` to `DATETIME(3)`. This cast may fail or lose data.
  - You are about to alter the column `code` on the `Item` table. The data in that column will be cast from `VARCHAR(191)` to `INTEGER`. This cast may fail or lose data.

*/
-- AlterTable
ALTER TABLE `Item` MODIFY `flag` BOOLEAN NOT NULL DEFAULT false,
    MODIFY `at` DATETIME(3) NULL,
    MODIFY `code` INTEGER NOT NULL DEFAULT 7;
