-- CreateTable
CREATE TABLE "users"."NotificationPreference" (
    "customerId" TEXT NOT NULL,
    "muted" TEXT[],
    "quietFrom" INTEGER,
    "quietUntil" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("customerId")
);

-- AddForeignKey
ALTER TABLE "users"."NotificationPreference" ADD CONSTRAINT "NotificationPreference_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
