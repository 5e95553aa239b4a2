/*
  Warnings:

  - You are about to alter the column `value` on the `Reading` table. The data in that column will be cast from `VARCHAR(191)` to `DECIMAL(65, 30)`. This cast may fail or lose data.
  - You are about to alter the column `ok` on the `Reading` table. The data in that column will be cast from `BOOLEAN` to `INTEGER`. This cast may fail or lose data.
  - You are about to alter the column `n` on the `Reading` table. The data in that column will be cast from `INTEGER` to `VARCHAR(191)`. This cast may fail or lose data.

*/
-- AlterTable
ALTER TABLE `Reading` MODIFY `value` DECIMAL(65, 30) NOT NULL,
    MODIFY `ok` INTEGER NOT NULL,
    MODIFY `n` VARCHAR(191) NOT NULL,
    MODIFY `m` BIGINT NOT NULL;
