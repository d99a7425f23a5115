-- AlterTable
ALTER TABLE "payments"."OutboxEvent" ADD COLUMN     "traceparent" TEXT;
