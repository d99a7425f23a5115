-- CreateEnum
CREATE TYPE "policies"."DocumentKind" AS ENUM ('ATTESTATION', 'CERTIFICATE', 'AVENANT', 'GENERAL_CONDITIONS');

-- AlterTable
ALTER TABLE "policies"."Policy" ADD COLUMN     "deductibleCents" INTEGER NOT NULL DEFAULT 15000,
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "holderName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "valuablesCents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "policies"."PolicyVersion" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "annualPremiumCents" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policies"."Quote" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "proposal" JSONB NOT NULL,
    "changes" TEXT[],
    "effectiveFrom" DATE NOT NULL,
    "basedOnVersion" INTEGER NOT NULL,
    "currentPremiumCents" INTEGER NOT NULL,
    "newPremiumCents" INTEGER NOT NULL,
    "proRataCents" INTEGER NOT NULL,
    "lines" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policies"."Document" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "kind" "policies"."DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sizeBytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_policyId_version_key" ON "policies"."PolicyVersion"("policyId", "version");

-- CreateIndex
CREATE INDEX "Quote_customerId_idx" ON "policies"."Quote"("customerId");

-- CreateIndex
CREATE INDEX "Document_customerId_createdAt_idx" ON "policies"."Document"("customerId", "createdAt");

-- AddForeignKey
ALTER TABLE "policies"."PolicyVersion" ADD CONSTRAINT "PolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policies"."Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policies"."Quote" ADD CONSTRAINT "Quote_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policies"."Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policies"."Document" ADD CONSTRAINT "Document_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "policies"."Policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
