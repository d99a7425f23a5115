-- AlterTable
ALTER TABLE "users"."Session" ADD COLUMN     "authenticatedAt" TIMESTAMP(3);
