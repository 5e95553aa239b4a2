/*
  Warnings:

  - You are about to drop the column `legacy` on the `Account` table. All the data in the column will be lost.
  - Added the required column `age` to the `Account` table without a default value. This is not possible if the table is not empty.

*/
-- AlterTable
ALTER TABLE "Account" DROP COLUMN "legacy",
ADD COLUMN     "nickname" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active',
ADD COLUMN     "age" INTEGER NOT NULL;
