-- CreateEnum
CREATE TYPE "users"."PushChannel" AS ENUM ('WEB_PUSH', 'APNS', 'FCM');

-- CreateTable
CREATE TABLE "users"."PushDevice" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "channel" "users"."PushChannel" NOT NULL,
    "endpointHash" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPushedAt" TIMESTAMP(3),

    CONSTRAINT "PushDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PushDevice_endpointHash_key" ON "users"."PushDevice"("endpointHash");

-- CreateIndex
CREATE INDEX "PushDevice_customerId_idx" ON "users"."PushDevice"("customerId");

-- CreateIndex
CREATE INDEX "PushDevice_sessionId_idx" ON "users"."PushDevice"("sessionId");

-- AddForeignKey
ALTER TABLE "users"."PushDevice" ADD CONSTRAINT "PushDevice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users"."PushDevice" ADD CONSTRAINT "PushDevice_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "users"."Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
