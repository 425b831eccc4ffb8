import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The outside suites are public projects' files, kept outside the repository
 * in `shared/oracles/scim/` (CI has `shared` beside the clone) and never
 * copied into it: this module finds them and nothing else does.
 */

/** The environment variable that names the `shared` directory (the one holding `oracles/`). */
export const sharedDirEnvironmentVariable = 'ROSTERKIT_SHARED_DIR';

/** The outside SCIM suites, by file name. */
export const scimOracleFiles = {
  okta: 'okta-scim-2.0-spec-test.json',
  microsoft: 'microsoft-scim-postman-collection.json',
} as const;

/** One of {@link scimOracleFiles}' file names. */
export type ScimOracleFile = (typeof scimOracleFiles)[keyof typeof scimOracleFiles];

/** Where to look; for tests of the lookup itself. */
export interface LocateOptions {
  /** @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** A directory inside the repository. @default this module's directory */
  from?: string;
}

/** An oracle file is not where the tests look for it. */
export class OracleFileMissingError extends Error {
  override readonly name = 'OracleFileMissingError';
  /** Each path looked at, in order. */
  readonly tried: readonly string[];

  constructor(file: string, tried: readonly string[], viaEnvironment: boolean) {
    super(
      [
        `the outside SCIM test suite ${file} was not found.`,
        `Looked at:\n  ${tried.join('\n  ')}`,
        viaEnvironment
          ? `${sharedDirEnvironmentVariable} is set: it must name the directory that holds oracles/scim/${file}.`
          : `Put the shared directory beside the clone (../shared/oracles/scim/${file}), or set ${sharedDirEnvironmentVariable} to the directory that holds oracles/.`,
        'The file is never copied into the repository.',
      ].join('\n'),
    );
    this.tried = tried;
  }
}

const moduleDir = dirname(fileURLToPath(import.meta.url));

/** The monorepo root: the nearest directory above `from` whose package.json has workspaces. */
function repositoryRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
      if (json.workspaces !== undefined) return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(`no repository root (a package.json with workspaces) above ${from}`);
    }
  }
}

/**
 * The path of an outside SCIM suite file. Looks in order at:
 * 1. `$ROSTERKIT_SHARED_DIR/oracles/scim/` when the variable is set (and
 *    only there: an explicit location that is wrong is an error, not a hint);
 * 2. `../shared/oracles/scim/` beside the repository root, as CI has it;
 * 3. `../../shared/oracles/scim/`, for a git worktree kept one level below
 *    the directory that holds `shared` (`work/wt/<branch>` with
 *    `work/shared`). No further up: a stray `shared` in `/tmp` or `$HOME`
 *    must not stand in for the real one.
 *
 * Throws {@link OracleFileMissingError}, listing every path tried, otherwise.
 *
 * @example
 * ```ts
 * const path = locateScimOracle(scimOracleFiles.okta);
 * ```
 */
export function locateScimOracle(file: ScimOracleFile, options: LocateOptions = {}): string {
  const env = options.env ?? process.env;
  const fromEnvironment = env[sharedDirEnvironmentVariable];
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    const path = resolve(fromEnvironment, 'oracles', 'scim', file);
    if (existsSync(path)) return path;
    throw new OracleFileMissingError(file, [path], true);
  }
  const beside = dirname(repositoryRoot(options.from ?? moduleDir));
  const tried = [beside, dirname(beside)].map((dir) =>
    join(dir, 'shared', 'oracles', 'scim', file),
  );
  const found = tried.find((path) => existsSync(path));
  if (found === undefined) throw new OracleFileMissingError(file, tried, false);
  return found;
}

/**
 * Reads and parses an outside SCIM suite file (see {@link locateScimOracle}).
 *
 * @example
 * ```ts
 * const collection = readScimOracle(scimOracleFiles.microsoft);
 * ```
 */
export function readScimOracle(file: ScimOracleFile, options: LocateOptions = {}): unknown {
  const path = locateScimOracle(file, options);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
}
