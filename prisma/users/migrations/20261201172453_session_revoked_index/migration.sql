-- CreateIndex
CREATE INDEX "Session_revokedAt_idx" ON "users"."Session"("revokedAt");
