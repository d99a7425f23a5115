-- AlterTable: documents issued before numbers existed are numbered from their id, so every row has one.
ALTER TABLE "policies"."Document" ADD COLUMN     "number" TEXT;
UPDATE "policies"."Document" SET "number" = 'DOC-' || to_char("createdAt", 'YYYY') || '-' || upper(substr(replace("id", '-', ''), 1, 8));
ALTER TABLE "policies"."Document" ALTER COLUMN "number" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Document_number_key" ON "policies"."Document"("number");
