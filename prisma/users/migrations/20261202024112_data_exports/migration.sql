-- CreateEnum
CREATE TYPE "users"."DataExportStatus" AS ENUM ('PENDING', 'GATHERING', 'READY', 'EXPIRED');

-- CreateTable
CREATE TABLE "users"."DataExport" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "users"."DataExportStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "readyAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "zipEncrypted" TEXT,
    "sizeBytes" INTEGER,

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users"."DataExportPart" (
    "exportId" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "contentEncrypted" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataExportPart_pkey" PRIMARY KEY ("exportId","service")
);

-- CreateIndex
CREATE INDEX "DataExport_customerId_requestedAt_idx" ON "users"."DataExport"("customerId", "requestedAt");

-- CreateIndex
CREATE INDEX "DataExport_status_leaseUntil_idx" ON "users"."DataExport"("status", "leaseUntil");

-- AddForeignKey
ALTER TABLE "users"."DataExportPart" ADD CONSTRAINT "DataExportPart_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "users"."DataExport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
