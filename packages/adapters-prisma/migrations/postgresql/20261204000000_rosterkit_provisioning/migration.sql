-- rosterkit: SCIM provisioning, on PostgreSQL. An identity provider's
-- connection (its bearer token kept as a hash, unique across organizations)
-- and its links: each SCIM resource (a User or a Group) and the account or
-- group it is, unique per connection and type by target, by lower-cased
-- userName (its key) and by externalId. The *Key columns hold what filters
-- compare, in code unit order ("C"). New tables: no existing row changes.

CREATE TABLE "rosterkit_provisioning_connections" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "spaceId" VARCHAR(64) COLLATE "C" NOT NULL,
    "defaultRole" VARCHAR(64) COLLATE "C" NOT NULL,
    "onCreate" VARCHAR(16) COLLATE "C" NOT NULL,
    "groupRolesJson" TEXT NOT NULL,
    "status" VARCHAR(16) COLLATE "C" NOT NULL,
    "tokenHash" VARCHAR(128) COLLATE "C" NOT NULL,
    "tokenHint" VARCHAR(8) NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    CONSTRAINT "rosterkit_provisioning_connections_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_provisioning_connections_tokenHash_key" ON "rosterkit_provisioning_connections"("tokenHash");
CREATE INDEX "rosterkit_provisioning_connections_orgId_createdAt_id_idx" ON "rosterkit_provisioning_connections"("orgId", "createdAt", "id");

CREATE TABLE "rosterkit_provisioning_links" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "connectionId" VARCHAR(64) COLLATE "C" NOT NULL,
    "resourceType" VARCHAR(16) COLLATE "C" NOT NULL,
    "targetId" VARCHAR(64) COLLATE "C" NOT NULL,
    "userName" VARCHAR(255) NOT NULL,
    "userNameKey" VARCHAR(1275) COLLATE "C" NOT NULL,
    "externalId" VARCHAR(255) COLLATE "C",
    "attributesJson" TEXT NOT NULL,
    "idKey" VARCHAR(320) COLLATE "C" NOT NULL,
    "externalIdKey" VARCHAR(1275) COLLATE "C",
    "displayNameKey" TEXT COLLATE "C",
    "emailKeys" TEXT COLLATE "C",
    "active" BOOLEAN,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "rosterkit_provisioning_links_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_provisioning_links_target_key" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "targetId");
CREATE UNIQUE INDEX "rosterkit_provisioning_links_userName_key" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "userNameKey");
CREATE UNIQUE INDEX "rosterkit_provisioning_links_externalId_key" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "externalId");
CREATE INDEX "rosterkit_provisioning_links_list_idx" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "createdAt", "id");
