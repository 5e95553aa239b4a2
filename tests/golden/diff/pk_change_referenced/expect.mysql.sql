/*
  Warnings:

  - The primary key for the `Org` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- DropForeignKey
ALTER TABLE `Team` DROP FOREIGN KEY `Team_orgId_fkey`;

-- AlterTable
ALTER TABLE `Org` DROP PRIMARY KEY,
    ADD PRIMARY KEY (`id`, `region`);

-- AddForeignKey
ALTER TABLE `Team` ADD CONSTRAINT `Team_orgId_fkey` FOREIGN KEY (`orgId`) REFERENCES `Org`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
