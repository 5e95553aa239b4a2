/*
  Warnings:

  - You are about to drop the `Old` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Old";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "Fresh" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL DEFAULT 'ADMIN'
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL DEFAULT 'USER',
    "legacy" TEXT NOT NULL DEFAULT 'GUEST'
);
INSERT INTO "new_Account" ("id", "legacy", "role") SELECT "id", "legacy", "role" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
