-- AlterTable
ALTER TABLE "user" ADD COLUMN     "accountKind" TEXT NOT NULL DEFAULT 'student',
ADD COLUMN     "displayUsername" TEXT,
ADD COLUMN     "isAdmin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "managedById" TEXT,
ADD COLUMN     "username" TEXT;

-- AlterTable
ALTER TABLE "source" ADD COLUMN     "createdById" TEXT;

-- AlterTable
ALTER TABLE "debate" ADD COLUMN     "createdById" TEXT;

-- CreateTable
CREATE TABLE "classroom" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "joinCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "classroom_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "class_member" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "class_member_pkey" PRIMARY KEY ("classId","userId")
);

-- CreateTable
CREATE TABLE "assignment" (
    "id" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "debateId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "dueAt" TIMESTAMP(3),
    "mode" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "round" INTEGER NOT NULL DEFAULT 1,
    "previousRoundId" TEXT,
    "rubric" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignment_work" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "side" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_work_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "work_member" (
    "workId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "work_member_pkey" PRIMARY KEY ("workId","userId")
);

-- CreateTable
CREATE TABLE "grade" (
    "workId" TEXT NOT NULL,
    "scores" TEXT NOT NULL DEFAULT '{}',
    "feedback" TEXT NOT NULL DEFAULT '',
    "releasedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "grade_pkey" PRIMARY KEY ("workId")
);

-- CreateTable
CREATE TABLE "claim_feedback" (
    "id" TEXT NOT NULL,
    "workId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claim_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_vote" (
    "claimId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "mapId" TEXT NOT NULL,
    "impact" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claim_vote_pkey" PRIMARY KEY ("claimId","userId")
);

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
CREATE UNIQUE INDEX "user_username_key" ON "user"("username");

-- CreateIndex
CREATE INDEX "debate_createdById_idx" ON "debate"("createdById");

-- AddForeignKey
ALTER TABLE "classroom" ADD CONSTRAINT "classroom_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "class_member" ADD CONSTRAINT "class_member_classId_fkey" FOREIGN KEY ("classId") REFERENCES "classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "class_member" ADD CONSTRAINT "class_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment" ADD CONSTRAINT "assignment_debateId_fkey" FOREIGN KEY ("debateId") REFERENCES "debate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_work" ADD CONSTRAINT "assignment_work_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_work" ADD CONSTRAINT "assignment_work_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_member" ADD CONSTRAINT "work_member_workId_fkey" FOREIGN KEY ("workId") REFERENCES "assignment_work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "work_member" ADD CONSTRAINT "work_member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grade" ADD CONSTRAINT "grade_workId_fkey" FOREIGN KEY ("workId") REFERENCES "assignment_work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_feedback" ADD CONSTRAINT "claim_feedback_workId_fkey" FOREIGN KEY ("workId") REFERENCES "assignment_work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_feedback" ADD CONSTRAINT "claim_feedback_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_feedback" ADD CONSTRAINT "claim_feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_vote" ADD CONSTRAINT "claim_vote_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_vote" ADD CONSTRAINT "claim_vote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_vote" ADD CONSTRAINT "claim_vote_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "argument_map"("id") ON DELETE CASCADE ON UPDATE CASCADE;

