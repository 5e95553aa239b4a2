-- CreateEnum
CREATE TYPE "Result" AS ENUM ('succeeded', 'failed');

-- CreateEnum
CREATE TYPE "Kind" AS ENUM ('info', 'warning', 'error');

-- DropEnum
DROP TYPE "Legacy";

-- CreateTable
CREATE TABLE "MyTable" (
    "id" INTEGER NOT NULL,
    "k" "Kind" DEFAULT 'error',
    "r" "Result" NOT NULL DEFAULT 'succeeded',

    CONSTRAINT "MyTable_pkey" PRIMARY KEY ("id")
);
