-- AlterTable
ALTER TABLE "user" ADD COLUMN     "emailNotifications" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "outbox_message" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "subjectKey" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_platform" (
    "id" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "authLoginUrl" TEXT NOT NULL,
    "tokenUrl" TEXT NOT NULL,
    "jwksUrl" TEXT NOT NULL,
    "tokenAudience" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_platform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_deployment" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_key" (
    "kid" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "privateJwk" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "lti_key_pkey" PRIMARY KEY ("kid")
);

-- CreateTable
CREATE TABLE "lti_launch_state" (
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "targetLinkUri" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "lti_launch_state_pkey" PRIMARY KEY ("state")
);

-- CreateTable
CREATE TABLE "lti_registration" (
    "token" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "platformId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_registration_pkey" PRIMARY KEY ("token")
);

-- CreateTable
CREATE TABLE "lti_context" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "membershipsUrl" TEXT,
    "lineItemsUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_context_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lti_user" (
    "platformId" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_user_pkey" PRIMARY KEY ("platformId","sub")
);

-- CreateTable
CREATE TABLE "lti_resource_link" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "resourceLinkId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "lineItemUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lti_resource_link_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_message_sentAt_failedAt_nextAttemptAt_idx" ON "outbox_message"("sentAt", "failedAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "outbox_message_subjectKey_idx" ON "outbox_message"("subjectKey");

-- CreateIndex
CREATE UNIQUE INDEX "lti_platform_issuer_clientId_key" ON "lti_platform"("issuer", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_deployment_platformId_deploymentId_key" ON "lti_deployment"("platformId", "deploymentId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_launch_state_nonce_key" ON "lti_launch_state"("nonce");

-- CreateIndex
CREATE INDEX "lti_launch_state_expiresAt_idx" ON "lti_launch_state"("expiresAt");

-- CreateIndex
CREATE INDEX "lti_context_classId_idx" ON "lti_context"("classId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_context_platformId_contextId_key" ON "lti_context"("platformId", "contextId");

-- CreateIndex
CREATE INDEX "lti_user_userId_idx" ON "lti_user"("userId");

-- CreateIndex
CREATE INDEX "lti_resource_link_assignmentId_idx" ON "lti_resource_link"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "lti_resource_link_platformId_resourceLinkId_key" ON "lti_resource_link"("platformId", "resourceLinkId");

-- AddForeignKey
ALTER TABLE "lti_deployment" ADD CONSTRAINT "lti_deployment_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_launch_state" ADD CONSTRAINT "lti_launch_state_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_context" ADD CONSTRAINT "lti_context_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_context" ADD CONSTRAINT "lti_context_classId_fkey" FOREIGN KEY ("classId") REFERENCES "classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_user" ADD CONSTRAINT "lti_user_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_user" ADD CONSTRAINT "lti_user_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_link" ADD CONSTRAINT "lti_resource_link_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_link" ADD CONSTRAINT "lti_resource_link_contextId_fkey" FOREIGN KEY ("contextId") REFERENCES "lti_context"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lti_resource_link" ADD CONSTRAINT "lti_resource_link_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

