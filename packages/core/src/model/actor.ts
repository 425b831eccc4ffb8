import { z } from 'zod';
import { defineModel, type Model } from './define-model.js';
import { Id } from './primitives.js';
import type { Assert, Equals } from './type-equals.js';

const schema = z.object({
  accountId: Id.schema,
  orgId: Id.schema,
});

/**
 * Who is calling: an account of an organization. Every command runs as an
 * actor, and the Policy decides what that actor may do.
 */
export const Actor: Model<Actor> = defineModel('Actor', schema);
/** Who is calling. See {@link Actor}. */
export interface Actor {
  /** The calling account. */
  accountId: string;
  /** The account's organization. */
  orgId: string;
}

type _ActorMatchesSchema = Assert<Equals<z.output<typeof schema>, Actor>>;
