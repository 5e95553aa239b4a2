-- CreateTable
CREATE TABLE "MyTable" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "k" TEXT DEFAULT 'error',
    "r" TEXT NOT NULL DEFAULT 'succeeded'
);
