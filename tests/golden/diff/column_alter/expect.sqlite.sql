/*
  Warnings:

  - You are about to alter the column `code` on the `Item` table. The data in that column will be cast from `VARCHAR(64)` to `VARCHAR(16)`. This cast may fail or lose data.
  - Made the column `flag` on table `Item` required. This will fail if the column contains NULL values.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Item" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "code" VARCHAR(16) NOT NULL,
    "title" TEXT NOT NULL,
    "qty" BIGINT NOT NULL,
    "note" TEXT,
    "price" DECIMAL NOT NULL DEFAULT 0,
    "flag" BOOLEAN NOT NULL
);
INSERT INTO "new_Item" ("code", "flag", "id", "note", "price", "qty", "title") SELECT "code", "flag", "id", "note", "price", "qty", "title" FROM "Item";
DROP TABLE "Item";
ALTER TABLE "new_Item" RENAME TO "Item";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
