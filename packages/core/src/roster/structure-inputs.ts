import { z } from 'zod';
import { defineModel, type ModelInput } from '../model/define-model.js';
import { Id } from '../model/primitives.js';
import { maxPageSize } from '../ports/limits.js';
import { expectedVersion } from './expected-version.js';

// The inputs of the invitation list, the invitee's decline, and the reads
// and changes of the organization's structure (spaces, groups), validated
// like every other input before anything is read.

const name = z.string().trim().min(1, 'Must not be empty').max(200);

/** Input of `declineInvitation`: the token of the invitation link. */
export const DeclineInvitationInput = defineModel(
  'declineInvitation input',
  z.strictObject({ token: z.string().min(1).max(200) }),
);

/** What `declineInvitation` takes, as a caller writes it. */
export type DeclineInvitationInput = ModelInput<typeof DeclineInvitationInput>;

/** Input of `listInvitations`. */
export const ListInvitationsInput = defineModel(
  'listInvitations input',
  z.strictObject({
    /** Only the invitations into this space; every space the actor may read invitations of when absent. */
    spaceId: Id.schema.optional(),
    /** Only these (an expired invitation is a pending one past its expiry). */
    statuses: z
      .array(z.enum(['pending', 'expired', 'accepted', 'revoked', 'declined']))
      .min(1)
      .max(5)
      .optional(),
    cursor: z.string().max(1000).optional(),
    /** 1 to 500. @default 50 */
    limit: z.int().min(1).max(maxPageSize).default(50),
  }),
);

/** What `listInvitations` takes, as a caller writes it (before the model fills in its defaults). */
export type ListInvitationsInput = ModelInput<typeof ListInvitationsInput>;

/** Input of `listGroups`. */
export const ListGroupsInput = defineModel(
  'listGroups input',
  z.strictObject({
    /** The space whose groups to list; the default space when absent. */
    spaceId: Id.schema.optional(),
  }),
);

/** What `listGroups` takes, as a caller writes it. */
export type ListGroupsInput = ModelInput<typeof ListGroupsInput>;

/** Input of `renameSpace`. */
export const RenameSpaceInput = defineModel(
  'renameSpace input',
  z.strictObject({ spaceId: Id.schema, ...expectedVersion, name }),
);

/** What `renameSpace` takes, as a caller writes it. */
export type RenameSpaceInput = ModelInput<typeof RenameSpaceInput>;

/** Input of `deleteSpace`. */
export const DeleteSpaceInput = defineModel(
  'deleteSpace input',
  z.strictObject({ spaceId: Id.schema, ...expectedVersion }),
);

/** What `deleteSpace` takes, as a caller writes it. */
export type DeleteSpaceInput = ModelInput<typeof DeleteSpaceInput>;

/** Input of `renameGroup`. */
export const RenameGroupInput = defineModel(
  'renameGroup input',
  z.strictObject({ groupId: Id.schema, ...expectedVersion, name }),
);

/** What `renameGroup` takes, as a caller writes it. */
export type RenameGroupInput = ModelInput<typeof RenameGroupInput>;

/** Input of `deleteGroup`. */
export const DeleteGroupInput = defineModel(
  'deleteGroup input',
  z.strictObject({ groupId: Id.schema, ...expectedVersion }),
);

/** What `deleteGroup` takes, as a caller writes it. */
export type DeleteGroupInput = ModelInput<typeof DeleteGroupInput>;
