import { z } from 'zod';
import { defineModel } from './define-model.js';
import { Id } from './primitives.js';

const schema = z.object({
  accountId: Id.schema,
  orgId: Id.schema,
});

/**
 * Who is calling: an account of an organization. Every command runs as an
 * actor, and the Policy decides what that actor may do.
 */
export const Actor = defineModel('Actor', schema);
/** Who is calling. See {@link Actor}. */
export type Actor = z.output<typeof schema>;
