-- AlterTable
ALTER TABLE "users"."Customer" ADD COLUMN     "postalAddress" JSONB;

-- AlterTable
ALTER TABLE "users"."MessageOutbox" ADD COLUMN     "recipientIndex" TEXT;

-- CreateIndex
CREATE INDEX "ConsentChange_retainUntil_idx" ON "users"."ConsentChange"("retainUntil");

-- CreateIndex
CREATE INDEX "Customer_retainUntil_idx" ON "users"."Customer"("retainUntil");

-- CreateIndex
CREATE INDEX "ErasureRequest_requestedAt_idx" ON "users"."ErasureRequest"("requestedAt");

-- CreateIndex
CREATE INDEX "MessageOutbox_recipientIndex_idx" ON "users"."MessageOutbox"("recipientIndex");

-- CreateIndex
CREATE INDEX "Session_retainUntil_idx" ON "users"."Session"("retainUntil");

-- CreateIndex
CREATE INDEX "SignInEvent_retainUntil_idx" ON "users"."SignInEvent"("retainUntil");

-- CreateIndex
CREATE INDEX "StaffAccess_retainUntil_idx" ON "users"."StaffAccess"("retainUntil");
