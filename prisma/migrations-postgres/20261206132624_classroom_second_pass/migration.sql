-- AlterTable
ALTER TABLE "claim" ADD COLUMN     "authorId" TEXT;

-- AlterTable
ALTER TABLE "classroom" ADD COLUMN     "timeZone" TEXT;

-- CreateTable
CREATE TABLE "claim_mark" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT '',
    "markedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "claim_mark_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "suggestion" (
    "id" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "thesisId" TEXT NOT NULL,
    "parentId" TEXT,
    "stance" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "answer" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "claimId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "mapId" TEXT,
    "claimId" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',
    "key" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_mark" ADD CONSTRAINT "claim_mark_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_mark" ADD CONSTRAINT "claim_mark_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_mark" ADD CONSTRAINT "claim_mark_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Claims written before authors were recorded: their author is whoever's claim.add made them.
UPDATE "claim" c SET "authorId" = o."actorId"
FROM "map_operation" o
WHERE o."mapId" = c."mapId" AND o."kind" = 'claim.add' AND o."op" IS NOT NULL
  AND (o."op"::json ->> 'claimId') = c."id" AND c."authorId" IS NULL;
