import { z } from 'zod';
import { defineModel } from './define-model.js';
import { Id, Timestamp, Version } from './primitives.js';

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  name: z.string().trim().min(1, 'Must not be empty').max(200),
  /** The organization's default space, "the team" of single-team products. */
  isDefault: z.boolean(),
  createdAt: Timestamp.schema,
  version: Version.schema,
});

/**
 * An area of the organization to which access is granted (a team, a Space, a
 * site or centre). Every organization has a default space.
 */
export const Space = defineModel('Space', schema);
/** An area of the organization. See {@link Space}. */
export type Space = z.output<typeof schema>;
