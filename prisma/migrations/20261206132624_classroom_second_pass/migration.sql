-- AlterTable
ALTER TABLE "classroom" ADD COLUMN "timeZone" TEXT;

-- CreateTable
CREATE TABLE "claim_mark" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT '',
    "markedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "claim_mark_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_mark_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_mark_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "suggestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "thesisId" TEXT NOT NULL,
    "parentId" TEXT,
    "stance" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "answer" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "claimId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "suggestion_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "suggestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "mapId" TEXT,
    "claimId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "key" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "thesisId" TEXT NOT NULL,
    "parentId" TEXT,
    "stance" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "strength" INTEGER,
    "orderKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "deletionId" TEXT,
    "deletedById" TEXT,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "claim_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "claim_thesisId_fkey" FOREIGN KEY ("thesisId") REFERENCES "thesis" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "claim_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_claim" ("createdAt", "deletedAt", "deletedById", "deletionId", "id", "mapId", "note", "orderKey", "parentId", "stance", "strength", "text", "thesisId", "updatedAt", "version") SELECT "createdAt", "deletedAt", "deletedById", "deletionId", "id", "mapId", "note", "orderKey", "parentId", "stance", "strength", "text", "thesisId", "updatedAt", "version" FROM "claim";
DROP TABLE "claim";
ALTER TABLE "new_claim" RENAME TO "claim";
CREATE INDEX "claim_mapId_deletedAt_idx" ON "claim"("mapId", "deletedAt");
CREATE INDEX "claim_parentId_idx" ON "claim"("parentId");
CREATE INDEX "claim_mapId_deletionId_idx" ON "claim"("mapId", "deletionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "claim_mark_mapId_resolvedAt_idx" ON "claim_mark"("mapId", "resolvedAt");

-- CreateIndex
CREATE INDEX "claim_mark_claimId_idx" ON "claim_mark"("claimId");

-- CreateIndex
CREATE INDEX "suggestion_mapId_status_idx" ON "suggestion"("mapId", "status");

-- CreateIndex
CREATE INDEX "suggestion_authorId_createdAt_idx" ON "suggestion"("authorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notification_key_key" ON "notification"("key");

-- CreateIndex
CREATE INDEX "notification_userId_createdAt_idx" ON "notification"("userId", "createdAt");


-- Claims written before authors were recorded: their author is whoever's claim.add made them.
UPDATE "claim" SET "authorId" = (
  SELECT o."actorId" FROM "map_operation" o
  WHERE o."mapId" = "claim"."mapId" AND o."kind" = 'claim.add'
    AND json_extract(o."op", '$.claimId') = "claim"."id"
  LIMIT 1
) WHERE "authorId" IS NULL;
