-- rosterkit: invitations carry restrictions, and are listed, on SQLite. Each
-- invitation gets the restrictions it grants (existing rows: none), as JSON
-- text like its groups. SQLite adds a NOT NULL column only with a default;
-- rosterkit always writes the column, so the default only fills old rows.
-- The invitation list (newest first, of the organization or of one space)
-- gets its indexes. A declined invitation is one more value of `status`.

ALTER TABLE "rosterkit_invitations" ADD COLUMN "restrictionsJson" TEXT NOT NULL DEFAULT '[]';
CREATE INDEX "rosterkit_invitations_orgId_createdAt_id_idx" ON "rosterkit_invitations"("orgId", "createdAt", "id");
CREATE INDEX "rosterkit_invitations_orgId_spaceId_createdAt_id_idx" ON "rosterkit_invitations"("orgId", "spaceId", "createdAt", "id");
