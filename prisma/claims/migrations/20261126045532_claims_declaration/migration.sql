-- AlterTable
ALTER TABLE "claims"."Claim" ADD COLUMN     "answers" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "assessedDamageCents" INTEGER,
ADD COLUMN     "ceilingCents" INTEGER,
ADD COLUMN     "deadline" DATE,
ADD COLUMN     "deductibleCents" INTEGER,
ADD COLUMN     "guaranteeCode" TEXT,
ADD COLUMN     "indemnityCents" INTEGER,
ADD COLUMN     "lateByWorkingDays" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "claims"."Attachment" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims"."PolicyTerms" (
    "policyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "guarantees" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyTerms_pkey" PRIMARY KEY ("policyId")
);

-- CreateTable
CREATE TABLE "claims"."StaffAction" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "claimId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "StaffAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims"."ProcessedEvent" (
    "source" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("source","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "claims"."Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_claimId_idx" ON "claims"."Attachment"("claimId");

-- CreateIndex
CREATE INDEX "PolicyTerms_customerId_idx" ON "claims"."PolicyTerms"("customerId");

-- CreateIndex
CREATE INDEX "StaffAction_claimId_at_idx" ON "claims"."StaffAction"("claimId", "at");

-- CreateIndex
CREATE INDEX "StaffAction_staffId_at_idx" ON "claims"."StaffAction"("staffId", "at");

-- AddForeignKey
ALTER TABLE "claims"."Attachment" ADD CONSTRAINT "Attachment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claims"."Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
