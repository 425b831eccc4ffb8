-- rosterkit: SCIM provisioning, on SQLite. An identity provider's connection
-- (its bearer token kept as a hash, unique across organizations) and its
-- links: each SCIM resource (a User or a Group) and the account or group it
-- is, unique per connection and type by target, by lower-cased userName (its
-- key) and by externalId. The *Key columns hold what filters compare. New
-- tables: no existing row changes.

CREATE TABLE "rosterkit_provisioning_connections" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "defaultRole" TEXT NOT NULL,
    "onCreate" TEXT NOT NULL,
    "groupRolesJson" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenHint" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME,
    PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_provisioning_connections_tokenHash_key" ON "rosterkit_provisioning_connections"("tokenHash");
CREATE INDEX "rosterkit_provisioning_connections_orgId_createdAt_id_idx" ON "rosterkit_provisioning_connections"("orgId", "createdAt", "id");

CREATE TABLE "rosterkit_provisioning_links" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "userNameKey" TEXT NOT NULL,
    "externalId" TEXT,
    "attributesJson" TEXT NOT NULL,
    "idKey" TEXT NOT NULL,
    "externalIdKey" TEXT,
    "displayNameKey" TEXT,
    "emailKeys" TEXT,
    "active" BOOLEAN,
    "version" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_provisioning_links_target_key" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "targetId");
CREATE UNIQUE INDEX "rosterkit_provisioning_links_userName_key" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "userNameKey");
CREATE UNIQUE INDEX "rosterkit_provisioning_links_externalId_key" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "externalId");
CREATE INDEX "rosterkit_provisioning_links_list_idx" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "createdAt", "id");
