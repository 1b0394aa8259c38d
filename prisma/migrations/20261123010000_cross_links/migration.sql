-- CreateTable
CREATE TABLE "claim_link" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "fromClaimId" TEXT NOT NULL,
    "toClaimId" TEXT,
    "toThesisId" TEXT,
    "stance" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_link_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_link_fromClaimId_fkey" FOREIGN KEY ("fromClaimId") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_link_toClaimId_fkey" FOREIGN KEY ("toClaimId") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_link_toThesisId_fkey" FOREIGN KEY ("toThesisId") REFERENCES "thesis" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "claim_link_mapId_idx" ON "claim_link"("mapId");

-- CreateIndex
CREATE UNIQUE INDEX "claim_link_fromClaimId_toClaimId_toThesisId_key" ON "claim_link"("fromClaimId", "toClaimId", "toThesisId");

