import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

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
export const Organization: Model<Organization> = defineModel('Organization', schema);
/** The tenant. See {@link Organization}. */
export interface Organization {
  id: string;
  name: string;
  /** The host's plan name; plan-gated features (statistics) are policy rules over it. */
  plan: string;
  /** The one owner: an active member of the default space with the top role. */
  ownerId: string;
  /** The default space, "the team". */
  defaultSpaceId: string;
  createdAt: Date;
  version: number;
}

type _OrganizationMatchesSchema = Assert<Equals<z.output<typeof schema>, Organization>>;
