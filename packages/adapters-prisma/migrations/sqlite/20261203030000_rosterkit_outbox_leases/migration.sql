-- rosterkit: outbox leases, on SQLite. A worker claims due messages with a
-- lease: the lease's id goes in `leaseId` and its end in `nextAttemptAt`, so
-- a claimed message is not due for other workers until the lease expires (a
-- killed worker's messages come back then). SQLite has one writer at a time:
-- a claim is a conditional UPDATE through the due index, which needs no change.

ALTER TABLE "rosterkit_outbox_messages" ADD COLUMN "leaseId" TEXT;
