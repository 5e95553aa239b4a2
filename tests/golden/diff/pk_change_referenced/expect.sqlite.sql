/*
  Warnings:

  - The primary key for the `Org` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Org" (
    "id" INTEGER NOT NULL,
    "region" INTEGER NOT NULL,

    PRIMARY KEY ("id", "region")
);
INSERT INTO "new_Org" ("id", "region") SELECT "id", "region" FROM "Org";
DROP TABLE "Org";
ALTER TABLE "new_Org" RENAME TO "Org";
CREATE UNIQUE INDEX "Org_id_key" ON "Org"("id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
