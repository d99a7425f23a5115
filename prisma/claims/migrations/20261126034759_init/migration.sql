-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "claims";

-- CreateEnum
CREATE TYPE "claims"."ClaimType" AS ENUM ('WATER_DAMAGE', 'FIRE', 'THEFT', 'GLASS_BREAKAGE', 'STORM', 'NATURAL_DISASTER');

-- CreateEnum
CREATE TYPE "claims"."ClaimStatus" AS ENUM ('DECLARED', 'ACKNOWLEDGED', 'DOCUMENTS_REQUESTED', 'EXPERT_ASSIGNED', 'EXPERT_REPORT', 'INDEMNITY_COMPUTED', 'PAID', 'CLOSED', 'REFUSED', 'REOPENED');

-- CreateEnum
CREATE TYPE "claims"."ActorKind" AS ENUM ('CUSTOMER', 'STAFF', 'SYSTEM');

-- CreateTable
CREATE TABLE "claims"."OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "customerId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims"."Claim" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "type" "claims"."ClaimType" NOT NULL,
    "status" "claims"."ClaimStatus" NOT NULL DEFAULT 'DECLARED',
    "occurredOn" DATE NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "description" TEXT NOT NULL,
    "assignedTo" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims"."ClaimStatusChange" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "from" "claims"."ClaimStatus",
    "to" "claims"."ClaimStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" "claims"."ActorKind" NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "ClaimStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_id_idx" ON "claims"."OutboxEvent"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "OutboxEvent_topic_customerId_id_idx" ON "claims"."OutboxEvent"("topic", "customerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_reference_key" ON "claims"."Claim"("reference");

-- CreateIndex
CREATE INDEX "Claim_customerId_idx" ON "claims"."Claim"("customerId");

-- CreateIndex
CREATE INDEX "Claim_status_declaredAt_idx" ON "claims"."Claim"("status", "declaredAt");

-- CreateIndex
CREATE INDEX "ClaimStatusChange_claimId_at_idx" ON "claims"."ClaimStatusChange"("claimId", "at");

-- AddForeignKey
ALTER TABLE "claims"."ClaimStatusChange" ADD CONSTRAINT "ClaimStatusChange_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claims"."Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
