-- DropForeignKey
ALTER TABLE `Team` DROP FOREIGN KEY `Team_orgId_fkey`;

-- DropForeignKey
ALTER TABLE `Team` DROP FOREIGN KEY `Team_parentId_fkey`;

-- DropIndex
DROP INDEX `Team_parentId_fkey` ON `Team`;

-- AddForeignKey
ALTER TABLE `Team` ADD CONSTRAINT `Team_orgId_fkey` FOREIGN KEY (`orgId`) REFERENCES `Org`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Team` ADD CONSTRAINT `Team_leadOrgId_fkey` FOREIGN KEY (`leadOrgId`) REFERENCES `Org`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION;
