/*
  Warnings:

  - The values [GUEST] on the enum `Role` will be removed. If these variants are still used in the database, this will fail.
  - You are about to drop the `Old` table. If the table is not empty, all the data it contains will be lost.

*/
-- AlterEnum
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
ALTER TABLE "Account" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "Account" ALTER COLUMN "legacy" DROP DEFAULT;
ALTER TABLE "Account" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TABLE "Account" ALTER COLUMN "legacy" TYPE TEXT USING ("legacy"::text);
ALTER TABLE "Old" ALTER COLUMN "role" TYPE TEXT USING ("role"::text);
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";
ALTER TABLE "Account" ALTER COLUMN "role" SET DEFAULT 'USER';
ALTER TABLE "Account" ALTER COLUMN "legacy" SET DEFAULT 'GUEST';
COMMIT;

-- AlterTable
ALTER TABLE "Account" ALTER COLUMN "legacy" DROP DEFAULT,
ALTER COLUMN "legacy" SET DATA TYPE TEXT USING ("legacy"::text::TEXT),
ALTER COLUMN "legacy" SET DEFAULT 'GUEST';

-- DropTable
DROP TABLE "Old";

-- CreateTable
CREATE TABLE "Fresh" (
    "id" INTEGER NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'ADMIN',

    CONSTRAINT "Fresh_pkey" PRIMARY KEY ("id")
);
