import type { ReadFilter } from '@rosterkit/core';
import {
  type FieldCondition,
  type FilterFields,
  type ReadFilterTranslator,
  translateReadFilter,
} from '@rosterkit/core/adapter';

/** A Prisma `where` input, as plain data. */
export type PrismaWhere = Record<string, unknown>;

/** Matches no row: Prisma turns `in: []` into a false condition. @internal */
export const noRow: PrismaWhere = { id: { in: [] } };
/** Matches every row. @internal */
export const anyRow: PrismaWhere = {};

// The fields of an account a read filter may name: its own columns, and
// `roles` and `spaceIds`, derived from its current memberships. `profile` is
// JSON text in SQL: no comparison of it means what it means in JavaScript.
const accountFields: FilterFields = {
  id: { type: 'text' },
  orgId: { type: 'text' },
  email: { type: 'text' },
  firstName: { type: 'text' },
  lastName: { type: 'text' },
  status: { type: 'text' },
  createdAt: { type: 'date' },
  updatedAt: { type: 'date' },
  lastSeenAt: { type: 'date', nullable: true },
  version: { type: 'number' },
  roles: { type: 'text', array: true },
  spaceIds: { type: 'text', array: true },
  profile: 'unsupported',
};

// The membership column each derived field reads.
const derivedColumns: Readonly<Record<string, string>> = { roles: 'role', spaceIds: 'spaceId' };

function test(condition: FieldCondition): unknown {
  switch (condition.test) {
    case 'in':
      return { in: [...condition.values] };
    case 'compare':
      return { [condition.op]: condition.operand };
    case 'null':
      return null;
  }
}

function translator(orgId: string): ReadFilterTranslator<PrismaWhere> {
  return {
    field(name, field, condition) {
      if (field.array !== true) return { [name]: test(condition) };
      // `orgId` says nothing new (a membership shares its account's
      // organization) but lets the database reach the memberships through its
      // (orgId, accountId) index instead of scanning them.
      const column = derivedColumns[name] ?? name;
      return { memberships: { some: { orgId, state: 'member', [column]: test(condition) } } };
    },
    and: (parts) => ({ AND: [...parts] }),
    or: (parts) => ({ OR: [...parts] }),
    not: (part) => ({ NOT: part }),
    all: anyRow,
    none: noRow,
  };
}

/**
 * Translates a read filter over accounts (their own fields, plus `roles` and
 * `spaceIds` from their current memberships) into a Prisma `where` on
 * `RosterkitAccount` of organization `orgId` that selects exactly the rows
 * `matchesFilter` accepts (the adapter kit's `translateReadFilter` decides
 * what each comparison means; this writes it as Prisma's `where`).
 *
 * @throws `INVALID_INPUT` for a comparison SQL cannot express the same way
 * (an ordering of text with a number, or any condition on `profile`).
 * @internal
 */
export function readFilterWhere(orgId: string, filter: ReadFilter): PrismaWhere {
  return translateReadFilter(filter, accountFields, translator(orgId));
}
