-- AlterTable
ALTER TABLE "payments"."Arrear" ADD COLUMN     "retryScheduledPaymentId" TEXT;
