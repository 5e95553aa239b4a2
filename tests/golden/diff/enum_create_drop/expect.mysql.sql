-- CreateTable
CREATE TABLE `MyTable` (
    `id` INTEGER NOT NULL,
    `k` ENUM('info', 'warning', 'error') NULL DEFAULT 'error',
    `r` ENUM('succeeded', 'failed') NOT NULL DEFAULT 'succeeded',

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
