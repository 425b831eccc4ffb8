import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { afterEach, describe, expect, it } from 'vitest';

// A release simulated on a throw-away copy of the repository's manifests and
// changesets, by the real `changeset version` with the repository's config:
// the versions and ranges it writes are the ones `changeset publish` would
// put on npm.

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const changesetBin = join(
  dirname(createRequire(import.meta.url).resolve('@changesets/cli/package.json')),
  'bin.js',
);

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
type Manifests = Map<string, Manifest>;

// The ranges a user's installer checks; devDependencies never reach a user.
const rangeTypes = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

function workspaceDirs(root: string): string[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
      : [pattern],
  );
}

function readManifests(root: string): Manifests {
  return new Map(
    workspaceDirs(root)
      .filter((dir) => existsSync(join(root, dir, 'package.json')))
      .map((dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest)
      .map((manifest) => [manifest.name, manifest]),
  );
}

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * The root and workspace manifests and `.changeset/config.json` in a temp dir
 * (no git: `changeset version` needs none), with the pending changesets or without.
 */
function copyRepository(withPending: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'rosterkit-release-'));
  copies.push(dir);
  for (const workspace of ['.', ...workspaceDirs(repo)]) {
    if (!existsSync(join(repo, workspace, 'package.json'))) continue;
    mkdirSync(join(dir, workspace), { recursive: true });
    copyFileSync(join(repo, workspace, 'package.json'), join(dir, workspace, 'package.json'));
  }
  mkdirSync(join(dir, '.changeset'));
  for (const file of readdirSync(join(repo, '.changeset'))) {
    const pending = file.endsWith('.md') && file !== 'README.md';
    if (file === 'config.json' || (withPending && pending)) {
      copyFileSync(join(repo, '.changeset', file), join(dir, '.changeset', file));
    }
  }
  return dir;
}

function changesetVersion(dir: string): Manifests {
  execFileSync(process.execPath, [changesetBin, 'version'], { cwd: dir, stdio: 'pipe' });
  return readManifests(dir);
}

const published = (manifests: Manifests) => [...manifests.values()].filter((m) => !m.private);

/**
 * What would break a user after a release that took `before` to `after`: an
 * internal range of a published package that the new versions do not satisfy
 * (in the new manifests, and, when `before` was on npm, in the old ones: a
 * user who upgrades only core keeps the adapters already installed), and a
 * package pushed to a new major (in 0.x, to 1.0.0) by the release itself.
 */
function breakages(before: Manifests, after: Manifests, beforeWasPublished: boolean): string[] {
  const found: string[] = [];
  const check = (manifests: Manifests, label: string) => {
    for (const pkg of published(manifests)) {
      for (const type of rangeTypes) {
        for (const [name, range] of Object.entries(pkg[type] ?? {})) {
          const target = after.get(name);
          if (target && !semver.satisfies(target.version, range)) {
            found.push(
              `${pkg.name}@${pkg.version} (${label}) ${type} ${name}@${range} excludes ${name}@${target.version}`,
            );
          }
        }
      }
    }
  };
  check(after, 'new manifest');
  if (beforeWasPublished) check(before, 'already published');
  for (const pkg of published(after)) {
    const old = before.get(pkg.name);
    if (old && semver.major(pkg.version) !== semver.major(old.version)) {
      found.push(`${pkg.name} was bumped to a new major: ${old.version} → ${pkg.version}`);
    }
  }
  return found;
}

/** The next release from the pending changesets; a package never released (0.0.0) starts at 0.1.0. */
function releasePending(dir: string): Manifests {
  const before = readManifests(dir);
  const after = changesetVersion(dir);
  expect(breakages(before, after, false)).toEqual([]);
  for (const pkg of published(before).filter((p) => p.version === '0.0.0')) {
    expect(`${pkg.name}@${after.get(pkg.name)?.version}`).toBe(`${pkg.name}@0.1.0`);
  }
  return after;
}

describe('a release by changesets keeps every internal range satisfied', () => {
  it('names the published packages it checks', () => {
    expect(published(readManifests(repo)).map((pkg) => pkg.name)).toEqual(
      expect.arrayContaining([
        '@rosterkit/adapter-memory',
        '@rosterkit/adapter-prisma',
        '@rosterkit/conformance',
        '@rosterkit/core',
        '@rosterkit/http',
        '@rosterkit/policies',
        '@rosterkit/scim',
        '@rosterkit/spreadsheets',
      ]),
    );
  });

  it('the pending changesets release a package never released at 0.1.0, and no dependent at 1.0.0', () => {
    releasePending(copyRepository(true));
  });

  // Both from the manifests as they are (their ranges are what the next
  // release publishes) and after the pending changesets are released.
  it.each([
    ['patch', 'the manifests as they are'],
    ['minor', 'the manifests as they are'],
    ['patch', 'the pending release'],
    ['minor', 'the pending release'],
  ] as const)(
    'a %s of @rosterkit/core on %s holds in every dependent, published or new',
    (bump, from) => {
      const dir = copyRepository(from === 'the pending release');
      const before = from === 'the pending release' ? releasePending(dir) : readManifests(dir);
      writeFileSync(
        join(dir, '.changeset', `core-${bump}.md`),
        `---\n'@rosterkit/core': ${bump}\n---\n\nA ${bump} of core.\n`,
      );
      const after = changesetVersion(dir);
      const core = before.get('@rosterkit/core')?.version ?? '';
      expect(after.get('@rosterkit/core')?.version).toBe(semver.inc(core, bump));
      expect(breakages(before, after, true)).toEqual([]);
    },
  );
});
