-- rosterkit: the tables of prisma/rosterkit.prisma on PostgreSQL.
-- Text that lists sort or compare is COLLATE "C": code point order, whatever
-- the database's default collation. No foreign keys: rosterkit deletes rows in
-- its own order, inside its transactions.

CREATE TABLE "rosterkit_organizations" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "plan" VARCHAR(100) NOT NULL,
    "ownerId" VARCHAR(64) COLLATE "C" NOT NULL,
    "defaultSpaceId" VARCHAR(64) COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "rosterkit_organizations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "rosterkit_accounts" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "email" VARCHAR(320) COLLATE "C" NOT NULL,
    "firstName" VARCHAR(100) NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "firstNameKey" VARCHAR(100) COLLATE "C" NOT NULL,
    "lastNameKey" VARCHAR(100) COLLATE "C" NOT NULL,
    "nameSearch" VARCHAR(201) COLLATE "C" NOT NULL,
    "status" VARCHAR(16) COLLATE "C" NOT NULL,
    "profileJson" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "rosterkit_accounts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_accounts_orgId_email_key" ON "rosterkit_accounts"("orgId", "email");
CREATE INDEX "rosterkit_accounts_orgId_status_idx" ON "rosterkit_accounts"("orgId", "status");
CREATE INDEX "rosterkit_accounts_orgId_firstNameKey_lastNameKey_id_idx" ON "rosterkit_accounts"("orgId", "firstNameKey", "lastNameKey", "id");
CREATE INDEX "rosterkit_accounts_orgId_createdAt_id_idx" ON "rosterkit_accounts"("orgId", "createdAt", "id");
CREATE INDEX "rosterkit_accounts_orgId_lastSeenAt_id_idx" ON "rosterkit_accounts"("orgId", "lastSeenAt", "id");

CREATE TABLE "rosterkit_spaces" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "name" VARCHAR(200) COLLATE "C" NOT NULL,
    "isDefault" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "rosterkit_spaces_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rosterkit_spaces_orgId_name_idx" ON "rosterkit_spaces"("orgId", "name");

CREATE TABLE "rosterkit_memberships" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "accountId" VARCHAR(64) COLLATE "C" NOT NULL,
    "spaceId" VARCHAR(64) COLLATE "C" NOT NULL,
    "state" VARCHAR(16) COLLATE "C" NOT NULL,
    "role" VARCHAR(64) COLLATE "C" NOT NULL,
    "restrictionsJson" TEXT NOT NULL,
    "groupIdsJson" TEXT NOT NULL,
    "managerId" VARCHAR(64) COLLATE "C",
    "periodsJson" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "rosterkit_memberships_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_memberships_orgId_accountId_spaceId_key" ON "rosterkit_memberships"("orgId", "accountId", "spaceId");
CREATE INDEX "rosterkit_memberships_orgId_spaceId_state_role_idx" ON "rosterkit_memberships"("orgId", "spaceId", "state", "role");
CREATE INDEX "rosterkit_memberships_orgId_managerId_state_idx" ON "rosterkit_memberships"("orgId", "managerId", "state");

CREATE TABLE "rosterkit_membership_groups" (
    "membershipId" VARCHAR(64) COLLATE "C" NOT NULL,
    "groupId" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    CONSTRAINT "rosterkit_membership_groups_pkey" PRIMARY KEY ("membershipId", "groupId")
);
CREATE INDEX "rosterkit_membership_groups_orgId_groupId_idx" ON "rosterkit_membership_groups"("orgId", "groupId");

CREATE TABLE "rosterkit_groups" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "spaceId" VARCHAR(64) COLLATE "C" NOT NULL,
    "name" VARCHAR(200) COLLATE "C" NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "rosterkit_groups_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rosterkit_groups_orgId_spaceId_name_idx" ON "rosterkit_groups"("orgId", "spaceId", "name");

CREATE TABLE "rosterkit_invitations" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "accountId" VARCHAR(64) COLLATE "C" NOT NULL,
    "spaceId" VARCHAR(64) COLLATE "C" NOT NULL,
    "email" VARCHAR(320) COLLATE "C" NOT NULL,
    "role" VARCHAR(64) COLLATE "C" NOT NULL,
    "groupIdsJson" TEXT NOT NULL,
    "managerId" VARCHAR(64) COLLATE "C",
    "invitedBy" VARCHAR(64) COLLATE "C" NOT NULL,
    "tokenHash" VARCHAR(128) COLLATE "C" NOT NULL,
    "status" VARCHAR(16) COLLATE "C" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "rosterkit_invitations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_invitations_tokenHash_key" ON "rosterkit_invitations"("tokenHash");
CREATE INDEX "rosterkit_invitations_orgId_accountId_createdAt_idx" ON "rosterkit_invitations"("orgId", "accountId", "createdAt");

CREATE TABLE "rosterkit_audit_events" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "actorJson" TEXT,
    "action" VARCHAR(100) NOT NULL,
    "targetType" VARCHAR(32) COLLATE "C" NOT NULL,
    "targetId" VARCHAR(64) COLLATE "C" NOT NULL,
    "beforeJson" TEXT,
    "afterJson" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "rosterkit_audit_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rosterkit_audit_events_orgId_at_id_idx" ON "rosterkit_audit_events"("orgId", "at", "id");
CREATE INDEX "rosterkit_audit_events_orgId_targetType_targetId_at_id_idx" ON "rosterkit_audit_events"("orgId", "targetType", "targetId", "at", "id");

CREATE TABLE "rosterkit_outbox_messages" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "topic" VARCHAR(100) NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL,
    CONSTRAINT "rosterkit_outbox_messages_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "rosterkit_outbox_messages_deliveredAt_createdAt_id_idx" ON "rosterkit_outbox_messages"("deliveredAt", "createdAt", "id");
CREATE INDEX "rosterkit_outbox_messages_orgId_idx" ON "rosterkit_outbox_messages"("orgId");
