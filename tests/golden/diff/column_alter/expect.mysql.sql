/*
  Warnings:

  - You are about to alter the column `code` on the `Item` table. The data in that column will be cast from `VARCHAR(64)` to `VARCHAR(16)`. This cast may fail or lose data.
  - Made the column `flag` on table `Item` required. This will fail if the column contains NULL values.

*/
-- AlterTable
ALTER TABLE `Item` MODIFY `code` VARCHAR(16) NOT NULL,
    MODIFY `title` TEXT NOT NULL,
    MODIFY `qty` BIGINT NOT NULL,
    MODIFY `note` VARCHAR(191) NULL,
    MODIFY `price` DECIMAL(65, 30) NOT NULL DEFAULT 0,
    MODIFY `flag` BOOLEAN NOT NULL;
