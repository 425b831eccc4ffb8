-- rosterkit: accounts linked to the host's users, and seat limits, on
-- PostgreSQL. Each account may carry the host's id of its person
-- (`externalId`, compared exactly), unique in its organization when set
-- (NULLs are distinct, so any number of accounts have none). The pending
-- invitations of an organization, counted for the seat limits, get their
-- index. Existing rows keep `externalId` NULL.

ALTER TABLE "rosterkit_accounts" ADD COLUMN "externalId" VARCHAR(255) COLLATE "C";
CREATE UNIQUE INDEX "rosterkit_accounts_orgId_externalId_key" ON "rosterkit_accounts"("orgId", "externalId");
CREATE INDEX "rosterkit_invitations_orgId_status_idx" ON "rosterkit_invitations"("orgId", "status");
