-- rosterkit: the roles an organization stores at run time (defineRole), on
-- SQLite. A role's name is unique in its organization; listings go by rank
-- (highest first) then name, so that order has its index. A new table: no
-- existing row changes.

CREATE TABLE "rosterkit_roles" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "permissionsJson" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "restrictionsJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL,
    PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rosterkit_roles_orgId_name_key" ON "rosterkit_roles"("orgId", "name");
CREATE INDEX "rosterkit_roles_orgId_rank_name_idx" ON "rosterkit_roles"("orgId", "rank", "name");
