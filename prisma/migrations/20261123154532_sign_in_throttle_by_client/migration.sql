-- The rows were keyed by bare email before; the keys now say what they count. Forgetting the old
-- counts only forgets some failed sign-ins.
DELETE FROM "sign_in_throttle";

-- CreateIndex
CREATE INDEX "sign_in_throttle_lastFailureAt_idx" ON "sign_in_throttle"("lastFailureAt");
