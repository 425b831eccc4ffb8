import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures');
const packagesDir = join(here, '..', '..', '..', 'packages');

// Each consumer runs in its own Node process, outside vitest's module loader,
// so resolution goes through node_modules and each package's exports map as
// it would in a host's project.
function run(file: string, ...args: string[]): unknown {
  return JSON.parse(
    execFileSync(process.execPath, [join(fixtures, file), ...args], { encoding: 'utf8' }),
  );
}

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
}

// Every entry point of every published package: "." and each subpath export,
// except package.json and the conformance suite's root entry (it registers
// vitest tests, and vitest loads only inside a test run: installed.test.ts
// runs it there).
const vitestBound = '@rosterkit/conformance';
const published = readdirSync(packagesDir)
  .map(
    (dir) => JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')) as Manifest,
  )
  .filter((pkg) => pkg.private !== true)
  .flatMap((pkg) =>
    Object.keys(pkg.exports ?? { '.': null })
      .filter((entry) => entry !== './package.json')
      .map((entry) => (entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`))
      .filter((entry) => entry !== vitestBound),
  );

describe('built packages', () => {
  it('covers every package and subpath', () => {
    expect(published).toEqual(
      expect.arrayContaining([
        '@rosterkit/adapter-memory',
        '@rosterkit/adapter-prisma',
        '@rosterkit/conformance/fixtures',
        '@rosterkit/core',
        '@rosterkit/core/adapter',
        '@rosterkit/core/errors',
        '@rosterkit/http',
        '@rosterkit/http/node',
        '@rosterkit/http/spreadsheets',
        '@rosterkit/policies',
        '@rosterkit/policies/prisma',
        '@rosterkit/scim',
        '@rosterkit/spreadsheets',
      ]),
    );
  });

  it.each(published)('%s exposes the same API to import and require', (name) => {
    const { esm, cjs } = run('exports.mjs', name) as { esm: string[]; cjs: string[] };
    expect(esm.filter((key) => key !== 'default' && key !== 'module.exports')).toEqual(
      cjs.filter((key) => key !== 'default' && key !== 'module.exports'),
    );
    expect(esm.length).toBeGreaterThan(0);
  });
});

describe('@rosterkit/core from real consumers', () => {
  it('works from an ESM consumer, and errors are recognized across the ESM and CJS copies', () => {
    expect(run('core-consumer.mjs')).toEqual({
      email: 'ana@acme.io',
      esmCode: 'INVALID_TRANSITION',
      esmRecognizesCjs: true,
      cjsRecognizesEsm: true,
      instanceofAcrossCopies: false,
      sameClass: false,
    });
  });

  it('works from a CommonJS consumer through the "require" condition', () => {
    const result = run('core-consumer.cjs') as {
      isRosterError: boolean;
      name: string;
      paths: string[];
      resolved: string;
    };
    expect(result.isRosterError).toBe(true);
    expect(result.name).toBe('RosterError');
    expect(result.paths).toContain('email');
    expect(result.resolved).toMatch(/core[\\/]dist[\\/]index\.cjs$/);
  });
});

describe('@rosterkit/spreadsheets from real consumers', () => {
  const written = [{ rowNumber: 2, email: 'bo@acme.io', role: 'agent', deactivated: true }];

  it.each([
    ['ESM', 'spreadsheets-consumer.mjs', /spreadsheets[\\/]dist[\\/]index\.js$/],
    ['CommonJS', 'spreadsheets-consumer.cjs', /spreadsheets[\\/]dist[\\/]index\.cjs$/],
  ])('writes and reads .xlsx and .csv from a %s consumer', (_kind, file, resolved) => {
    const result = run(file) as { xlsx: unknown; csv: unknown; resolved: string };
    expect(result.xlsx).toEqual(written);
    expect(result.csv).toEqual(written);
    expect(result.resolved).toMatch(resolved);
  });
});

describe('@rosterkit/http from real consumers', () => {
  it('answers Requests, serves on node:http and its document, from an ESM consumer', () => {
    expect(run('http-consumer.mjs')).toEqual({
      invite: [201, 'bo@acme.io'],
      anonymous: [401, 'application/problem+json', 401],
      openapi: '3.1.1',
      resolved: expect.stringMatching(/http[\\/]dist[\\/]index\.js$/),
    });
  });

  it('works from a CommonJS consumer through the "require" condition', () => {
    expect(run('http-consumer.cjs')).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      listener: 'function',
      resolved: expect.stringMatching(/http[\\/]dist[\\/]index\.cjs$/),
    });
  });
});

describe('@rosterkit/adapter-prisma from real consumers', () => {
  it('bundles the SQL migrations in both builds, identical to the shipped files, and ships the fragment', () => {
    const migrations = [
      '20261123000000_rosterkit_init',
      '20261124120000_rosterkit_literal_search',
      '20261202000000_rosterkit_outbox_backoff',
      '20261203000000_rosterkit_invitations_and_structure',
      '20261203010000_rosterkit_accounts_external_id_seats',
      '20261203020000_rosterkit_stored_roles',
      '20261203030000_rosterkit_outbox_leases',
      '20261203040000_rosterkit_search_trigram',
      '20261204000000_rosterkit_provisioning',
      '20261205000000_rosterkit_provisioning_group_members',
    ];
    expect(run('prisma-consumer.mjs')).toEqual({
      providers: ['mysql', 'postgresql', 'sqlite'],
      migrations: { mysql: migrations, postgresql: migrations, sqlite: migrations },
      everyFolderBundled: true,
      bundledSqlMatchesFile: true,
      cjsSqlMatchesEsm: true,
      fragmentShipped: true,
      functions: ['function', 'function', 'function'],
    });
  });
});

describe('@rosterkit/scim from real consumers', () => {
  it.each([
    ['ESM', 'scim-consumer.mjs', /scim[\\/]dist[\\/]index\.js$/],
    ['CommonJS', 'scim-consumer.cjs', /scim[\\/]dist[\\/]index\.cjs$/],
  ])(
    'answers a SCIM error and builds discovery documents from a %s consumer',
    (_kind, file, resolved) => {
      expect(run(file)).toEqual({
        status: 400,
        contentType: 'application/scim+json',
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
          status: '400',
          scimType: 'invalidFilter',
          detail: 'Bad filter',
        },
        location: 'https://app.example/scim/v2/ServiceProviderConfig',
        resolved: expect.stringMatching(resolved),
      });
    },
  );
});
