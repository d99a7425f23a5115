-- AlterTable
ALTER TABLE "claims"."ClaimsStatement" ADD COLUMN     "basis" TEXT;

-- CreateIndex
CREATE INDEX "Claim_retainUntil_idx" ON "claims"."Claim"("retainUntil");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimsStatement_basis_key" ON "claims"."ClaimsStatement"("basis");

-- CreateIndex
CREATE INDEX "PolicyTerms_retainUntil_idx" ON "claims"."PolicyTerms"("retainUntil");
