-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "payments";

-- CreateEnum
CREATE TYPE "payments"."ScheduledPaymentStatus" AS ENUM ('PLANNED', 'PAID', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "payments"."PaymentStatus" AS ENUM ('SUCCEEDED', 'REJECTED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "payments"."PaymentMethodKind" AS ENUM ('CARD', 'SEPA_DEBIT');

-- CreateTable
CREATE TABLE "payments"."OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "customerId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments"."ScheduledPayment" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "status" "payments"."ScheduledPaymentStatus" NOT NULL DEFAULT 'PLANNED',

    CONSTRAINT "ScheduledPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments"."Payment" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "paidAt" TIMESTAMP(3) NOT NULL,
    "status" "payments"."PaymentStatus" NOT NULL,
    "reference" TEXT NOT NULL,
    "rejectionCode" TEXT,
    "paymentMethodId" TEXT,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments"."PaymentMethod" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "kind" "payments"."PaymentMethodKind" NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "cardBrand" TEXT,
    "cardLast4" TEXT,
    "cardExpiry" TEXT,
    "pspToken" TEXT,
    "ibanEncrypted" TEXT,
    "ibanLast4" TEXT,
    "holderName" TEXT,
    "mandateReference" TEXT,
    "mandateSignedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "PaymentMethod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_id_idx" ON "payments"."OutboxEvent"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "OutboxEvent_topic_customerId_id_idx" ON "payments"."OutboxEvent"("topic", "customerId", "id");

-- CreateIndex
CREATE INDEX "ScheduledPayment_customerId_dueDate_idx" ON "payments"."ScheduledPayment"("customerId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledPayment_policyId_dueDate_key" ON "payments"."ScheduledPayment"("policyId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_reference_key" ON "payments"."Payment"("reference");

-- CreateIndex
CREATE INDEX "Payment_customerId_paidAt_idx" ON "payments"."Payment"("customerId", "paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentMethod_mandateReference_key" ON "payments"."PaymentMethod"("mandateReference");

-- CreateIndex
CREATE INDEX "PaymentMethod_customerId_idx" ON "payments"."PaymentMethod"("customerId");

-- AddForeignKey
ALTER TABLE "payments"."Payment" ADD CONSTRAINT "Payment_paymentMethodId_fkey" FOREIGN KEY ("paymentMethodId") REFERENCES "payments"."PaymentMethod"("id") ON DELETE SET NULL ON UPDATE CASCADE;
