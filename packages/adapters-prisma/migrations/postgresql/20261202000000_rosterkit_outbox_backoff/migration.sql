-- rosterkit: outbox back-off and dead messages, on PostgreSQL. Each message
-- gets the time it may next be tried (existing rows: their createdAt, so they
-- stay due as before), why its last delivery failed, and when it was parked
-- dead. The due query (undelivered, not dead, next attempt passed, in that
-- order) gets its index; the one it replaces served the old query only.
-- Every row of the table is updated once: on a large outbox, run it at a
-- quiet moment.

ALTER TABLE "rosterkit_outbox_messages" ADD COLUMN "nextAttemptAt" TIMESTAMP(3),
    ADD COLUMN "lastError" TEXT,
    ADD COLUMN "deadAt" TIMESTAMP(3);
UPDATE "rosterkit_outbox_messages" SET "nextAttemptAt" = "createdAt";
ALTER TABLE "rosterkit_outbox_messages" ALTER COLUMN "nextAttemptAt" SET NOT NULL;
DROP INDEX "rosterkit_outbox_messages_deliveredAt_createdAt_id_idx";
CREATE INDEX "rosterkit_outbox_messages_due_idx" ON "rosterkit_outbox_messages"("deliveredAt", "deadAt", "nextAttemptAt", "createdAt", "id");
CREATE INDEX "rosterkit_outbox_messages_deadAt_id_idx" ON "rosterkit_outbox_messages"("deadAt", "id");
