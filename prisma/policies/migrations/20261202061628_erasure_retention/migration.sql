-- AlterTable
ALTER TABLE "policies"."Policy" ADD COLUMN     "retainUntil" TIMESTAMP(3);
