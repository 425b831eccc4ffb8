-- rosterkit: the tables of prisma/rosterkit.prisma on SQLite.
-- SQLite compares text by code point (BINARY) already. No foreign keys:
-- rosterkit deletes rows in its own order, inside its transactions.

CREATE TABLE "rosterkit_organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "defaultSpaceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL,
    PRIMARY KEY ("id")
);

CREATE TABLE "rosterkit_accounts" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstNameKey" TEXT NOT NULL,
    "lastNameKey" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "profileJson" TEXT NOT NULL,
    "lastSeenAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL,
    PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_accounts_orgId_email_key" ON "rosterkit_accounts"("orgId", "email");
CREATE INDEX "rosterkit_accounts_orgId_status_idx" ON "rosterkit_accounts"("orgId", "status");
CREATE INDEX "rosterkit_accounts_orgId_firstNameKey_lastNameKey_id_idx" ON "rosterkit_accounts"("orgId", "firstNameKey", "lastNameKey", "id");
CREATE INDEX "rosterkit_accounts_orgId_createdAt_id_idx" ON "rosterkit_accounts"("orgId", "createdAt", "id");
CREATE INDEX "rosterkit_accounts_orgId_lastSeenAt_id_idx" ON "rosterkit_accounts"("orgId", "lastSeenAt", "id");

CREATE TABLE "rosterkit_spaces" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL,
    PRIMARY KEY ("id")
);
CREATE INDEX "rosterkit_spaces_orgId_name_idx" ON "rosterkit_spaces"("orgId", "name");

CREATE TABLE "rosterkit_memberships" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "restrictionsJson" TEXT NOT NULL,
    "groupIdsJson" TEXT NOT NULL,
    "managerId" TEXT,
    "periodsJson" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_memberships_orgId_accountId_spaceId_key" ON "rosterkit_memberships"("orgId", "accountId", "spaceId");
CREATE INDEX "rosterkit_memberships_orgId_spaceId_state_role_idx" ON "rosterkit_memberships"("orgId", "spaceId", "state", "role");
CREATE INDEX "rosterkit_memberships_orgId_managerId_state_idx" ON "rosterkit_memberships"("orgId", "managerId", "state");

CREATE TABLE "rosterkit_membership_groups" (
    "membershipId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    PRIMARY KEY ("membershipId", "groupId")
);
CREATE INDEX "rosterkit_membership_groups_orgId_groupId_idx" ON "rosterkit_membership_groups"("orgId", "groupId");

CREATE TABLE "rosterkit_groups" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL,
    PRIMARY KEY ("id")
);
CREATE INDEX "rosterkit_groups_orgId_spaceId_name_idx" ON "rosterkit_groups"("orgId", "spaceId", "name");

CREATE TABLE "rosterkit_invitations" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "groupIdsJson" TEXT NOT NULL,
    "managerId" TEXT,
    "invitedBy" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL,
    PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_invitations_tokenHash_key" ON "rosterkit_invitations"("tokenHash");
CREATE INDEX "rosterkit_invitations_orgId_accountId_createdAt_idx" ON "rosterkit_invitations"("orgId", "accountId", "createdAt");

CREATE TABLE "rosterkit_audit_events" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "actorJson" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "beforeJson" TEXT,
    "afterJson" TEXT,
    "at" DATETIME NOT NULL,
    PRIMARY KEY ("id")
);
CREATE INDEX "rosterkit_audit_events_orgId_at_id_idx" ON "rosterkit_audit_events"("orgId", "at", "id");
CREATE INDEX "rosterkit_audit_events_orgId_targetType_targetId_at_id_idx" ON "rosterkit_audit_events"("orgId", "targetType", "targetId", "at", "id");

CREATE TABLE "rosterkit_outbox_messages" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME,
    "attempts" INTEGER NOT NULL,
    PRIMARY KEY ("id")
);
CREATE INDEX "rosterkit_outbox_messages_deliveredAt_createdAt_id_idx" ON "rosterkit_outbox_messages"("deliveredAt", "createdAt", "id");
CREATE INDEX "rosterkit_outbox_messages_orgId_idx" ON "rosterkit_outbox_messages"("orgId");
