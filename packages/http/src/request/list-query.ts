import { AccountStatus, RoleName } from '@rosterkit/core';
import { z } from 'zod';

// Query strings are flat strings; these schemas read them into the fields of
// core's list inputs. Lists are comma-separated (`status=active,pending`), a
// sort is a field with an optional `-` for descending (`sort=-createdAt`).

const list = <T extends z.ZodType>(item: T, description: string) =>
  z
    .string()
    .max(2000)
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item).max(100) as unknown as z.ZodType<z.output<T>[], string[]>)
    .meta({ description });

const sortFields = ['name', 'email', 'createdAt', 'lastSeenAt'] as const;

// The query parameters of `listAccounts` and `listMembers`.
const listFields = {
  search: z.string().max(200).optional().meta({ description: 'Words of a name or an email.' }),
  status: list(AccountStatus.schema, 'Comma-separated statuses: `active,pending`.').optional(),
  role: list(RoleName.schema, 'Comma-separated role names.').optional(),
  spaceId: z.string().min(1).max(191).optional(),
  groupId: z.string().min(1).max(191).optional(),
  sort: z
    .string()
    .regex(
      /^-?(name|email|createdAt|lastSeenAt)$/,
      `Must be one of ${sortFields.join(', ')}, optionally after "-"`,
    )
    .optional()
    .meta({ description: 'A field, `-` first for descending: `-createdAt`. Default `name`.' }),
  cursor: z
    .string()
    .max(1000)
    .optional()
    .meta({ description: 'The `nextCursor` of the previous page.' }),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'Must be a whole number')
    .transform(Number)
    .optional()
    .meta({ description: '1 to 500; default 50.' }),
};

type ListFields = z.output<z.ZodObject<typeof listFields>>;

function toListInput(query: Partial<ListFields>) {
  return {
    ...(query.search === undefined ? {} : { search: query.search }),
    ...(query.status === undefined ? {} : { statuses: query.status as AccountStatus[] }),
    ...(query.role === undefined ? {} : { roles: query.role }),
    ...(query.spaceId === undefined ? {} : { spaceId: query.spaceId }),
    ...(query.groupId === undefined ? {} : { groupId: query.groupId }),
    ...(query.sort === undefined
      ? {}
      : {
          sort: {
            field: query.sort.replace(/^-/, '') as (typeof sortFields)[number],
            direction: query.sort.startsWith('-') ? ('desc' as const) : ('asc' as const),
          },
        }),
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  };
}

/** The query string of `listAccounts`. @internal */
export const ListQuery = z.strictObject(listFields).transform(toListInput);

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((text) => text === 'true' || text === '1');

const limit = (fallback: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, 'Must be a whole number')
    .transform(Number)
    .optional()
    .meta({ description: `1 to 500; default ${fallback}.` });

const cursor = z
  .string()
  .max(1000)
  .optional()
  .meta({ description: 'The `nextCursor` of the previous page.' });

/** The query of the team of one space: the space is in the path. @internal */
export const MembersQuery = z
  .strictObject({
    ...listFields,
    includePending: flag
      .optional()
      .meta({ description: 'Also the space’s pending invitees (no memberships yet): `true`.' }),
  })
  .omit({ spaceId: true })
  .transform(({ includePending, ...query }) => ({
    ...toListInput(query),
    ...(includePending === undefined ? {} : { includePending }),
  }));

const invitationStatuses = z.enum(['pending', 'expired', 'accepted', 'revoked', 'declined']);

/** The query of `listInvitations`. @internal */
export const InvitationsQuery = z
  .strictObject({
    spaceId: z.string().min(1).max(191).optional(),
    status: list(invitationStatuses, 'Comma-separated: `pending,expired`.').optional(),
    cursor,
    limit: limit(50),
  })
  .transform((query) => ({
    ...(query.spaceId === undefined ? {} : { spaceId: query.spaceId }),
    ...(query.status === undefined ? {} : { statuses: query.status }),
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  }));

/** The query of `history`: a page of older events. @internal */
export const HistoryQuery = z.strictObject({ cursor, limit: limit(100) }).transform((query) => ({
  ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  ...(query.limit === undefined ? {} : { limit: query.limit }),
}));

/** The query of `listDeadOutboxMessages`: a page of the organization's dead messages. @internal */
export const DeadOutboxQuery = z.strictObject({ cursor, limit: limit(50) }).transform((query) => ({
  ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  ...(query.limit === undefined ? {} : { limit: query.limit }),
}));

/**
 * The subject of a "may I?" question, as query parameters named like core's
 * `CanSubject` (core validates them again). @internal
 */
export const SubjectQuery = z
  .strictObject({
    accountId: z.string().min(1).max(191).optional(),
    spaceId: z.string().min(1).max(191).optional(),
    invitationId: z.string().min(1).max(191).optional(),
    roleId: z.string().min(1).max(191).optional(),
    role: RoleName.schema.optional().meta({ description: 'The role a grant would give.' }),
    field: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .meta({ description: 'The profile field an edit would change.' }),
  })
  .transform(
    (query) =>
      Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as {
        accountId?: string;
        spaceId?: string;
        invitationId?: string;
        roleId?: string;
        role?: string;
        field?: string;
      },
  );

/** The query of `presence`. @internal */
export const PresenceQuery = z
  .strictObject({
    accountIds: list(z.string().min(1).max(191), 'Comma-separated account ids, 1 to 500.'),
  })
  .transform((query) => ({ accountIds: query.accountIds }));

/** The query of the bulk routes. @internal */
export const BulkUpdateQuery = z.strictObject({
  dryRun: flag.optional().meta({ description: 'Check everything, write nothing: `true`.' }),
});

/** The query of the bulk import route. @internal */
export const BulkImportQuery = BulkUpdateQuery.extend({
  space: z.string().trim().min(1).max(200).optional().meta({
    description: 'The space (by name) of rows that name none; the default space when absent.',
  }),
});

/**
 * A query string as an object of strings; a parameter given twice is
 * refused (`INVALID_INPUT`) rather than one of its values silently dropped.
 * @internal
 */
export function queryObject(
  url: URL,
): { ok: true; value: Record<string, string> } | { ok: false; key: string } {
  const value: Record<string, string> = {};
  for (const [key, text] of url.searchParams) {
    if (Object.hasOwn(value, key)) return { ok: false, key };
    value[key] = text;
  }
  return { ok: true, value };
}
