import { z } from 'zod';
import { defineModel, type ModelInput } from '../model/define-model.js';
import { Email, ExternalId, Id } from '../model/primitives.js';
import { maxPageSize } from '../ports/limits.js';
import { expectedVersion } from './expected-version.js';

// The inputs of the identity-link and history commands (issue 14), validated
// like every other input: bad input is INVALID_INPUT with the field path.

/** Input of `linkExternalId`. */
export const LinkExternalIdInput = defineModel(
  'linkExternalId input',
  z.strictObject({ accountId: Id.schema, ...expectedVersion, externalId: ExternalId.schema }),
);
/** What `linkExternalId` takes. */
export type LinkExternalIdInput = ModelInput<typeof LinkExternalIdInput>;

/** Input of `findAccount`: the organization, and the account's `externalId` or its email (exactly one). */
export const FindAccountInput = defineModel(
  'findAccount input',
  z
    .strictObject({
      orgId: Id.schema,
      externalId: ExternalId.schema.optional(),
      /** Any spelling of the address: it is normalized as account emails are. */
      email: Email.schema.optional(),
    })
    // One key or the other, so that the answer never depends on which wins.
    .superRefine((input, ctx) => {
      if ((input.externalId === undefined) === (input.email === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [input.externalId === undefined ? 'externalId' : 'email'],
          message: 'Give exactly one of externalId and email',
        });
      }
    }),
);
/** What `findAccount` takes: `{ orgId, externalId }` or `{ orgId, email }`. */
export type FindAccountInput = ModelInput<typeof FindAccountInput>;

/** Input of `history`. */
export const HistoryInput = defineModel(
  'history input',
  z.strictObject({
    accountId: Id.schema,
    /** From `nextCursor` of the previous page; absent for the newest events. */
    cursor: z.string().min(1).max(1000).optional(),
    /** Events per page, 1 to 500. @default 100 */
    limit: z.int().min(1).max(maxPageSize).default(100),
  }),
);
/** What `history` takes, as a caller writes it (before the model fills in its defaults). */
export type HistoryInput = ModelInput<typeof HistoryInput>;
