-- CreateEnum
CREATE TYPE "users"."ConsentPurpose" AS ENUM ('MARKETING_EMAIL', 'PARTNER_OFFERS', 'SIGN_IN_ALERT_SMS');

-- CreateTable
CREATE TABLE "users"."ConsentChange" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "purpose" "users"."ConsentPurpose" NOT NULL,
    "given" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "device" TEXT,
    "sessionId" TEXT,
    "seq" SERIAL NOT NULL,

    CONSTRAINT "ConsentChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsentChange_seq_key" ON "users"."ConsentChange"("seq");

-- CreateIndex
CREATE INDEX "ConsentChange_customerId_purpose_seq_idx" ON "users"."ConsentChange"("customerId", "purpose", "seq");

-- AddForeignKey
ALTER TABLE "users"."ConsentChange" ADD CONSTRAINT "ConsentChange_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
