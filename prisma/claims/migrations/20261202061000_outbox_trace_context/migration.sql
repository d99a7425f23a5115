-- AlterTable
ALTER TABLE "claims"."OutboxEvent" ADD COLUMN     "traceparent" TEXT;
