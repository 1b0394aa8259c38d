-- AlterTable
ALTER TABLE "source" ADD COLUMN "createdById" TEXT;

-- AlterTable
ALTER TABLE "debate" ADD COLUMN "createdById" TEXT;

-- CreateTable
CREATE TABLE "classroom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "joinCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME,
    CONSTRAINT "classroom_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "class_member" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("classId", "userId"),
    CONSTRAINT "class_member_classId_fkey" FOREIGN KEY ("classId") REFERENCES "classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "class_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "debateId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "dueAt" DATETIME,
    "mode" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "round" INTEGER NOT NULL DEFAULT 1,
    "previousRoundId" TEXT,
    "rubric" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "assignment_debateId_fkey" FOREIGN KEY ("debateId") REFERENCES "debate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "assignment_work" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "side" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "assignment_work_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "assignment_work_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "work_member" (
    "workId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("workId", "userId"),
    CONSTRAINT "work_member_workId_fkey" FOREIGN KEY ("workId") REFERENCES "assignment_work" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "work_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "grade" (
    "workId" TEXT NOT NULL PRIMARY KEY,
    "scores" TEXT NOT NULL DEFAULT '{}',
    "feedback" TEXT NOT NULL DEFAULT '',
    "releasedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "grade_workId_fkey" FOREIGN KEY ("workId") REFERENCES "assignment_work" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "claim_feedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "claim_feedback_workId_fkey" FOREIGN KEY ("workId") REFERENCES "assignment_work" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_feedback_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "claim_vote" (
    "claimId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "impact" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("claimId", "userId"),
    CONSTRAINT "claim_vote_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_vote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "claim_vote_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "username" TEXT,
    "displayUsername" TEXT,
    "accountKind" TEXT NOT NULL DEFAULT 'student',
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "managedById" TEXT
);
INSERT INTO "new_user" ("createdAt", "email", "emailVerified", "id", "image", "name", "updatedAt") SELECT "createdAt", "email", "emailVerified", "id", "image", "name", "updatedAt" FROM "user";
DROP TABLE "user";
ALTER TABLE "new_user" RENAME TO "user";
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");
CREATE UNIQUE INDEX "user_username_key" ON "user"("username");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "classroom_joinCode_key" ON "classroom"("joinCode");

-- CreateIndex
CREATE INDEX "classroom_teacherId_idx" ON "classroom"("teacherId");

-- CreateIndex
CREATE INDEX "class_member_userId_idx" ON "class_member"("userId");

-- CreateIndex
CREATE INDEX "assignment_classId_idx" ON "assignment"("classId");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_work_mapId_key" ON "assignment_work"("mapId");

-- CreateIndex
CREATE INDEX "assignment_work_assignmentId_idx" ON "assignment_work"("assignmentId");

-- CreateIndex
CREATE INDEX "work_member_userId_idx" ON "work_member"("userId");

-- CreateIndex
CREATE INDEX "claim_feedback_workId_idx" ON "claim_feedback"("workId");

-- CreateIndex
CREATE INDEX "claim_vote_mapId_idx" ON "claim_vote"("mapId");

-- CreateIndex
CREATE INDEX "debate_createdById_idx" ON "debate"("createdById");

