-- rosterkit: the roles an organization stores at run time (defineRole), on
-- PostgreSQL. A role's name is unique in its organization; listings go by
-- rank (highest first) then name, so that order has its index. A new table:
-- no existing row changes.

CREATE TABLE "rosterkit_roles" (
    "id" VARCHAR(64) COLLATE "C" NOT NULL,
    "orgId" VARCHAR(64) COLLATE "C" NOT NULL,
    "name" VARCHAR(64) COLLATE "C" NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "description" VARCHAR(500) NOT NULL,
    "rank" INTEGER NOT NULL,
    "permissionsJson" TEXT NOT NULL,
    "scope" VARCHAR(16) COLLATE "C" NOT NULL,
    "restrictionsJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "rosterkit_roles_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_roles_orgId_name_key" ON "rosterkit_roles"("orgId", "name");
CREATE INDEX "rosterkit_roles_orgId_rank_name_idx" ON "rosterkit_roles"("orgId", "rank", "name");
