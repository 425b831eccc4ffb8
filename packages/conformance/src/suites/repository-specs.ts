import type { StoreTransaction, TenantRepository } from '@rosterkit/core';
import {
  buildAccount,
  buildGroup,
  buildInvitation,
  buildMembership,
  buildSpace,
} from '../fixtures.js';
import type { RawReaders } from '../raw-readers.js';

// The five tenant repositories, described once for the suites that test
// each of them alike (CRUD and versions; batch writes).

/** A versioned row of one organization. */
export interface Row {
  id: string;
  orgId: string;
  version: number;
}

/** How the suites reach one tenant repository, build its rows and read them raw. */
export interface RepositorySpec<T extends Row> {
  /** The subject, as in CONFLICT / NOT_FOUND details and in test titles. */
  readonly subject: string;
  readonly repository: (tx: StoreTransaction) => TenantRepository<T>;
  /** A valid new row of this organization, distinct from every other built row. */
  readonly build: (orgId: string) => T;
  /** The row with one ordinary field changed. */
  readonly edit: (row: T) => T;
  readonly raw: (
    raw: RawReaders,
    orgId: string,
    id: string,
  ) => T | undefined | Promise<T | undefined>;
}

/** Calls `visit` with the spec of every tenant repository: accounts, spaces, memberships, groups, invitations. */
export function forEachTenantRepository(
  visit: <T extends Row>(spec: RepositorySpec<T>) => void,
): void {
  visit({
    subject: 'Account',
    repository: (tx) => tx.accounts,
    build: (orgId) => buildAccount({ orgId }),
    edit: (row) => ({ ...row, firstName: `${row.firstName}x` }),
    raw: (raw, orgId, id) => raw.account(orgId, id),
  });
  visit({
    subject: 'Space',
    repository: (tx) => tx.spaces,
    build: (orgId) => buildSpace({ orgId }),
    edit: (row) => ({ ...row, name: `${row.name}x` }),
    raw: (raw, orgId, id) => raw.space(orgId, id),
  });
  visit({
    subject: 'Membership',
    repository: (tx) => tx.memberships,
    build: (orgId) => buildMembership({ orgId }),
    edit: (row) => ({
      ...row,
      restrictions: [...row.restrictions, 'no-export'],
      groupIds: [...row.groupIds, `grp_${row.version}`],
    }),
    raw: (raw, orgId, id) => raw.membership(orgId, id),
  });
  visit({
    subject: 'Group',
    repository: (tx) => tx.groups,
    build: (orgId) => buildGroup({ orgId }),
    edit: (row) => ({ ...row, name: `${row.name}x` }),
    raw: (raw, orgId, id) => raw.group(orgId, id),
  });
  visit({
    subject: 'Invitation',
    repository: (tx) => tx.invitations,
    build: (orgId) => buildInvitation({ orgId }),
    edit: (row) => ({ ...row, role: `${row.role}x` }),
    raw: (raw, orgId, id) => raw.invitation(orgId, id),
  });
}
