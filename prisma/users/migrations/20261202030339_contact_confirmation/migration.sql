-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "users"."TokenPurpose" ADD VALUE 'EMAIL_CHANGE';
ALTER TYPE "users"."TokenPurpose" ADD VALUE 'PHONE_CONFIRMATION';

-- AlterTable
ALTER TABLE "users"."Customer" ADD COLUMN     "recoveryPhoneEncrypted" TEXT;

-- AlterTable
ALTER TABLE "users"."OneTimeToken" ADD COLUMN     "valueEncrypted" TEXT;

-- Numbers already on file keep receiving recovery codes, only a number changed from now on waits for its code.
UPDATE "users"."Customer" SET "recoveryPhoneEncrypted" = "phoneEncrypted" WHERE "phoneEncrypted" IS NOT NULL;
