-- CreateEnum
CREATE TYPE "users"."SignInReview" AS ENUM ('ACKNOWLEDGED', 'REPORTED');

-- AlterTable
ALTER TABLE "users"."Customer" ADD COLUMN     "smsTwoFactorEnabledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users"."SignInEvent" ADD COLUMN     "review" "users"."SignInReview",
ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users"."TwoFactorChallenge" ADD COLUMN     "codeHash" TEXT;

-- CreateTable
CREATE TABLE "users"."SecurityScorePoint" (
    "customerId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "score" INTEGER NOT NULL,
    "factors" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecurityScorePoint_pkey" PRIMARY KEY ("customerId","day")
);
