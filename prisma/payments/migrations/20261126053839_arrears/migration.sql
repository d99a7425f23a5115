-- CreateTable
CREATE TABLE "payments"."Arrear" (
    "id" TEXT NOT NULL,
    "scheduledPaymentId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "rejectionCode" TEXT NOT NULL,
    "rejectedAt" TIMESTAMP(3) NOT NULL,
    "noticeSentAt" TIMESTAMP(3),
    "suspendedAt" TIMESTAMP(3),
    "terminatedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "restoredAt" TIMESTAMP(3),

    CONSTRAINT "Arrear_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Arrear_scheduledPaymentId_key" ON "payments"."Arrear"("scheduledPaymentId");

-- CreateIndex
CREATE INDEX "Arrear_customerId_idx" ON "payments"."Arrear"("customerId");
