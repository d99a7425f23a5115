-- CreateTable
CREATE TABLE "payments"."ContractParty" (
    "policyId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "address" TEXT,
    "startDate" DATE NOT NULL,
    "annualPremiumCents" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContractParty_pkey" PRIMARY KEY ("policyId")
);

-- CreateIndex
CREATE INDEX "ContractParty_customerId_idx" ON "payments"."ContractParty"("customerId");
