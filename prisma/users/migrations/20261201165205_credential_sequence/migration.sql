-- DropIndex
DROP INDEX "users"."Credential_customerId_createdAt_idx";

-- DropIndex
DROP INDEX "users"."Credential_staffMemberId_createdAt_idx";

-- AlterTable
ALTER TABLE "users"."Credential" ADD COLUMN     "seq" SERIAL NOT NULL;

-- Existing rows are numbered in the order they were set (by timestamp, the best order there is for them), and rows
-- written from now on take the next values of the sequence. No semicolon in comments here: the PostgreSQL driver
-- adapter splits a migration into statements at every semicolon.
UPDATE "users"."Credential" c SET "seq" = o.n
  FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS n FROM "users"."Credential") o
  WHERE c."id" = o."id";
SELECT setval(pg_get_serial_sequence('"users"."Credential"', 'seq'), COALESCE((SELECT max("seq") FROM "users"."Credential"), 0) + 1, false);

-- CreateIndex
CREATE UNIQUE INDEX "Credential_seq_key" ON "users"."Credential"("seq");

-- CreateIndex
CREATE INDEX "Credential_customerId_seq_idx" ON "users"."Credential"("customerId", "seq");

-- CreateIndex
CREATE INDEX "Credential_staffMemberId_seq_idx" ON "users"."Credential"("staffMemberId", "seq");
