-- CreateEnum
CREATE TYPE "users"."MessageChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateTable
CREATE TABLE "users"."MessageOutbox" (
    "id" TEXT NOT NULL,
    "channel" "users"."MessageChannel" NOT NULL,
    "template" TEXT NOT NULL,
    "recipientEncrypted" TEXT NOT NULL,
    "subject" TEXT,
    "bodyEncrypted" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "MessageOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MessageOutbox_sentAt_nextAttemptAt_idx" ON "users"."MessageOutbox"("sentAt", "nextAttemptAt");
