-- AlterTable
ALTER TABLE "map_operation" ADD COLUMN "before" TEXT;
ALTER TABLE "map_operation" ADD COLUMN "op" TEXT;

-- CreateTable
CREATE TABLE "map_member" (
    "mapId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "viaLinkId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("mapId", "userId"),
    CONSTRAINT "map_member_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "map_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "map_member_viaLinkId_fkey" FOREIGN KEY ("viaLinkId") REFERENCES "share_link" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "comment_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "comment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_share_link" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mapId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "includeNotes" BOOLEAN NOT NULL DEFAULT false,
    "showName" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "share_link_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "share_link_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_share_link" ("createdAt", "createdById", "id", "includeNotes", "mapId", "revokedAt", "showName", "token") SELECT "createdAt", "createdById", "id", "includeNotes", "mapId", "revokedAt", "showName", "token" FROM "share_link";
DROP TABLE "share_link";
ALTER TABLE "new_share_link" RENAME TO "share_link";
CREATE UNIQUE INDEX "share_link_token_key" ON "share_link"("token");
CREATE INDEX "share_link_mapId_revokedAt_idx" ON "share_link"("mapId", "revokedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "map_member_userId_idx" ON "map_member"("userId");

-- CreateIndex
CREATE INDEX "comment_mapId_idx" ON "comment"("mapId");

-- CreateIndex
CREATE INDEX "comment_claimId_idx" ON "comment"("claimId");

