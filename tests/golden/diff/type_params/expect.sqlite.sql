-- CreateTable
CREATE TABLE "Kinds" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "f" REAL NOT NULL,
    "d" DECIMAL NOT NULL,
    "dp" DECIMAL(10, 2) NOT NULL DEFAULT 1.50,
    "s" VARCHAR(255),
    "b" BLOB,
    "j" JSONB,
    "u" TEXT NOT NULL DEFAULT (gen_random_uuid()),
    "ts" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ts0" TIMESTAMP(6),
    "e" TEXT NOT NULL DEFAULT (lower('X')),
    "empty" TEXT NOT NULL
);
