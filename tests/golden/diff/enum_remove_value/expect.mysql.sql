/*
  Warnings:

  - You are about to alter the column `role` on the `User` table. The data in that column will be cast from `ENUM('USER', 'ADMIN', 'GUEST')` to `ENUM('USER', 'ADMIN')`. This cast may fail or lose data.

*/
-- AlterTable
ALTER TABLE `User` MODIFY `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER';
