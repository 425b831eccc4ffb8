import { z } from 'zod';
import { componentNames } from './component-names.js';

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) as plain data. @internal */
export type JsonSchema = { [key: string]: unknown };

/**
 * Where the JSON Schemas of one document collect their shared definitions:
 * zod writes a named schema (see {@link componentNames}) into `$defs` with
 * `#/$defs/…` references, which inside an OpenAPI document would point at
 * the document's root. They move to `components.schemas`.
 * @internal
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /**
   * The JSON Schema of a zod schema as a request (`input`: before defaults)
   * or a response (`output`). Dates are ISO 8601 strings in JSON. A named
   * schema ({@link componentNames}) inside it becomes a `$ref` to its component.
   */
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      metadata: componentNames,
      unrepresentable: 'any',
      override: (context) => {
        const def = (context.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
        if (def?.type === 'date') {
          context.jsonSchema.type = 'string';
          context.jsonSchema.format = 'date-time';
        }
      },
    }) as JsonSchema;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    const renamed = new Map<string, string>();
    for (const [name, def] of Object.entries(defs)) renamed.set(name, this.add(name, def, defs));
    return rewrite(json, renamed) as JsonSchema;
  }

  private add(name: string, def: JsonSchema, all: Record<string, JsonSchema>): string {
    const base = name.replace(/[^A-Za-z0-9]/g, '') || 'Schema';
    const own = Object.keys(all).map(
      (key) => [key, key === name ? base : key.replace(/[^A-Za-z0-9]/g, '')] as const,
    );
    const body = JSON.stringify(rewrite(def, new Map(own)));
    for (let index = 0; ; index += 1) {
      const candidate = index === 0 ? base : `${base}${index}`;
      const existing = this.schemas[candidate];
      if (existing === undefined) {
        this.schemas[candidate] = JSON.parse(body) as JsonSchema;
        return candidate;
      }
      if (JSON.stringify(existing) === body) return candidate;
    }
  }
}

function rewrite(value: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, renamed));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')) {
      const name = item.slice('#/$defs/'.length);
      out[key] = `#/components/schemas/${renamed.get(name) ?? name}`;
    } else out[key] = rewrite(item, renamed);
  }
  return out;
}
