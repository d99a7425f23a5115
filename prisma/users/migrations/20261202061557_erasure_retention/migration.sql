-- CreateEnum
CREATE TYPE "users"."ErasureStatus" AS ENUM ('CHECKING', 'REFUSED', 'DONE');

-- AlterTable
ALTER TABLE "users"."ConsentChange" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users"."Customer" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users"."Session" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users"."SignInEvent" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users"."StaffAccess" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "users"."ErasureRequest" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "users"."ErasureStatus" NOT NULL DEFAULT 'CHECKING',
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "checks" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ErasureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ErasureRequest_customerId_requestedAt_idx" ON "users"."ErasureRequest"("customerId", "requestedAt");
