-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_A" (
    "id" BIGINT NOT NULL PRIMARY KEY
);
INSERT INTO "new_A" ("id") SELECT "id" FROM "A";
DROP TABLE "A";
ALTER TABLE "new_A" RENAME TO "A";
CREATE TABLE "new_B" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "aId" BIGINT NOT NULL,
    "cId" INTEGER NOT NULL,
    CONSTRAINT "B_aId_fkey" FOREIGN KEY ("aId") REFERENCES "A" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "B_cId_fkey" FOREIGN KEY ("cId") REFERENCES "C" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_B" ("aId", "cId", "id") SELECT "aId", "cId", "id" FROM "B";
DROP TABLE "B";
ALTER TABLE "new_B" RENAME TO "B";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
