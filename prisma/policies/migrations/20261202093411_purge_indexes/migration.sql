-- CreateIndex
CREATE INDEX "Policy_retainUntil_idx" ON "policies"."Policy"("retainUntil");
