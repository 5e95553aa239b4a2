/*
  Warnings:

  - You are about to alter the column `value` on the `Reading` table. The data in that column will be cast from `TEXT` to `DECIMAL`. This cast may fail or lose data.
  - You are about to alter the column `ok` on the `Reading` table. The data in that column will be cast from `BOOLEAN` to `INTEGER`. This cast may fail or lose data.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Reading" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "value" DECIMAL NOT NULL,
    "ok" INTEGER NOT NULL,
    "n" TEXT NOT NULL,
    "m" BIGINT NOT NULL
);
INSERT INTO "new_Reading" ("id", "m", "n", "ok", "value") SELECT "id", "m", "n", "ok", "value" FROM "Reading";
DROP TABLE "Reading";
ALTER TABLE "new_Reading" RENAME TO "Reading";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
