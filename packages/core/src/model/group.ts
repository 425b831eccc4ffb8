import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { Id, Timestamp, Version } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

const schema = z.object({
  id: Id.schema,
  orgId: Id.schema,
  spaceId: Id.schema,
  name: z.string().trim().min(1, 'Must not be empty').max(200),
  /** The host's word for it: `'department'`, `'queue'`... */
  kind: z.string().trim().min(1).max(64),
  createdAt: Timestamp.schema,
  version: Version.schema,
});

/**
 * A department or queue inside a space. Deactivating an account removes it
 * from every group; reactivating does not restore them.
 */
export const Group: Model<Group> = defineModel('Group', schema);
/** A department or queue. See {@link Group}. */
export interface Group {
  id: string;
  orgId: string;
  spaceId: string;
  name: string;
  /** The host's word for it: `'department'`, `'queue'`... */
  kind: string;
  createdAt: Date;
  version: number;
}

type _GroupMatchesSchema = Assert<Equals<z.output<typeof schema>, Group>>;
