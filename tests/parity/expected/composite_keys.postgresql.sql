-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "role" AS ENUM ('user', 'admin');

-- CreateTable
CREATE TABLE "tenants" (
    "region" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'user',

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("region","code")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "email_address" TEXT NOT NULL,
    "tenantRegion" TEXT NOT NULL,
    "tenantCode" TEXT NOT NULL,
    "tags" TEXT[],

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Member_tags_idx" ON "Member" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "Member_tenantRegion_email_address_key" ON "Member"("tenantRegion", "email_address" DESC);

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantRegion_tenantCode_fkey" FOREIGN KEY ("tenantRegion", "tenantCode") REFERENCES "tenants"("region", "code") ON DELETE RESTRICT ON UPDATE CASCADE;
