import { z } from 'zod';
import { RosterError } from '../errors/roster-error.js';

/**
 * A validated shape of rosterkit's model. `parse` and `safeParse` never throw
 * a ZodError: bad input becomes a {@link RosterError} with code
 * `INVALID_INPUT` and one issue per field path at fault.
 *
 * @typeParam T - the parsed (output) type.
 * @typeParam I - what the schema accepts before its defaults and transforms
 * (`z.input` of it); `unknown` when not told.
 */
export interface Model<T, I = unknown> {
  /** The model's name, used in error messages (`'Account'`). */
  readonly name: string;
  /** The underlying zod schema, for composing the model into a host's own schemas. */
  readonly schema: z.ZodType<T, I>;
  /**
   * Validates and normalizes `input`.
   *
   * @throws {@link RosterError} `INVALID_INPUT` listing each field at fault.
   */
  parse(input: unknown): T;
  /** Like {@link Model.parse}, but returns the error instead of throwing it. */
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: RosterError<'INVALID_INPUT'> };
}

/**
 * What a {@link Model} accepts, as a caller writes it: its schema's input,
 * before defaults and transforms. The command inputs are typed with it, so a
 * method's parameter type and its validation cannot drift apart.
 *
 * @example
 * ```ts
 * import { type ModelInput, InviteInput } from '@rosterkit/core';
 *
 * const input: ModelInput<typeof InviteInput> = { email: 'bo@acme.io', role: 'agent' };
 * ```
 */
export type ModelInput<M extends Model<unknown, unknown>> =
  M extends Model<unknown, infer I> ? I : never;

/**
 * Turns a zod error into rosterkit's `INVALID_INPUT` error, keeping every
 * field path so a form can put each message next to its field.
 *
 * @param name - what was being validated, for the message (`'invite input'`).
 * @param error - the zod error.
 */
export function invalidInput(name: string, error: z.ZodError): RosterError<'INVALID_INPUT'> {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
  const listed = issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new RosterError(
    'INVALID_INPUT',
    `Invalid ${name}: ${listed}${more}.`,
    { issues },
    { cause: error },
  );
}

/**
 * `schema.safeParse(input)`, also when zod itself throws on the value. zod
 * runs a length check (`min`, `max`) on anything with a `length` property,
 * even after the type check failed, and compares it with a number: a
 * `length` that cannot become a primitive (an object without a prototype)
 * throws a TypeError out of `safeParse`. Such a value is bad input like any
 * other, reported at the root.
 * @internal
 */
export function safeParseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  try {
    return schema.safeParse(input);
  } catch {
    return {
      success: false,
      error: new z.ZodError([
        {
          code: 'custom',
          path: [],
          message: 'Unreadable value: a field cannot be converted to text or a number',
          input,
        },
      ]),
    } as z.ZodSafeParseResult<z.output<S>>;
  }
}

/**
 * Wraps a zod schema as a {@link Model}. Hosts use it to validate their own
 * additions (custom profile fields, say) with the same error contract.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { defineModel } from '@rosterkit/core';
 *
 * const Extension = defineModel('Extension', z.object({ number: z.string().regex(/^\d{3,6}$/) }));
 * Extension.parse({ number: 'abc' }); // throws RosterError INVALID_INPUT, path ['number']
 * ```
 */
export function defineModel<S extends z.ZodType>(
  name: string,
  schema: S,
): Model<z.output<S>, z.input<S>> {
  const safeParse: Model<z.output<S>>['safeParse'] = (input) => {
    const result = safeParseInput(schema, input);
    return result.success
      ? { success: true, data: result.data }
      : { success: false, error: invalidInput(name, result.error) };
  };
  return {
    name,
    schema: schema as z.ZodType<z.output<S>, z.input<S>>,
    safeParse,
    parse(input) {
      const result = safeParse(input);
      if (!result.success) throw result.error;
      return result.data;
    },
  };
}
