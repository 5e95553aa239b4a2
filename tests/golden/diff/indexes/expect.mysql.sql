/*
  Warnings:

  - A unique constraint covering the columns `[kind,at]` on the table `Event` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX `Event_kind_idx` ON `Event`;

-- DropIndex
DROP INDEX `Event_day_idx` ON `Event`;

-- CreateIndex
CREATE INDEX `Event_day_idx` ON `Event`(`day`, `kind`);

-- CreateIndex
CREATE UNIQUE INDEX `Event_kind_at_key` ON `Event`(`kind`, `at`);

-- CreateIndex
CREATE INDEX `Event_at_day_idx` ON `Event`(`at` DESC, `day`);
