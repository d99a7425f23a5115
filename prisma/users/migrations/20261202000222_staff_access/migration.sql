-- CreateEnum
CREATE TYPE "users"."StaffAccessKind" AS ENUM ('READ', 'ACTION');

-- CreateTable
CREATE TABLE "users"."StaffAccess" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "staffMemberId" TEXT NOT NULL,
    "staffName" TEXT NOT NULL,
    "role" "users"."StaffRole",
    "kind" "users"."StaffAccessKind" NOT NULL,
    "what" TEXT NOT NULL,
    "reasonEncrypted" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffAccess_customerId_at_idx" ON "users"."StaffAccess"("customerId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "StaffAccess_source_eventId_key" ON "users"."StaffAccess"("source", "eventId");
