-- rosterkit: outbox back-off and dead messages, on SQLite. Each message gets
-- the time it may next be tried (existing rows: their createdAt, so they stay
-- due as before), why its last delivery failed, and when it was parked dead.
-- The due query (undelivered, not dead, next attempt passed, in that order)
-- gets its index; the one it replaces served the old query only. SQLite
-- cannot add a NOT NULL column without a default, so the table is rebuilt
-- and its rows copied, as Prisma Migrate does (it has no foreign keys).

CREATE TABLE "new_rosterkit_outbox_messages" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME,
    "attempts" INTEGER NOT NULL,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "deadAt" DATETIME,
    PRIMARY KEY ("id")
);
INSERT INTO "new_rosterkit_outbox_messages" ("id", "orgId", "topic", "payloadJson", "createdAt", "deliveredAt", "attempts", "nextAttemptAt", "lastError", "deadAt")
    SELECT "id", "orgId", "topic", "payloadJson", "createdAt", "deliveredAt", "attempts", "createdAt", NULL, NULL FROM "rosterkit_outbox_messages";
DROP TABLE "rosterkit_outbox_messages";
ALTER TABLE "new_rosterkit_outbox_messages" RENAME TO "rosterkit_outbox_messages";
CREATE INDEX "rosterkit_outbox_messages_due_idx" ON "rosterkit_outbox_messages"("deliveredAt", "deadAt", "nextAttemptAt", "createdAt", "id");
CREATE INDEX "rosterkit_outbox_messages_deadAt_id_idx" ON "rosterkit_outbox_messages"("deadAt", "id");
CREATE INDEX "rosterkit_outbox_messages_orgId_idx" ON "rosterkit_outbox_messages"("orgId");
