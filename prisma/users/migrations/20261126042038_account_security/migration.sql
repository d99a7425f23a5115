-- CreateEnum
CREATE TYPE "users"."TokenPurpose" AS ENUM ('ACTIVATION', 'PASSWORD_RESET', 'SIGN_IN_ALERT', 'SMS_RESET');

-- CreateEnum
CREATE TYPE "users"."SignInOutcome" AS ENUM ('SUCCESS', 'WRONG_PASSWORD', 'UNKNOWN_ACCOUNT', 'LOCKED', 'NOT_ACTIVATED', 'TWO_FACTOR_REQUIRED', 'WRONG_SECOND_FACTOR', 'RATE_LIMITED');

-- AlterTable
ALTER TABLE "users"."Credential" ADD COLUMN     "strength" INTEGER;

-- AlterTable
ALTER TABLE "users"."Customer" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "passwordResetRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phoneVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpPendingSecretEncrypted" TEXT,
ADD COLUMN     "totpSecretEncrypted" TEXT;

-- AlterTable
ALTER TABLE "users"."Session" ADD COLUMN     "city" TEXT,
ADD COLUMN     "country" TEXT,
ADD COLUMN     "device" TEXT;

-- CreateTable
CREATE TABLE "users"."OneTimeToken" (
    "id" TEXT NOT NULL,
    "purpose" "users"."TokenPurpose" NOT NULL,
    "customerId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sessionId" TEXT,

    CONSTRAINT "OneTimeToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."RecoveryCode" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."SignInEvent" (
    "id" TEXT NOT NULL,
    "customerId" TEXT,
    "staffMemberId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "users"."SignInOutcome" NOT NULL,
    "ip" TEXT,
    "country" TEXT,
    "city" TEXT,
    "device" TEXT,
    "deviceKey" TEXT,
    "sessionId" TEXT,
    "unrecognised" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SignInEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OneTimeToken_tokenHash_key" ON "users"."OneTimeToken"("tokenHash");

-- CreateIndex
CREATE INDEX "OneTimeToken_customerId_purpose_idx" ON "users"."OneTimeToken"("customerId", "purpose");

-- CreateIndex
CREATE INDEX "RecoveryCode_customerId_idx" ON "users"."RecoveryCode"("customerId");

-- CreateIndex
CREATE INDEX "SignInEvent_customerId_at_idx" ON "users"."SignInEvent"("customerId", "at");

-- CreateIndex
CREATE INDEX "SignInEvent_ip_at_idx" ON "users"."SignInEvent"("ip", "at");

-- AddForeignKey
ALTER TABLE "users"."OneTimeToken" ADD CONSTRAINT "OneTimeToken_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."RecoveryCode" ADD CONSTRAINT "RecoveryCode_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
