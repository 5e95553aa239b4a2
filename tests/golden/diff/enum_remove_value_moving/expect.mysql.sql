/*
  Warnings:

  - You are about to alter the column `role` on the `Account` table. The data in that column will be cast from `ENUM('USER', 'ADMIN', 'GUEST')` to `ENUM('USER', 'ADMIN')`. This cast may fail or lose data.
  - You are about to alter the column `legacy` on the `Account` table. The data in that column will be cast from `ENUM('USER', 'ADMIN', 'GUEST')` to `VARCHAR(191)`. This cast may fail or lose data.
  - You are about to drop the `Old` table. If the table is not empty, all the data it contains will be lost.

*/
-- AlterTable
ALTER TABLE `Account` MODIFY `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER',
    MODIFY `legacy` VARCHAR(191) NOT NULL DEFAULT 'GUEST';

-- DropTable
DROP TABLE `Old`;

-- CreateTable
CREATE TABLE `Fresh` (
    `id` INTEGER NOT NULL,
    `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'ADMIN',

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
