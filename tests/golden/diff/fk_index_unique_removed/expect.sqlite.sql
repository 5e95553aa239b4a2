-- DropIndex
DROP INDEX "B_aId_key";
