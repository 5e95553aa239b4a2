-- DropForeignKey
ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";

-- AlterTable
ALTER TABLE "Profile" ALTER COLUMN "bio" SET DEFAULT '';

-- AlterTable
ALTER TABLE "Post" ALTER COLUMN "published" DROP NOT NULL,
ALTER COLUMN "published" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
