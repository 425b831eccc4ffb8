import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// `@rosterkit/core/errors` is for code that only branches on error codes (a
// browser client of an admin API): RosterError and the code registry, without
// zod and the rest of core.

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures');
const require = createRequire(import.meta.url);

function run(file: string): Record<string, unknown> {
  return JSON.parse(
    execFileSync(process.execPath, [join(fixtures, file)], { encoding: 'utf8' }),
  ) as Record<string, unknown>;
}

/** Every bare specifier a built file imports or requires, following its relative imports (chunks). */
function bareImports(entry: string): string[] {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(
      /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g,
    )) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return [...bare].sort();
}

/** What a browser bundle of everything an entry exports weighs: esbuild, minified, dependencies included, gzipped. */
async function minGzip(entry: string): Promise<{ bytes: number; inputs: string[] }> {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: gzipSync(code).length, inputs: Object.keys(result.metafile.inputs) };
}

const zod = /(^|[\\/])node_modules[\\/]zod[\\/]/;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('@rosterkit/core/errors', () => {
  it.each([
    ['ESM', 'errors/index.js'],
    ['CommonJS', 'errors/index.cjs'],
  ])('imports nothing from zod in its %s build, chunks included', (_format, file) => {
    const entry = join(dirname(require.resolve('@rosterkit/core/package.json')), 'dist', file);
    expect(bareImports(entry)).toEqual([]);
    // The root build, read the same way, does import zod: the walk sees imports.
    expect(bareImports(entry.replace(/errors[\\/]index/, 'index'))).toContain('zod');
  });

  it('loads without zod from CommonJS, and the root entry hands out the same class', () => {
    expect(run('errors-consumer.cjs')).toMatchObject({
      exports: ['RosterError', 'errorCodes'],
      zodLoadedByErrors: false,
      zodLoadedByRoot: true,
      sameClass: true,
      sameCodes: true,
      rootErrorIsInstance: 'INVALID_INPUT',
    });
  });

  it('hands out the same class as the root entry to an ESM consumer', () => {
    expect(run('errors-consumer.mjs')).toMatchObject({
      exports: ['RosterError', 'errorCodes'],
      sameClass: true,
      sameCodes: true,
      rootErrorIsInstance: 'INVALID_INPUT',
    });
  });

  it('makes a browser bundle a small fraction of the root entry (sizes printed, not asserted)', async () => {
    const root = await minGzip('@rosterkit/core');
    const errors = await minGzip('@rosterkit/core/errors');
    console.log(
      `core min+gz (esbuild --minify, zod included, gzip): @rosterkit/core ${kb(root.bytes)} (${root.bytes} B), ` +
        `@rosterkit/core/errors ${kb(errors.bytes)} (${errors.bytes} B)`,
    );
    expect(root.inputs.some((input) => zod.test(input))).toBe(true);
    expect(errors.inputs.filter((input) => zod.test(input))).toEqual([]);
    expect(errors.bytes).toBeLessThan(root.bytes / 10);
  });
});
