// Generates the PostgreSQL Prisma client the Prisma bench runs on, from the
// schema fragment @rosterkit/adapter-prisma ships, into prisma/generated/
// (not committed). Skipped when the fragment has not changed since the last
// generation. As in the adapter's own script, PRISMA_SCHEMA_ENGINE_BINARY
// names Node's binary unless you set it: `prisma generate` never runs the
// schema engine, but the CLI downloads one when it finds none.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const adapterRoot = dirname(require.resolve('@rosterkit/adapter-prisma/package.json'));
const fragment = readFileSync(join(adapterRoot, 'prisma/rosterkit.prisma'), 'utf8');
const dir = join(here, 'generated');
const schema = `generator client {
  provider = "prisma-client"
  output   = "./client"
}

datasource db {
  provider = "postgresql"
}

${fragment}`;
const schemaFile = join(dir, 'schema.prisma');
const fresh =
  existsSync(schemaFile) &&
  readFileSync(schemaFile, 'utf8') === schema &&
  existsSync(join(dir, 'client/client.ts'));
if (!fresh) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(schemaFile, schema);
  const cli = join(dirname(require.resolve('prisma/package.json')), 'build/index.js');
  execFileSync(process.execPath, [cli, 'generate', '--schema', schemaFile], {
    stdio: 'inherit',
    env: { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, ...process.env },
  });
}
