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

const schema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(schema),
    z.record(z.string(), schema),
  ]),
);

/** Validates a {@link JsonValue}. */
export const JsonValue = defineModel('JSON value', schema);
