-- rosterkit: SCIM group members, on SQLite. One row per User link of a
-- connection in one of its Group links (what a SCIM group lists as its
-- members), apart from rosterkit's own memberships. The primary key lists a
-- group's members in order; the index, a user's groups and an
-- organization's rows. No foreign keys, as elsewhere: rosterkit deletes a
-- link's member rows with the link. A new table: no existing row changes.

CREATE TABLE "rosterkit_provisioning_group_members" (
    "groupLinkId" TEXT NOT NULL,
    "userLinkId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    PRIMARY KEY ("groupLinkId", "userLinkId")
);
CREATE INDEX "rosterkit_provisioning_group_members_user_idx" ON "rosterkit_provisioning_group_members"("orgId", "userLinkId", "groupLinkId");

-- A link's externalId is not unique (RFC 7643 §3.1 gives it no uniqueness;
-- identity providers create several users or groups with one): the unique
-- index of 20261204000000 becomes a plain one, on the key `externalId eq`
-- filters compare. No row changes.
DROP INDEX "rosterkit_provisioning_links_externalId_key";
CREATE INDEX "rosterkit_provisioning_links_externalId_idx" ON "rosterkit_provisioning_links"("orgId", "connectionId", "resourceType", "externalIdKey");
