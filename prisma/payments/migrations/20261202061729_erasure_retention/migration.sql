-- AlterTable
ALTER TABLE "payments"."Arrear" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "payments"."ContractParty" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "payments"."Payment" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "payments"."PaymentMethod" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "payments"."Payout" ADD COLUMN     "retainUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "payments"."ScheduledPayment" ADD COLUMN     "retainUntil" TIMESTAMP(3);
