-- CreateTable
CREATE TABLE "Kinds" (
    "id" BIGSERIAL NOT NULL,
    "f" DOUBLE PRECISION NOT NULL,
    "d" DECIMAL(65,30) NOT NULL,
    "dp" DECIMAL(10,2) NOT NULL DEFAULT 1.50,
    "s" VARCHAR(255),
    "b" BYTEA,
    "j" JSONB,
    "u" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ts" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ts0" TIMESTAMP(6),
    "e" TEXT NOT NULL DEFAULT lower('X'),
    "empty" TEXT NOT NULL,

    CONSTRAINT "Kinds_pkey" PRIMARY KEY ("id")
);
