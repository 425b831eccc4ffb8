import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  locateScimOracle,
  OracleFileMissingError,
  readScimOracle,
  scimOracleFiles,
} from '../src/index.js';

const okta = scimOracleFiles.okta;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `<tmp>/<layout…>` with a repository (a package.json with workspaces) at `clone`. */
function layout(clone: string, oracles: string[]): { root: string; inside: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'scim-oracles-layout-')));
  dirs.push(root);
  mkdirSync(join(root, clone, 'tests', 'scim-oracles'), { recursive: true });
  writeFileSync(join(root, clone, 'package.json'), JSON.stringify({ workspaces: ['tests/*'] }));
  writeFileSync(
    join(root, clone, 'tests', 'scim-oracles', 'package.json'),
    JSON.stringify({ name: 'x' }),
  );
  for (const shared of oracles) {
    mkdirSync(join(root, shared, 'oracles', 'scim'), { recursive: true });
    writeFileSync(join(root, shared, 'oracles', 'scim', okta), JSON.stringify({ at: shared }));
  }
  return { root, inside: join(root, clone, 'tests', 'scim-oracles') };
}

describe('locateScimOracle', () => {
  it('finds ../shared beside the clone, as CI has it, before one further up', () => {
    const { root, inside } = layout('ci/clone', ['ci/shared', 'shared']);
    expect(locateScimOracle(okta, { env: {}, from: inside })).toBe(
      join(root, 'ci/shared/oracles/scim', okta),
    );
  });

  it('finds shared one level further up, for a worktree below it, and no higher', () => {
    const { root, inside } = layout('work/wt/branch', ['work/shared']);
    expect(locateScimOracle(okta, { env: {}, from: inside })).toBe(
      join(root, 'work/shared/oracles/scim', okta),
    );
    const deeper = layout('work/wt/more/branch', ['work/shared']);
    expect(() => locateScimOracle(okta, { env: {}, from: deeper.inside })).toThrow(
      OracleFileMissingError,
    );
  });

  it('uses ROSTERKIT_SHARED_DIR when set, and only it', () => {
    const { root, inside } = layout('ci/clone', ['ci/shared', 'elsewhere']);
    const env = { ROSTERKIT_SHARED_DIR: join(root, 'elsewhere') };
    expect(locateScimOracle(okta, { env, from: inside })).toBe(
      join(root, 'elsewhere/oracles/scim', okta),
    );
    expect(readScimOracle(okta, { env, from: inside })).toEqual({ at: 'elsewhere' });

    const wrong = { ROSTERKIT_SHARED_DIR: join(root, 'nowhere') };
    expect(() => locateScimOracle(okta, { env: wrong, from: inside })).toThrow(
      /ROSTERKIT_SHARED_DIR is set: it must name the directory that holds oracles\/scim\//,
    );
  });

  it('says everywhere it looked and how to fix it when the file is nowhere', () => {
    const { root, inside } = layout('a/clone', []);
    let thrown: unknown;
    try {
      locateScimOracle(okta, { env: {}, from: inside });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OracleFileMissingError);
    const error = thrown as OracleFileMissingError;
    expect(error.tried).toEqual([
      join(root, 'a/shared/oracles/scim', okta),
      join(root, 'shared/oracles/scim', okta),
    ]);
    expect(error.message).toContain('Put the shared directory beside the clone');
    expect(error.message).toContain('never copied into the repository');
  });

  it('finds the real files from this workspace', () => {
    expect(locateScimOracle(scimOracleFiles.microsoft)).toMatch(
      /[/\\]shared[/\\]oracles[/\\]scim[/\\]microsoft-scim-postman-collection\.json$/,
    );
  });
});
