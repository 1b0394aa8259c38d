-- CreateTable
CREATE TABLE "map_operation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "map_operation_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "map_operation_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_argument_map" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "debateId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "forkedFromId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "argument_map_debateId_fkey" FOREIGN KEY ("debateId") REFERENCES "debate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "argument_map_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "argument_map_forkedFromId_fkey" FOREIGN KEY ("forkedFromId") REFERENCES "argument_map" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_argument_map" ("createdAt", "debateId", "forkedFromId", "id", "ownerId", "title", "updatedAt") SELECT "createdAt", "debateId", "forkedFromId", "id", "ownerId", "title", "updatedAt" FROM "argument_map";
DROP TABLE "argument_map";
ALTER TABLE "new_argument_map" RENAME TO "argument_map";
CREATE INDEX "argument_map_ownerId_updatedAt_idx" ON "argument_map"("ownerId", "updatedAt");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "claim_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_thesisId_fkey" FOREIGN KEY ("thesisId") REFERENCES "thesis" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "claim_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Positions 0, 1, 2… become the fractional keys the fractional-indexing package gives a fresh list
-- ("a0".."az", then "b00".."bzz", then "c000"…), so existing maps keep their order.
INSERT INTO "new_claim" ("createdAt", "deletedAt", "deletionId", "id", "mapId", "note", "parentId", "stance", "strength", "text", "thesisId", "updatedAt", "version", "orderKey") SELECT "createdAt", "deletedAt", "deletionId", "id", "mapId", "note", "parentId", "stance", "strength", "text", "thesisId", "updatedAt", "version",
    CASE
      WHEN "position" < 62 THEN 'a' || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', "position" + 1, 1)
      WHEN "position" < 3906 THEN 'b' || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', ("position" - 62) / 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', ("position" - 62) % 62 + 1, 1)
      ELSE 'c' || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', ("position" - 3906) / 3844 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', (("position" - 3906) / 62) % 62 + 1, 1) || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', ("position" - 3906) % 62 + 1, 1)
    END
  FROM "claim";
DROP TABLE "claim";
ALTER TABLE "new_claim" RENAME TO "claim";
CREATE INDEX "claim_mapId_deletedAt_idx" ON "claim"("mapId", "deletedAt");
CREATE INDEX "claim_parentId_idx" ON "claim"("parentId");
CREATE INDEX "claim_mapId_deletionId_idx" ON "claim"("mapId", "deletionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "map_operation_mapId_revision_idx" ON "map_operation"("mapId", "revision");

