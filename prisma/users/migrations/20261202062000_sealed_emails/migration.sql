-- DropIndex
DROP INDEX "users"."Customer_email_key";

-- DropIndex
DROP INDEX "users"."StaffMember_email_key";

-- AlterTable
ALTER TABLE "users"."Customer" ADD COLUMN     "emailIndex" TEXT;

-- AlterTable
ALTER TABLE "users"."StaffMember" ADD COLUMN     "emailIndex" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Customer_emailIndex_key" ON "users"."Customer"("emailIndex");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_emailIndex_key" ON "users"."StaffMember"("emailIndex");
