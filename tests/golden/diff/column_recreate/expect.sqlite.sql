/*
  Warnings:

  - You are about to alter the column `flag` on the `Item` table. The data in that column will be cast from `BIGINT` to `BOOLEAN`. This cast may fail or lose data.
  - You are about to alter the column `at` on the `Item` table. The data in that column will be cast from `INTEGER` to `DATETIME`. This cast may fail or lose data.
  - You are about to alter the column `code` on the `Item` table. The data in that column will be cast from `TEXT` to `INTEGER`. This cast may fail or lose data.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Item" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "flag" BOOLEAN NOT NULL DEFAULT false,
    "at" DATETIME,
    "code" INTEGER NOT NULL DEFAULT 7
);
INSERT INTO "new_Item" ("at", "code", "flag", "id") SELECT "at", "code", "flag", "id" FROM "Item";
DROP TABLE "Item";
ALTER TABLE "new_Item" RENAME TO "Item";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
