-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_B" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "aId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    CONSTRAINT "b_to_a" FOREIGN KEY ("aId") REFERENCES "A" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_B" ("aId", "code", "id") SELECT "aId", "code", "id" FROM "B";
DROP TABLE "B";
ALTER TABLE "new_B" RENAME TO "B";
CREATE UNIQUE INDEX "code_unique" ON "B"("code");
CREATE INDEX "by_a" ON "B"("aId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
