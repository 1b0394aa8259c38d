-- CreateTable
CREATE TABLE "outbox_message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "subjectKey" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "sentAt" DATETIME,
    "failedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "lti_platform" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "authLoginUrl" TEXT NOT NULL,
    "tokenUrl" TEXT NOT NULL,
    "jwksUrl" TEXT NOT NULL,
    "tokenAudience" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "lti_deployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_deployment_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "lti_key" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "publicJwk" TEXT NOT NULL,
    "privateJwk" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" DATETIME
);

-- CreateTable
CREATE TABLE "lti_launch_state" (
    "state" TEXT NOT NULL PRIMARY KEY,
    "nonce" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "targetLinkUri" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "lti_launch_state_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "lti_registration" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "createdById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "platformId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "lti_context" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "membershipsUrl" TEXT,
    "lineItemsUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_context_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "lti_context_classId_fkey" FOREIGN KEY ("classId") REFERENCES "classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "lti_user" (
    "platformId" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("platformId", "sub"),
    CONSTRAINT "lti_user_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "lti_user_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "lti_resource_link" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "resourceLinkId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "lineItemUrl" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_resource_link_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "lti_platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "lti_resource_link_contextId_fkey" FOREIGN KEY ("contextId") REFERENCES "lti_context" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "lti_resource_link_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "managedById" TEXT,
    "emailNotifications" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_user" ("accountKind", "createdAt", "displayUsername", "email", "emailVerified", "id", "image", "isAdmin", "managedById", "name", "updatedAt", "username") SELECT "accountKind", "createdAt", "displayUsername", "email", "emailVerified", "id", "image", "isAdmin", "managedById", "name", "updatedAt", "username" FROM "user";
DROP TABLE "user";
ALTER TABLE "new_user" RENAME TO "user";
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");
CREATE UNIQUE INDEX "user_username_key" ON "user"("username");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

