-- AlterTable
ALTER TABLE "users"."Session" ADD COLUMN     "supportGrantId" TEXT;

-- CreateTable
CREATE TABLE "users"."SupportGrant" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "device" TEXT,

    CONSTRAINT "SupportGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupportGrant_customerId_expiresAt_idx" ON "users"."SupportGrant"("customerId", "expiresAt");

-- CreateIndex
CREATE INDEX "Session_supportGrantId_idx" ON "users"."Session"("supportGrantId");
