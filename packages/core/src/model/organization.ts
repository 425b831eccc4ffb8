import { z } from 'zod';
import { defineModel } from './define-model.js';
import { Id, Timestamp, Version } from './primitives.js';

const schema = z.object({
  id: Id.schema,
  name: z.string().trim().min(1, 'Must not be empty').max(200),
  /** The host's plan name; plan-gated features (statistics) are policy rules over it. */
  plan: z.string().trim().min(1).max(100),
  ownerId: Id.schema,
  defaultSpaceId: Id.schema,
  createdAt: Timestamp.schema,
  version: Version.schema,
});

/**
 * The tenant: has a plan, exactly one owner (an active account of its own)
 * and a default space, "the team". Nothing crosses organizations.
 */
export const Organization = defineModel('Organization', schema);
/** The tenant. See {@link Organization}. */
export type Organization = z.output<typeof schema>;
