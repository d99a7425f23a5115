-- AlterTable
ALTER TABLE "users"."OutboxEvent" ADD COLUMN     "traceparent" TEXT;
