-- AlterTable
ALTER TABLE "payments"."ScheduledPayment" ADD COLUMN     "paymentMethodId" TEXT;

-- CreateIndex
CREATE INDEX "ScheduledPayment_paymentMethodId_idx" ON "payments"."ScheduledPayment"("paymentMethodId");

-- AddForeignKey
ALTER TABLE "payments"."ScheduledPayment" ADD CONSTRAINT "ScheduledPayment_paymentMethodId_fkey" FOREIGN KEY ("paymentMethodId") REFERENCES "payments"."PaymentMethod"("id") ON DELETE SET NULL ON UPDATE CASCADE;
