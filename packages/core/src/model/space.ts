import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

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
export const Space: Model<Space> = defineModel('Space', schema);
/** An area of the organization. See {@link Space}. */
export interface Space {
  id: string;
  orgId: string;
  name: string;
  /** The organization's default space, "the team" of single-team products. */
  isDefault: boolean;
  createdAt: Date;
  version: number;
}

type _SpaceMatchesSchema = Assert<Equals<z.output<typeof schema>, Space>>;
