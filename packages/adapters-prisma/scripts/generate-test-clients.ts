// Generates a Prisma client per provider from rosterkit's schema fragment,
// for the package's own tests (test/generated/, not committed). Skips a
// provider whose schema has not changed since its last generation.
//
// `prisma generate` does not run Prisma's schema engine, but the CLI insists
// on finding one, and downloads it when it is missing. Where it cannot be
// downloaded (no access to binaries.prisma.sh), PRISMA_SCHEMA_ENGINE_BINARY
// must name an existing file; unless you set it, this script names Node's own
// binary, which the CLI checks for and never runs. See the README's
// "Contributing" section.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fragment = readFileSync(join(root, 'prisma/rosterkit.prisma'), 'utf8');
const providers = ['postgresql', 'mysql', 'sqlite'] as const;
const prismaCli = join(root, 'node_modules/.bin/prisma');
const cli = existsSync(prismaCli) ? prismaCli : join(root, '../../node_modules/.bin/prisma');

for (const provider of providers) {
  const dir = join(root, 'test/generated', provider);
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
  execFileSync(cli, ['generate', '--schema', schemaFile], {
    stdio: 'inherit',
    env: { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, ...process.env },
  });
}
