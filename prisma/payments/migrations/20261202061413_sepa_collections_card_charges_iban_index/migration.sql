-- CreateEnum
CREATE TYPE "payments"."SepaSequenceType" AS ENUM ('FRST', 'RCUR', 'FNAL', 'OOFF');

-- CreateEnum
CREATE TYPE "payments"."CardChargeStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "payments"."PaymentMethod" ADD COLUMN     "ibanIndex" TEXT;

-- CreateTable
CREATE TABLE "payments"."SepaCollection" (
    "endToEndId" TEXT NOT NULL,
    "scheduledPaymentId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "paymentMethodId" TEXT NOT NULL,
    "mandateReference" TEXT NOT NULL,
    "sequenceType" "payments"."SepaSequenceType" NOT NULL,
    "collectionDate" DATE NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "exportedAt" TIMESTAMP(3) NOT NULL,
    "returnedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "returnMessageId" TEXT,

    CONSTRAINT "SepaCollection_pkey" PRIMARY KEY ("endToEndId")
);

-- CreateTable
CREATE TABLE "payments"."CardCharge" (
    "id" TEXT NOT NULL,
    "arrearId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "paymentMethodId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "pspReference" TEXT NOT NULL,
    "status" "payments"."CardChargeStatus" NOT NULL DEFAULT 'PENDING',
    "failureCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "CardCharge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SepaCollection_scheduledPaymentId_key" ON "payments"."SepaCollection"("scheduledPaymentId");

-- CreateIndex
CREATE INDEX "SepaCollection_collectionDate_idx" ON "payments"."SepaCollection"("collectionDate");

-- CreateIndex
CREATE INDEX "SepaCollection_paymentMethodId_idx" ON "payments"."SepaCollection"("paymentMethodId");

-- CreateIndex
CREATE UNIQUE INDEX "CardCharge_pspReference_key" ON "payments"."CardCharge"("pspReference");

-- CreateIndex
CREATE INDEX "CardCharge_arrearId_idx" ON "payments"."CardCharge"("arrearId");

-- CreateIndex
CREATE INDEX "CardCharge_customerId_idx" ON "payments"."CardCharge"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentMethod_ibanIndex_key" ON "payments"."PaymentMethod"("ibanIndex");
