// What a product does once at install, and this example on every start:
// copy rosterkit's schema fragment next to the host's schema, generate the
// client when the schema changed, and create the database when it is missing.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { databaseUrl } from '../src/database-url.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fragment = join(
  dirname(require.resolve('@rosterkit/adapter-prisma/package.json')),
  'prisma/rosterkit.prisma',
);
copyFileSync(fragment, join(root, 'prisma/schema/rosterkit.prisma'));

const schema = ['schema.prisma', 'rosterkit.prisma']
  .map((file) => readFileSync(join(root, 'prisma/schema', file), 'utf8'))
  .join('\n');
const stamp = join(root, 'src/generated/schema.stamp');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== schema) {
  // `prisma generate` runs no schema engine, but the CLI looks for one and
  // would download it; Node's own binary satisfies the check (see the
  // using-prisma guide). A machine with the engines may unset this.
  execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      ...process.env,
      DATABASE_URL: databaseUrl,
    },
  });
  writeFileSync(stamp, schema);
}

// CREATE DATABASE from the server's maintenance database, once. The tests
// and the type check need only the client (`--client-only`).
if (process.argv.includes('--client-only')) process.exit(0);
const url = new URL(databaseUrl);
const name = decodeURIComponent(url.pathname.slice(1));
url.pathname = '/postgres';
const admin = new pg.Client({ connectionString: url.toString() });
await admin.connect();
try {
  const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
} finally {
  await admin.end();
}
