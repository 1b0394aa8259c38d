-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_map_member" (
    "mapId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "viaLinkId" TEXT,
    "includeNotes" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("mapId", "userId"),
    CONSTRAINT "map_member_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "map_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "map_member_viaLinkId_fkey" FOREIGN KEY ("viaLinkId") REFERENCES "share_link" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_map_member" ("createdAt", "mapId", "role", "userId", "viaLinkId") SELECT "createdAt", "mapId", "role", "userId", "viaLinkId" FROM "map_member";
DROP TABLE "map_member";
ALTER TABLE "new_map_member" RENAME TO "map_member";
CREATE INDEX "map_member_userId_idx" ON "map_member"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

