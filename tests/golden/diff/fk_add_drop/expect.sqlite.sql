-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "orgId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "leadOrgId" INTEGER,
    CONSTRAINT "Team_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Team_leadOrgId_fkey" FOREIGN KEY ("leadOrgId") REFERENCES "Org" ("id") ON DELETE SET NULL ON UPDATE NO ACTION
);
INSERT INTO "new_Team" ("id", "leadOrgId", "orgId", "parentId") SELECT "id", "leadOrgId", "orgId", "parentId" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
