-- RenameForeignKey
ALTER TABLE "B" RENAME CONSTRAINT "B_aId_fkey" TO "b_to_a";

-- RenameIndex
ALTER INDEX "B_code_key" RENAME TO "code_unique";

-- RenameIndex
ALTER INDEX "B_aId_idx" RENAME TO "by_a";
