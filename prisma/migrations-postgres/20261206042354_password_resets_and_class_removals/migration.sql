-- CreateTable
CREATE TABLE "password_reset" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "class_removal" (
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "removedById" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "class_removal_pkey" PRIMARY KEY ("classId","userId")
);

-- CreateIndex
CREATE INDEX "password_reset_createdAt_idx" ON "password_reset"("createdAt");

-- CreateIndex
CREATE INDEX "password_reset_targetId_idx" ON "password_reset"("targetId");

-- CreateIndex
CREATE INDEX "class_removal_userId_idx" ON "class_removal"("userId");

-- AddForeignKey
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "class_removal" ADD CONSTRAINT "class_removal_classId_fkey" FOREIGN KEY ("classId") REFERENCES "classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "class_removal" ADD CONSTRAINT "class_removal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

