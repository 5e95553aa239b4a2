-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "first";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "second";

-- CreateTable
CREATE TABLE "first"."Todo" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Todo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "second"."SecondTodo" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SecondTodo_pkey" PRIMARY KEY ("id")
);
