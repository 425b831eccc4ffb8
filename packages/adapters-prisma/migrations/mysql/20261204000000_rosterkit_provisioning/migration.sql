-- rosterkit: SCIM provisioning, on MySQL / MariaDB. An identity provider's
-- connection (its bearer token kept as a hash, unique across organizations)
-- and its links: each SCIM resource (a User or a Group) and the account or
-- group it is, unique per connection and type by target, by lower-cased
-- userName (its key) and by externalId. The *Key columns hold what filters
-- compare: ASCII (`g` and hex digits, `|`), binary, so that the userName's
-- unique key fits MySQL's 3072-byte index limit. New tables: no existing row
-- changes.

CREATE TABLE `rosterkit_provisioning_connections` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `name` VARCHAR(100) NOT NULL,
    `spaceId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `defaultRole` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `onCreate` VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
    `groupRolesJson` TEXT NOT NULL,
    `status` VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
    `tokenHash` VARCHAR(128) COLLATE utf8mb4_bin NOT NULL,
    `tokenHint` VARCHAR(8) NOT NULL,
    `version` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    `lastUsedAt` DATETIME(3),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE UNIQUE INDEX `rosterkit_provisioning_connections_tokenHash_key` ON `rosterkit_provisioning_connections`(`tokenHash`);
CREATE INDEX `rosterkit_provisioning_connections_orgId_createdAt_id_idx` ON `rosterkit_provisioning_connections`(`orgId`, `createdAt`, `id`);

CREATE TABLE `rosterkit_provisioning_links` (
    `id` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `orgId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `connectionId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `resourceType` VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
    `targetId` VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    `userName` VARCHAR(255) NOT NULL,
    `userNameKey` VARCHAR(1275) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `externalId` VARCHAR(255) COLLATE utf8mb4_bin,
    `attributesJson` MEDIUMTEXT NOT NULL,
    `idKey` VARCHAR(320) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `externalIdKey` VARCHAR(1275) CHARACTER SET ascii COLLATE ascii_bin,
    `displayNameKey` MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin,
    `emailKeys` MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin,
    `active` BOOLEAN,
    `version` INT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE UNIQUE INDEX `rosterkit_provisioning_links_target_key` ON `rosterkit_provisioning_links`(`orgId`, `connectionId`, `resourceType`, `targetId`);
CREATE UNIQUE INDEX `rosterkit_provisioning_links_userName_key` ON `rosterkit_provisioning_links`(`orgId`, `connectionId`, `resourceType`, `userNameKey`);
CREATE UNIQUE INDEX `rosterkit_provisioning_links_externalId_key` ON `rosterkit_provisioning_links`(`orgId`, `connectionId`, `resourceType`, `externalId`);
CREATE INDEX `rosterkit_provisioning_links_list_idx` ON `rosterkit_provisioning_links`(`orgId`, `connectionId`, `resourceType`, `createdAt`, `id`);
