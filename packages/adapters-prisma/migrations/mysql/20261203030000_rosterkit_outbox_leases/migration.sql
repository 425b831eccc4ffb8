-- rosterkit: outbox leases, on MySQL and MariaDB. A worker claims due
-- messages with a lease: the lease's id goes in `leaseId` and its end in
-- `nextAttemptAt`, so a claimed message is not due for other workers until
-- the lease expires (a killed worker's messages come back then). Claims lock
-- rows with FOR UPDATE SKIP LOCKED (MySQL 8, MariaDB 10.6+) through the due
-- index, which needs no change.

ALTER TABLE `rosterkit_outbox_messages` ADD COLUMN `leaseId` VARCHAR(64) COLLATE utf8mb4_bin NULL;
