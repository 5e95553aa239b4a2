-- CreateTable
CREATE TABLE `we"ird``table; DROP TABLE x;--` (
    `id` INTEGER NOT NULL,
    `naïve column` VARCHAR(191) NOT NULL DEFAULT 'it''s a \\back\\slash',
    `ключ` VARCHAR(191) NULL,

    INDEX `idx ``semi;colon```(`naïve column`, `ключ`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Ünïcødé` (
    `id` INTEGER NOT NULL,
    `ref"id` INTEGER NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `Ünïcødé` ADD CONSTRAINT `fk;"x` FOREIGN KEY (`ref"id`) REFERENCES `we"ird``table; DROP TABLE x;--`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
