-- AlterTable
ALTER TABLE "policies"."Policy" ADD COLUMN     "contentsCents" INTEGER NOT NULL DEFAULT 0;
