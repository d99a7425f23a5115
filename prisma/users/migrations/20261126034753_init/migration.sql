-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "users";

-- CreateEnum
CREATE TYPE "users"."AccountStatus" AS ENUM ('PENDING_ACTIVATION', 'ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "users"."StaffRole" AS ENUM ('AGENT', 'ADJUSTER', 'ADMIN');

-- CreateTable
CREATE TABLE "users"."OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "customerId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."Customer" (
    "id" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phoneEncrypted" TEXT,
    "status" "users"."AccountStatus" NOT NULL DEFAULT 'PENDING_ACTIVATION',
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."ContractLogin" (
    "contractNumber" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,

    CONSTRAINT "ContractLogin_pkey" PRIMARY KEY ("contractNumber")
);

-- CreateTable
CREATE TABLE "users"."StaffMember" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "users"."StaffRole" NOT NULL,
    "totpSecretEncrypted" TEXT NOT NULL,
    "totpLastStep" INTEGER,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."Credential" (
    "id" TEXT NOT NULL,
    "customerId" TEXT,
    "staffMemberId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."Session" (
    "id" TEXT NOT NULL,
    "customerId" TEXT,
    "staffMemberId" TEXT,
    "userAgent" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."RefreshToken" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RefreshToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."TwoFactorChallenge" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "staffMemberId" TEXT,
    "customerId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "usedAt" TIMESTAMP(3),
    "userAgent" TEXT,
    "ip" TEXT,

    CONSTRAINT "TwoFactorChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_id_idx" ON "users"."OutboxEvent"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "OutboxEvent_topic_customerId_id_idx" ON "users"."OutboxEvent"("topic", "customerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_email_key" ON "users"."Customer"("email");

-- CreateIndex
CREATE INDEX "ContractLogin_customerId_idx" ON "users"."ContractLogin"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_email_key" ON "users"."StaffMember"("email");

-- CreateIndex
CREATE INDEX "Credential_customerId_createdAt_idx" ON "users"."Credential"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Credential_staffMemberId_createdAt_idx" ON "users"."Credential"("staffMemberId", "createdAt");

-- CreateIndex
CREATE INDEX "Session_customerId_idx" ON "users"."Session"("customerId");

-- CreateIndex
CREATE INDEX "Session_staffMemberId_idx" ON "users"."Session"("staffMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "RefreshToken_tokenHash_key" ON "users"."RefreshToken"("tokenHash");

-- CreateIndex
CREATE INDEX "RefreshToken_sessionId_idx" ON "users"."RefreshToken"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "TwoFactorChallenge_tokenHash_key" ON "users"."TwoFactorChallenge"("tokenHash");

-- AddForeignKey
ALTER TABLE "users"."ContractLogin" ADD CONSTRAINT "ContractLogin_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."Credential" ADD CONSTRAINT "Credential_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."Credential" ADD CONSTRAINT "Credential_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "users"."StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."Session" ADD CONSTRAINT "Session_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."Session" ADD CONSTRAINT "Session_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "users"."StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."RefreshToken" ADD CONSTRAINT "RefreshToken_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "users"."Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
