import { execFile, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every published package as a user gets it: `npm pack`ed, installed from the
// tarballs into a fresh project outside the workspace (its own package.json,
// no workspace links, registry dependencies from the npm cache or registry),
// then run and type-checked there. Workspace symlinks hide a file missing from
// `files`, a dependency declared only at the root, a declaration that points
// into `src`; this does not.

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures');
const repo = join(here, '..', '..', '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(repo, dir, 'package.json'), 'utf8')) as Manifest;

const packageDirs = readdirSync(join(repo, 'packages'))
  .map((dir) => `packages/${dir}`)
  .filter((dir) => manifest(dir).private !== true);
const entries = packageDirs.flatMap((dir) => {
  const { name, exports = { '.': null } } = manifest(dir);
  return Object.keys(exports)
    .filter((entry) => entry !== './package.json')
    .map((entry) => (entry === '.' ? name : `${name}/${entry.slice(2)}`));
});

/**
 * What a host adds next to our packages, at the ranges the workspace uses:
 * the Prisma client the adapter's peer asks for, `@casl/prisma` for
 * `@rosterkit/policies/prisma`, and Node's types for a TypeScript project.
 */
function hostDependencies(): string[] {
  const range = (dir: string, field: 'peerDependencies' | 'devDependencies', name: string) => {
    const found = manifest(dir)[field]?.[name];
    if (!found) throw new Error(`${dir} has no ${field} ${name}`);
    return `${name}@${found}`;
  };
  return [
    range('packages/adapters-prisma', 'peerDependencies', '@prisma/client'),
    range('packages/policies', 'peerDependencies', '@casl/prisma'),
    range('.', 'devDependencies', '@types/node'),
  ];
}

// npm, run by npm (turbo → `npm run test`), passes its own workspace state in
// the environment; the consumer's npm must see a project of its own. The
// user's own settings (cache, registry) are kept.
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^npm_(package_|lifecycle_|command$|config_local_prefix$|config_workspaces?$|config_include_workspace_root$)/i.test(
        key,
      ),
  ),
);
const npm = (cwd: string, args: string[]) =>
  execFileSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', stdio: 'pipe' });

let consumer = '';

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'rosterkit-consumer-'));
  consumer = join(root, 'app');
  const tarballs = join(root, 'tarballs');
  mkdirSync(consumer);
  mkdirSync(tarballs);
  const packed = JSON.parse(
    npm(repo, [
      'pack',
      '--json',
      '--pack-destination',
      tarballs,
      ...packageDirs.flatMap((dir) => ['-w', dir]),
    ]),
  ) as { filename: string }[];
  writeFileSync(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'rosterkit-consumer', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  npm(consumer, [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    ...packed.map(({ filename }) => join(tarballs, filename)),
    ...hostDependencies(),
  ]);
  for (const file of ['exports.mjs', 'errors-consumer.cjs', 'errors-consumer.mjs']) {
    copyFileSync(join(fixtures, file), join(consumer, file));
  }
  for (const file of readdirSync(join(fixtures, 'installed'))) {
    copyFileSync(join(fixtures, 'installed', file), join(consumer, file));
  }
  for (const copy of ['consumer.mts', 'consumer.cts']) {
    copyFileSync(join(consumer, 'consumer.ts'), join(consumer, copy));
  }
  node16 = typecheck('tsconfig.node16.json', { module: 'node16', moduleResolution: 'node16' }, [
    'consumer.mts',
    'consumer.cts',
  ]);
  bundler = typecheck('tsconfig.bundler.json', { module: 'esnext', moduleResolution: 'bundler' }, [
    'consumer.ts',
  ]);
}, 600_000);

afterAll(async () => {
  await Promise.allSettled([node16, bundler]);
  if (consumer) rmSync(dirname(consumer), { recursive: true, force: true });
}, 120_000);

function run(file: string, ...args: string[]): Record<string, unknown> {
  return JSON.parse(
    execFileSync(process.execPath, [join(consumer, file), ...args], {
      cwd: consumer,
      encoding: 'utf8',
    }),
  ) as Record<string, unknown>;
}

/** A resolved file is the consumer's own installed copy: inside its node_modules, no link back to the workspace. */
function installedCopy(file: string): string {
  const real = realpathSync(file);
  return relative(realpathSync(consumer), real).split(sep).slice(0, 3).join('/');
}

interface Typecheck {
  /** The compiler's diagnostics, empty when the program compiles. */
  readonly errors: string;
  /** The rosterkit declaration files the program read, relative to the consumer. */
  readonly declarations: string[];
}

/** `tsc --noEmit` on one program of the consumer, with the options of a strict host. */
function typecheck(
  name: string,
  compilerOptions: Record<string, unknown>,
  files: string[],
): Promise<Typecheck> {
  writeFileSync(
    join(consumer, name),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        lib: ['es2022'],
        types: ['node'],
        strict: true,
        noEmit: true,
        // Our declarations are compiled too, as the host's own settings see them.
        skipLibCheck: false,
        ...compilerOptions,
      },
      files,
    }),
  );
  // Asynchronous, so that both programs compile at once (the slow part of this file).
  return new Promise((done) => {
    execFile(
      process.execPath,
      [tsc, '-p', name, '--listFiles'],
      { cwd: consumer, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Exit codes 1 and 2 are diagnostics, printed on stdout; anything else is the failure itself.
        const failure = error && error.code !== 1 && error.code !== 2 ? [String(error)] : [];
        const lines = [...`${stdout}${stderr}`.split('\n').filter(Boolean), ...failure];
        // --listFiles prints absolute paths; diagnostics name files relative to the project.
        const listed = (line: string) => isAbsolute(line);
        done({
          errors: lines.filter((line) => !listed(line)).join('\n'),
          declarations: lines
            .filter((line) => listed(line) && line.includes('/node_modules/@rosterkit/'))
            .map((line) => line.slice(line.indexOf('node_modules/'))),
        });
      },
    );
  });
}

let node16: Promise<Typecheck>;
let bundler: Promise<Typecheck>;

describe('the packed packages installed in a fresh project', () => {
  it('are the consumer’s own copies, not links to the workspace', () => {
    const installed = readdirSync(join(consumer, 'node_modules', '@rosterkit')).sort();
    expect(installed).toEqual(
      packageDirs.map((dir) => manifest(dir).name.replace('@rosterkit/', '')).sort(),
    );
    for (const name of installed) {
      expect(
        installedCopy(join(consumer, 'node_modules', '@rosterkit', name, 'package.json')),
      ).toBe(`node_modules/@rosterkit/${name}`);
    }
  });

  // The conformance suite registers vitest tests, and vitest loads only inside
  // a test run: it is run by vitest and type-checked below.
  it.each(entries.filter((entry) => entry !== '@rosterkit/conformance'))(
    '%s loads from import and require with the same exports',
    (entry) => {
      const { esm, cjs } = run('exports.mjs', entry) as { esm: string[]; cjs: string[] };
      const names = (keys: string[]) =>
        keys.filter((key) => key !== 'default' && key !== 'module.exports');
      expect(names(esm)).toEqual(names(cjs));
      expect(names(esm).length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['ESM', 'lifecycle.mjs', 'js'],
    ['CommonJS', 'lifecycle.cjs', 'cjs'],
  ])('run a host’s %s program: invite → accept → deactivate', (_kind, file, extension) => {
    const result = run(file) as { resolved: string[] };
    expect(result).toMatchObject({
      invited: ['bo@acme.io', 'pending', 'pending'],
      accepted: ['active', 'member', 'agent'],
      deactivated: ['deactivated', true],
      refusal: ['INVALID_TRANSITION', true],
    });
    expect(result.resolved.map(installedCopy)).toEqual([
      'node_modules/@rosterkit/core',
      'node_modules/@rosterkit/core',
      'node_modules/@rosterkit/adapter-memory',
      'node_modules/@rosterkit/policies',
    ]);
    expect(result.resolved.every((file) => file.endsWith(`.${extension}`))).toBe(true);
  });

  it('load @rosterkit/core/errors without zod, the same class as the root’s', () => {
    const [cjs, esm] = [run('errors-consumer.cjs'), run('errors-consumer.mjs')];
    for (const result of [cjs, esm]) {
      expect(result).toMatchObject({
        exports: ['RosterError', 'errorCodes'],
        sameClass: true,
        sameCodes: true,
        rootErrorIsInstance: 'INVALID_INPUT',
      });
    }
    expect(cjs).toMatchObject({ zodLoadedByErrors: false, zodLoadedByRoot: true });
  });

  it('run the conformance suite from a vitest test file of the host’s, against the installed memory store', () => {
    // The consumer's own vitest: the variables of the vitest running this file
    // would make it take itself for one of its workers.
    const env = Object.fromEntries(
      Object.entries(npmEnv).filter(([key]) => !/^(VITEST|TINYPOOL|NODE_OPTIONS$)/.test(key)),
    );
    const vitest = join(consumer, 'node_modules', 'vitest', 'vitest.mjs');
    expect(installedCopy(vitest)).toBe('node_modules/vitest/vitest.mjs');
    const output = execFileSync(
      process.execPath,
      [vitest, 'run', 'conformance.test.mjs', '--reporter=json'],
      { cwd: consumer, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(output.slice(output.indexOf('{'))) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
    };
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThan(150);
    // The statement-count tests (batch writes, SCIM group members and group
    // reads, the actor in one statement) need a counter, which a memory store has not.
    expect(report.numPendingTests).toBe(8);
  }, 300_000);

  it('give CommonJS the fixture builders, and for the suite itself an error that says to import it', () => {
    const result = run('conformance-require.cjs') as {
      fixture: string;
      resolved: string;
      refusal: string | null;
    };
    expect(result.fixture).toBe('cy@acme.io');
    expect(installedCopy(result.resolved)).toBe('node_modules/@rosterkit/conformance');
    expect(result.refusal).toMatch(
      /vitest loads only as an ES module: import \{ runStoreConformance \}/,
    );
  });

  it('type-check a host importing every entry point, with moduleResolution node16 from ESM and from CommonJS', async () => {
    const source = readFileSync(join(consumer, 'consumer.ts'), 'utf8');
    expect(entries.filter((entry) => !source.includes(`from '${entry}'`))).toEqual([]);
    const { errors, declarations } = await node16;
    expect(errors).toBe('');
    // The .mts program reads the "import" declarations, the .cts one the "require" ones.
    expect(declarations).toEqual(
      expect.arrayContaining([
        'node_modules/@rosterkit/core/dist/index.d.ts',
        'node_modules/@rosterkit/core/dist/index.d.cts',
        'node_modules/@rosterkit/core/dist/errors/index.d.ts',
        'node_modules/@rosterkit/core/dist/errors/index.d.cts',
        'node_modules/@rosterkit/core/dist/adapter/index.d.ts',
        'node_modules/@rosterkit/core/dist/adapter/index.d.cts',
        'node_modules/@rosterkit/conformance/dist/index.d.ts',
        'node_modules/@rosterkit/conformance/dist/index.d.cts',
      ]),
    );
  }, 300_000);

  it('type-check the same host with moduleResolution bundler', async () => {
    const { errors, declarations } = await bundler;
    expect(errors).toBe('');
    expect(declarations).toContain('node_modules/@rosterkit/core/dist/errors/index.d.ts');
  }, 300_000);
});
