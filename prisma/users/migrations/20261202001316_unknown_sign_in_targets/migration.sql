-- CreateTable
CREATE TABLE "users"."UnknownSignInTarget" (
    "keyHash" TEXT NOT NULL,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnknownSignInTarget_pkey" PRIMARY KEY ("keyHash")
);

-- CreateIndex
CREATE INDEX "UnknownSignInTarget_updatedAt_idx" ON "users"."UnknownSignInTarget"("updatedAt");
