// Regenerates the blocks of the guides that come from code (diagrams, tables),
// so that the docs cannot drift from the machine tables and registries.
// `--check` writes nothing and fails when a guide is stale: CI runs it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument, rosterRoutes } from '@rosterkit/http';
import { blocks } from './blocks.js';

const guides = join(import.meta.dirname, '..', 'guides');
const check = process.argv.includes('--check');
const marker = /<!-- generated:([\w-]+) -->\n[\s\S]*?<!-- \/generated:\1 -->/g;

const stale: string[] = [];
const used = new Set<string>();
for (const file of readdirSync(guides).filter((name) => name.endsWith('.md'))) {
  const path = join(guides, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(marker, (_whole, name: string) => {
    const render = blocks[name];
    if (render === undefined)
      throw new Error(`${file}: no generator for block "${name}" (see docs/scripts/blocks.ts)`);
    used.add(name);
    return `<!-- generated:${name} -->\n${render()}<!-- /generated:${name} -->`;
  });
  if (next !== text) {
    stale.push(file);
    if (!check) writeFileSync(path, next);
  }
}
// The admin API's OpenAPI document, as the HTTP guide links it (typedoc
// copies a linked file into the site): generated from the route table, like
// the document the handler serves (there under its basePath).
const openApiFile = join(import.meta.dirname, '..', 'assets', 'openapi.json');
const openApi = `${JSON.stringify(createOpenApiDocument(rosterRoutes, { serverUrl: '/api/roster', title: 'rosterkit admin API' }), null, 2)}\n`;
if (!existsSync(openApiFile) || readFileSync(openApiFile, 'utf8') !== openApi) {
  stale.push('assets/openapi.json');
  if (!check) writeFileSync(openApiFile, openApi);
}
const unused = Object.keys(blocks).filter((name) => !used.has(name));
if (unused.length > 0) {
  console.error(`Generated blocks used by no guide: ${unused.join(', ')}`);
  process.exit(1);
}
if (check && stale.length > 0) {
  console.error(
    `Stale generated docs in ${stale.join(', ')}: run \`npm run generate -w @rosterkit/docs\` and commit.`,
  );
  process.exit(1);
}
console.log(
  check
    ? 'Generated docs are up to date.'
    : `Regenerated: ${stale.join(', ') || 'nothing to change'}.`,
);
