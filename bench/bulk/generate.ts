// Generates the PostgreSQL and SQLite Prisma clients the bulk bench runs on,
// from the schema fragment @rosterkit/adapter-prisma ships, into
// bulk/generated/<provider>/ (not committed). A provider whose schema has not
// changed since its last generation is skipped. As in the adapter's own
// script, PRISMA_SCHEMA_ENGINE_BINARY names Node's binary unless you set it:
// `prisma generate` never runs the schema engine, but the CLI downloads one
// when it finds none.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const adapterRoot = dirname(require.resolve('@rosterkit/adapter-prisma/package.json'));
const fragment = readFileSync(join(adapterRoot, 'prisma/rosterkit.prisma'), 'utf8');
const cli = join(dirname(require.resolve('prisma/package.json')), 'build/index.js');

for (const provider of ['postgresql', 'sqlite'] as const) {
  const dir = join(here, 'generated', provider);
  const schema = `generator client {
  provider = "prisma-client"
  output   = "./client"
}

datasource db {
  provider = "${provider}"
}

${fragment}`;
  const schemaFile = join(dir, 'schema.prisma');
  if (
    existsSync(schemaFile) &&
    readFileSync(schemaFile, 'utf8') === schema &&
    existsSync(join(dir, 'client/client.ts'))
  ) {
    continue;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(schemaFile, schema);
  execFileSync(process.execPath, [cli, 'generate', '--schema', schemaFile], {
    stdio: 'inherit',
    env: { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, ...process.env },
  });
}
