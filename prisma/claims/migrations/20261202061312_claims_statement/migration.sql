-- AlterTable
ALTER TABLE "claims"."PolicyTerms" ADD COLUMN     "address" TEXT,
ADD COLUMN     "endDate" DATE,
ADD COLUMN     "holderName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "startDate" DATE;

-- CreateTable
CREATE TABLE "claims"."ClaimsStatement" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "ClaimsStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimsStatement_number_key" ON "claims"."ClaimsStatement"("number");

-- CreateIndex
CREATE INDEX "ClaimsStatement_customerId_issuedAt_idx" ON "claims"."ClaimsStatement"("customerId", "issuedAt");
