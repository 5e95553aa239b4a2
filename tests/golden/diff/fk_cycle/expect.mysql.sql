-- CreateTable
CREATE TABLE `Husband` (
    `id` INTEGER NOT NULL,
    `wifeId` INTEGER NULL,

    UNIQUE INDEX `Husband_wifeId_key`(`wifeId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Wife` (
    `id` INTEGER NOT NULL,
    `husbandId` INTEGER NULL,
    `mentorId` INTEGER NULL,

    UNIQUE INDEX `Wife_husbandId_key`(`husbandId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Husband` ADD CONSTRAINT `Husband_wifeId_fkey` FOREIGN KEY (`wifeId`) REFERENCES `Wife`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Wife` ADD CONSTRAINT `Wife_husbandId_fkey` FOREIGN KEY (`husbandId`) REFERENCES `Husband`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `Wife` ADD CONSTRAINT `Wife_mentorId_fkey` FOREIGN KEY (`mentorId`) REFERENCES `Wife`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
