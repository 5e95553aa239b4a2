-- DropForeignKey
ALTER TABLE `Post` DROP FOREIGN KEY `Post_authorId_fkey`;

-- AlterTable
ALTER TABLE `Profile` MODIFY `bio` VARCHAR(191) NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE `Post` MODIFY `published` BOOLEAN NULL;

-- CreateIndex
CREATE INDEX `Post_authorId_idx` ON `Post`(`authorId`);

-- AddForeignKey
ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
