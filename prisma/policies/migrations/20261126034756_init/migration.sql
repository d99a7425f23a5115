-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "policies";

-- CreateEnum
CREATE TYPE "policies"."PolicyStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "policies"."DwellingType" AS ENUM ('HOUSE', 'APARTMENT');

-- CreateEnum
CREATE TYPE "policies"."Occupancy" AS ENUM ('OWNER', 'TENANT');

-- CreateEnum
CREATE TYPE "policies"."ResidenceKind" AS ENUM ('MAIN', 'SECONDARY');

-- CreateEnum
CREATE TYPE "policies"."PaymentFrequency" AS ENUM ('ANNUAL', 'MONTHLY');

-- CreateTable
CREATE TABLE "policies"."OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "customerId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policies"."Policy" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "policies"."PolicyStatus" NOT NULL DEFAULT 'ACTIVE',
    "startDate" DATE NOT NULL,
    "renewalDate" DATE NOT NULL,
    "annualPremiumCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "paymentFrequency" "policies"."PaymentFrequency" NOT NULL DEFAULT 'MONTHLY',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policies"."Dwelling" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "addressLine" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT 'FR',
    "type" "policies"."DwellingType" NOT NULL,
    "surfaceM2" INTEGER NOT NULL,
    "rooms" INTEGER NOT NULL,
    "occupancy" "policies"."Occupancy" NOT NULL,
    "residence" "policies"."ResidenceKind" NOT NULL,

    CONSTRAINT "Dwelling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policies"."Guarantee" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ceilingCents" INTEGER NOT NULL,
    "deductibleCents" INTEGER NOT NULL,
    "exclusions" TEXT[],
    "mandatory" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Guarantee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_id_idx" ON "policies"."OutboxEvent"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "OutboxEvent_topic_customerId_id_idx" ON "policies"."OutboxEvent"("topic", "customerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_number_key" ON "policies"."Policy"("number");

-- CreateIndex
CREATE INDEX "Policy_customerId_idx" ON "policies"."Policy"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Dwelling_policyId_key" ON "policies"."Dwelling"("policyId");

-- CreateIndex
CREATE UNIQUE INDEX "Guarantee_policyId_code_key" ON "policies"."Guarantee"("policyId", "code");

-- AddForeignKey
ALTER TABLE "policies"."Dwelling" ADD CONSTRAINT "Dwelling_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policies"."Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policies"."Guarantee" ADD CONSTRAINT "Guarantee_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policies"."Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
