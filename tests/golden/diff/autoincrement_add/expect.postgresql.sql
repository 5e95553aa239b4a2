-- AlterTable
CREATE SEQUENCE "Counter_id_seq";
ALTER TABLE "Counter" ALTER COLUMN "id" SET DEFAULT nextval('"Counter_id_seq"');
ALTER SEQUENCE "Counter_id_seq" OWNED BY "Counter"."id";
