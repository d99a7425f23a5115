-- AlterTable
ALTER TABLE "policies"."OutboxEvent" ADD COLUMN     "traceparent" TEXT;
