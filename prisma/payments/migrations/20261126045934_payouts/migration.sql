-- CreateTable
CREATE TABLE "payments"."Payout" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "claimReference" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "paymentMethodId" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Payout_claimId_key" ON "payments"."Payout"("claimId");

-- CreateIndex
CREATE INDEX "Payout_customerId_idx" ON "payments"."Payout"("customerId");
