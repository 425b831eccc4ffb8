import { z } from 'zod';
import { defineModel } from './define-model.js';

/** A value that survives `JSON.stringify` unchanged: what audit snapshots and outbox payloads hold. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

// zod's record drops an own "__proto__" key (to keep prototypes safe), which
// would change the value silently; refuse such objects instead.
const noProtoKey = z.custom<object>(
  (value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, '__proto__'),
  'Objects must not have a "__proto__" key',
);

const schema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(schema),
    noProtoKey.pipe(z.record(z.string(), schema)),
  ]),
);

/**
 * Validates a {@link JsonValue}. Objects with an own `"__proto__"` key are
 * refused rather than silently changed.
 */
export const JsonValue = defineModel('JSON value', schema);

/** A JSON object: string keys to {@link JsonValue}s (SCIM attributes kept as given). */
export type JsonObject = { [key: string]: JsonValue };

/**
 * Validates a {@link JsonObject}: a JSON value that is an object (not an
 * array, not `null`). Objects with an own `"__proto__"` key are refused.
 */
export const JsonObject = defineModel(
  'JSON object',
  noProtoKey.pipe(z.record(z.string(), schema)) as z.ZodType<JsonObject>,
);
