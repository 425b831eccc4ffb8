-- rosterkit: invitations carry restrictions, and are listed, on PostgreSQL.
-- Each invitation gets the restrictions it grants (existing rows: none), as
-- JSON text like its groups. The invitation list (newest first, of the
-- organization or of one space) gets its indexes. A declined invitation is
-- one more value of the `status` text: no change there.

ALTER TABLE "rosterkit_invitations" ADD COLUMN "restrictionsJson" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "rosterkit_invitations" ALTER COLUMN "restrictionsJson" DROP DEFAULT;
CREATE INDEX "rosterkit_invitations_orgId_createdAt_id_idx" ON "rosterkit_invitations"("orgId", "createdAt", "id");
CREATE INDEX "rosterkit_invitations_orgId_spaceId_createdAt_id_idx" ON "rosterkit_invitations"("orgId", "spaceId", "createdAt", "id");
