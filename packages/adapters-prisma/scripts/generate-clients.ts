// Generates a Prisma client per provider from rosterkit's schema fragment:
// for the package's own tests into test/generated/<provider>/client (with a
// host's own models beside rosterkit's, test/support/host.prisma, as in a
// product's schema), or, with `--out DIR [provider...]`, from the fragment
// alone into DIR/<provider>/client (the benches use it).
// Not committed. Skips a provider whose schema has not changed since its last
// generation.
//
// `prisma generate` does not run Prisma's schema engine, but the CLI insists
// on finding one, and downloads it when it is missing. Where it cannot be
// downloaded (no access to binaries.prisma.sh), PRISMA_SCHEMA_ENGINE_BINARY
// must name an existing file; unless you set it, this script names Node's own
// binary, which the CLI checks for and never runs. See the README's
// "Contributing" section.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fragment = readFileSync(join(root, 'prisma/rosterkit.prisma'), 'utf8');
const allProviders = ['postgresql', 'mysql', 'sqlite'] as const;
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt === -1 ? join(root, 'test/generated') : resolve(args[outAt + 1] ?? '.');
const hostModels =
  outAt === -1 ? `\n${readFileSync(join(root, 'test/support/host.prisma'), 'utf8')}` : '';
const named = args.filter((_, i) => outAt === -1 || (i !== outAt && i !== outAt + 1));
const unknown = named.filter((p) => !(allProviders as readonly string[]).includes(p));
if (unknown.length > 0) throw new Error(`Unknown provider(s): ${unknown.join(', ')}`);
const providers = named.length === 0 ? allProviders : named;
const prismaCli = join(root, 'node_modules/.bin/prisma');
const cli = existsSync(prismaCli) ? prismaCli : join(root, '../../node_modules/.bin/prisma');

for (const provider of providers) {
  const dir = join(out, provider);
  const schema = `generator client {
  provider = "prisma-client"
  output   = "./client"
}

datasource db {
  provider = "${provider}"
}

${fragment}${hostModels}`;
  const schemaFile = join(dir, 'schema.prisma');
  if (
    existsSync(schemaFile) &&
    readFileSync(schemaFile, 'utf8') === schema &&
    existsSync(join(dir, 'client/client.ts'))
  ) {
    continue;
  }
  mkdirSync(dir, { recursive: true });
  // schema.prisma is the mark of a finished generation: it is written only
  // once the client is, so a run killed half-way generates again next time.
  const pending = join(dir, 'schema.pending.prisma');
  writeFileSync(pending, schema);
  execFileSync(cli, ['generate', '--schema', pending], {
    stdio: 'inherit',
    env: { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, ...process.env },
  });
  renameSync(pending, schemaFile);
}
