-- CreateTable
CREATE TABLE "users"."HeldNotification" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "notification" JSONB NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "HeldNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HeldNotification_eventId_key" ON "users"."HeldNotification"("eventId");

-- CreateIndex
CREATE INDEX "HeldNotification_customerId_idx" ON "users"."HeldNotification"("customerId");

-- AddForeignKey
ALTER TABLE "users"."HeldNotification" ADD CONSTRAINT "HeldNotification_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
