-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "body" TEXT,
ADD COLUMN     "pinned" BOOLEAN NOT NULL DEFAULT false;
