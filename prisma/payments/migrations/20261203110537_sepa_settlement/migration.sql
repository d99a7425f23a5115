-- AlterTable
ALTER TABLE "payments"."SepaCollection" ADD COLUMN     "settledAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "SepaCollection_settledAt_collectionDate_idx" ON "payments"."SepaCollection"("settledAt", "collectionDate");
