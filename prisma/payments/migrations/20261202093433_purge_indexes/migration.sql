-- CreateIndex
CREATE INDEX "Arrear_retainUntil_idx" ON "payments"."Arrear"("retainUntil");

-- CreateIndex
CREATE INDEX "ContractParty_retainUntil_idx" ON "payments"."ContractParty"("retainUntil");

-- CreateIndex
CREATE INDEX "Payment_retainUntil_idx" ON "payments"."Payment"("retainUntil");

-- CreateIndex
CREATE INDEX "PaymentMethod_retainUntil_idx" ON "payments"."PaymentMethod"("retainUntil");

-- CreateIndex
CREATE INDEX "Payout_retainUntil_idx" ON "payments"."Payout"("retainUntil");

-- CreateIndex
CREATE INDEX "ScheduledPayment_retainUntil_idx" ON "payments"."ScheduledPayment"("retainUntil");
