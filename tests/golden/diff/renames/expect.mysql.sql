-- DropForeignKey
ALTER TABLE `B` DROP FOREIGN KEY `B_aId_fkey`;

-- AddForeignKey
ALTER TABLE `B` ADD CONSTRAINT `b_to_a` FOREIGN KEY (`aId`) REFERENCES `A`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- RenameIndex
ALTER TABLE `B` RENAME INDEX `B_code_key` TO `code_unique`;

-- RenameIndex
ALTER TABLE `B` RENAME INDEX `B_aId_idx` TO `by_a`;
