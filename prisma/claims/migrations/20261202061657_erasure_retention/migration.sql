-- AlterTable
ALTER TABLE "claims"."Claim" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "claims"."PolicyTerms" ADD COLUMN     "retainUntil" TIMESTAMP(3);
