// Compiles, and runs, the TypeScript code blocks of the READMEs and guides, so
// that the docs cannot show code that no longer compiles or no longer works.
//
// Every ```ts (or ```typescript, ```tsx) block of README.md, packages/*/README.md
// and docs/guides/*.md is written to a file of the host project in
// docs/snippets/ and compiled there with tsc against the built packages, imported
// as a host imports them (`@rosterkit/core`…), with the strict options of
// docs/snippets/tsconfig.json. Then each block is run with tsx, in its own
// process and working directory, with a timeout: it passes when it completes
// without throwing (see snippets/run-block.ts).
//
// A block is a complete program unless an HTML comment just before it (blank
// lines may come between) says otherwise:
//
//   <!-- snippet fragment=NAME -->    a fragment: it sees the exports of
//                                     docs/snippets/preambles/NAME.ts as declared
//                                     names (those it does not declare itself)
//   <!-- snippet dir=test -->         it sits in docs/snippets/test/, for its
//                                     relative imports (`./prisma.js`)
//   <!-- snippet database=postgresql -->  run with DATABASE_URL naming a fresh
//                                     PostgreSQL database, dropped afterwards (the
//                                     server of ROSTERKIT_POSTGRES_URL, as the
//                                     Prisma adapter's tests; CI starts it)
//   <!-- snippet typecheck-only="why" -->  compiled, not run
//   <!-- snippet join=NAME -->        part of one program with the file's other
//                                     blocks of the same join, in their order (a
//                                     guide showing one file in parts); the first
//                                     block's options apply to the whole
//   <!-- snippet vitest -->           a test file: run with vitest (the config of
//                                     docs/snippets/vitest.config.ts), not tsx, with
//                                     TEST_POSTGRES_URL naming the PostgreSQL server
//   <!-- snippet skip="why" -->       neither compiled nor run
//
// Options combine (`fragment=prisma typecheck-only="needs PostgreSQL"`), except
// skip, and join with fragment. The summary counts and lists every fragment, typecheck-only and skipped
// block with its reason; an error names the markdown file and line.
//
// Usage: tsx scripts/check-snippets.ts [--no-run] [--filter TEXT]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import pg from 'pg';
import ts from 'typescript';
import { type CodeBlock, checkedLanguages, extractBlocks } from './snippets/extract.js';

const root = resolve(import.meta.dirname, '../..');
const host = join(root, 'docs/snippets');
const preambles = join(host, 'preambles');
const runTimeoutMs = 60_000;
// A vitest block may run a whole suite (the adapter guide's harness runs the
// conformance suite on two databases).
const vitestTimeoutMs = 600_000;
const runConcurrency = 2;

const args = process.argv.slice(2);
const noRun = args.includes('--no-run');
const filterAt = args.indexOf('--filter');
const filter = filterAt === -1 ? undefined : args[filterAt + 1];

interface Snippet {
  /** The markdown file, relative to the repository root. */
  readonly file: string;
  /** The first block; its marker applies to the whole snippet. */
  readonly block: CodeBlock;
  /** Every block of the snippet, in order: the block alone, or every block of its join. */
  readonly blocks: CodeBlock[];
  /** The file the block is written to, absolute. */
  readonly path: string;
  readonly run: boolean;
}

const rel = (path: string) => relative(root, path);

function markdownFiles(): string[] {
  const packages = readdirSync(join(root, 'packages'))
    .map((name) => `packages/${name}/README.md`)
    .filter((file) => existsSync(join(root, file)));
  const guides = readdirSync(join(root, 'docs/guides'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/guides/${name}`);
  return ['README.md', ...packages.sort(), ...guides.sort()];
}

/** `docs/guides/policies.md` → `guides-policies`: the name of its blocks' files. */
function slug(file: string): string {
  return file
    .replace(/^docs\//, '')
    .replace(/\.md$/i, '')
    .replace(/[^\w]+/g, '-')
    .toLowerCase();
}

/** Every name a module's top-level statements declare (imports, variables, functions…). */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const bind = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else
      for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bind(declaration.name);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/** What a preamble exports, each as a value or a type only. */
function preambleExports(path: string): Map<string, 'value' | 'type'> {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const exports = new Map<string, 'value' | 'type'>();
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    // `export * from './team.js'`: a preamble that builds on another.
    if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause === undefined &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const target = resolve(dirname(path), statement.moduleSpecifier.text.replace(/\.js$/, '.ts'));
      for (const [name, kind] of preambleExports(target)) exports.set(name, kind);
      continue;
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements)
        exports.set(
          element.name.text,
          statement.isTypeOnly || element.isTypeOnly ? 'type' : 'value',
        );
      continue;
    }
    if (!exported(statement)) continue;
    const names = declaredNames(ts.factory.updateSourceFile(source, [statement as ts.Statement]));
    const kind =
      ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)
        ? 'type'
        : 'value';
    for (const name of names) exports.set(name, kind);
  }
  return exports;
}

/** The file for one snippet: its blocks' code as written, and for a fragment, an import of its preamble's names. */
function snippetSource(snippet: Omit<Snippet, 'run'>): string {
  const { block } = snippet;
  const fragment = block.marker?.fragment;
  if (fragment === undefined) return snippet.blocks.map((part) => part.code).join('');
  const preamble = join(preambles, `${fragment}.ts`);
  if (!existsSync(preamble))
    throw new Problem(
      snippet.file,
      block.fenceLine,
      `no preamble ${rel(preamble)} for fragment=${fragment}`,
    );
  const own = declaredNames(ts.createSourceFile(snippet.path, block.code, ts.ScriptTarget.Latest));
  const names = [...preambleExports(preamble)]
    .filter(([name]) => !own.has(name))
    .map(([name, kind]) => (kind === 'type' ? `type ${name}` : name));
  let specifier = relative(dirname(snippet.path), preamble).replace(/\.ts$/, '.js');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  // At the end, so that the block's lines keep their numbers: imports are hoisted.
  return `${block.code}\n// The fragment's preamble (docs/snippets/preambles/${fragment}.ts):\nimport { ${names.join(', ')} } from '${specifier}';\n`;
}

class Problem extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Where a position of a compiled file is, for a person: the markdown line for a block's file. */
function locate(byPath: Map<string, Snippet>, file: ts.SourceFile, start: number): string {
  const { line, character } = file.getLineAndCharacterOfPosition(start);
  const snippet = byPath.get(resolve(file.fileName));
  if (snippet === undefined) return `${rel(file.fileName)}:${line + 1}:${character + 1}`;
  let first = 0;
  for (const block of snippet.blocks) {
    const lines = block.code.split('\n').length - 1;
    if (line < first + lines) {
      return `${snippet.file}:${block.fenceLine + 1 + line - first}:${character + 1 + block.indent}`;
    }
    first += lines;
  }
  return `${snippet.file}:${snippet.block.fenceLine} (the fragment's preamble import)`;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(host, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error)
    throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, host, undefined, configPath);
  return { ...parsed.options, noEmit: true };
}

function typecheck(snippets: readonly Snippet[]): { errors: string[]; failed: Set<Snippet> } {
  const byPath = new Map(snippets.map((snippet) => [snippet.path, snippet]));
  const program = ts.createProgram(
    snippets.map((snippet) => snippet.path),
    compilerOptions(),
  );
  const errors: string[] = [];
  const failed = new Set<Snippet>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    ');
    if (diagnostic.file === undefined || diagnostic.start === undefined) {
      errors.push(`error TS${diagnostic.code}: ${message}`);
      continue;
    }
    const snippet = byPath.get(resolve(diagnostic.file.fileName));
    if (snippet !== undefined) failed.add(snippet);
    errors.push(
      `${locate(byPath, diagnostic.file, diagnostic.start)} - error TS${diagnostic.code}: ${message}`,
    );
  }
  return { errors, failed };
}

interface RunResult {
  readonly snippet: Snippet;
  readonly ok: boolean;
  readonly detail: string;
  readonly ms: number;
}

const postgresUrl =
  process.env.ROSTERKIT_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

async function onPostgres(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `work` with the URL of a new, empty PostgreSQL database, dropped afterwards. */
async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `rk_snippet_${randomBytes(6).toString('hex')}`;
  await onPostgres(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await onPostgres(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

async function runOne(snippet: Snippet): Promise<RunResult> {
  if (snippet.block.marker?.vitest === true) return runVitest(snippet);
  if (snippet.block.marker?.database === 'postgresql') {
    try {
      return await withDatabase((url) => runProcess(snippet, { DATABASE_URL: url }));
    } catch (error) {
      return {
        snippet,
        ok: false,
        detail: `no PostgreSQL database at ${postgresUrl}: ${error}`,
        ms: 0,
      };
    }
  }
  return runProcess(snippet, {});
}

/** Runs a test-file block with vitest, in the host project, against the PostgreSQL server of the Prisma tests. */
function runVitest(snippet: Snippet): Promise<RunResult> {
  const vitest = join(root, 'node_modules/.bin/vitest');
  const args = ['run', '--root', host, '--config', join(host, 'vitest.config.ts'), snippet.path];
  // The variables of a vitest this checker may run under would make this one take itself for a worker.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|TINYPOOL)/.test(key)),
  );
  return runProcess(
    snippet,
    { TEST_POSTGRES_URL: postgresUrl },
    {
      command: [vitest, ...args],
      timeoutMs: vitestTimeoutMs,
      env: inherited,
    },
  );
}

function runProcess(
  snippet: Snippet,
  env: Record<string, string>,
  how: { command?: string[]; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  const started = Date.now();
  // Its own working directory: a block that writes a file (a snapshot) leaves nothing behind.
  const cwd = mkdtempSync(join(tmpdir(), 'rosterkit-snippet-'));
  const tsx = join(root, 'node_modules/.bin/tsx');
  const [command, ...args] = how.command ?? [
    tsx,
    join(import.meta.dirname, 'snippets/run-block.ts'),
    snippet.path,
  ];
  const timeoutMs = how.timeoutMs ?? runTimeoutMs;
  return new Promise((done) => {
    const child = spawn(command ?? tsx, args, {
      cwd,
      env: { ...(how.env ?? process.env), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group: tsx runs the block in a child of its own.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      const ms = Date.now() - started;
      // The start of the output: the error's message and where it was thrown (for
      // vitest, its end: the failed tests and the summary).
      const lines = output.trim().split('\n');
      const shown = how.command === undefined ? lines.slice(0, 15) : lines.slice(-60);
      const tail = [...shown, ...(lines.length > shown.length ? ['…'] : [])].join('\n      ');
      if (timedOut)
        done({
          snippet,
          ok: false,
          detail: `timed out after ${timeoutMs / 1000} s\n      ${tail}`,
          ms,
        });
      else if (code === 0) done({ snippet, ok: true, detail: '', ms });
      else done({ snippet, ok: false, detail: `exited with ${code ?? signal}\n      ${tail}`, ms });
    });
  });
}

async function runAll(snippets: readonly Snippet[]): Promise<RunResult[]> {
  const results: RunResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < snippets.length) {
      const snippet = snippets[next++];
      if (snippet !== undefined) results.push(await runOne(snippet));
    }
  };
  await Promise.all(Array.from({ length: runConcurrency }, worker));
  return results.sort((a, b) => snippets.indexOf(a.snippet) - snippets.indexOf(b.snippet));
}

/**
 * Generates the Prisma clients of the host project (from rosterkit's fragment
 * alone): for PostgreSQL, the one `./generated/prisma/client.js` re-exports,
 * and for SQLite, the one the adapter guide's harness runs its stand-in store
 * on. With the adapter's own script, which skips a client whose fragment has
 * not changed.
 */
function generatePrismaClient(): void {
  const script = join(root, 'packages/adapters-prisma/scripts/generate-clients.ts');
  const child = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    [script, '--out', join(host, 'generated/.prisma'), 'postgresql', 'sqlite'],
    { encoding: 'utf8' },
  );
  if (child.status !== 0)
    throw new Error(`prisma generate failed (${child.status}):\n${child.stdout}${child.stderr}`);
}

function clearOldSnippets(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'generated')
      clearOldSnippets(path);
    else if (/\.snippet\.tsx?$/.test(entry.name)) rmSync(path);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function main(): Promise<void> {
  const started = Date.now();
  const files = markdownFiles();
  const problems: string[] = [];
  const snippets: Snippet[] = [];
  const skipped: { where: string; reason: string }[] = [];
  const otherLanguages = new Map<string, number>();
  clearOldSnippets(host);
  for (const file of files) {
    const { blocks, problems: found } = extractBlocks(readFileSync(join(root, file), 'utf8'));
    for (const problem of found) problems.push(`${file}:${problem.line} - ${problem.message}`);
    // The snippet of each join of this file, which its later blocks are appended to.
    const joins = new Map<string, Snippet>();
    for (const block of blocks) {
      if (!checkedLanguages.has(block.language)) {
        const name = block.language || '(none)';
        otherLanguages.set(name, (otherLanguages.get(name) ?? 0) + 1);
        continue;
      }
      const where = `${file}:${block.fenceLine}`;
      if (filter !== undefined && !where.includes(filter)) continue;
      if (block.marker?.skip !== undefined) {
        skipped.push({ where, reason: block.marker.skip });
        continue;
      }
      const joinName = block.marker?.join;
      const joined = joinName === undefined ? undefined : joins.get(joinName);
      if (joined !== undefined) {
        const { join: _name, ...others } = block.marker ?? {};
        if (Object.keys(others).length > 0) {
          problems.push(
            `${where} - a later block of join=${joinName} has options of its own (${Object.keys(others).join(', ')}): the first block's apply`,
          );
          continue;
        }
        joined.blocks.push(block);
        writeFileSync(joined.path, snippetSource(joined));
        continue;
      }
      const dir = join(host, block.marker?.dir ?? '.');
      const extension = block.language === 'tsx' ? 'tsx' : 'ts';
      const name = joinName === undefined ? `L${block.fenceLine}` : `${joinName}`;
      const path = join(dir, `${slug(file)}-${name}.snippet.${extension}`);
      const snippet: Snippet = {
        file,
        block,
        blocks: [block],
        path,
        run: block.marker?.typecheckOnly === undefined,
      };
      if (joinName !== undefined) joins.set(joinName, snippet);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path, snippetSource(snippet));
        snippets.push(snippet);
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        problems.push(`${error.file}:${error.line} - ${error.message}`);
      }
    }
  }

  generatePrismaClient();
  const { errors, failed } = typecheck(snippets);
  const runnable = noRun ? [] : snippets.filter((snippet) => snippet.run && !failed.has(snippet));
  const runs = await runAll(runnable);
  const runFailures = runs.filter((result) => !result.ok);

  const fragments = snippets.filter((snippet) => snippet.block.marker?.fragment !== undefined);
  const typecheckOnly = snippets.filter((snippet) => !snippet.run);
  const byPreamble = new Map<string, number>();
  for (const snippet of fragments) {
    const name = snippet.block.marker?.fragment ?? '';
    byPreamble.set(name, (byPreamble.get(name) ?? 0) + 1);
  }
  const total = snippets.length + skipped.length;

  console.log('\nBlocks:');
  const ranBy = new Map(runs.map((result) => [result.snippet, result]));
  for (const snippet of snippets) {
    const ran = ranBy.get(snippet);
    const state = failed.has(snippet)
      ? 'FAIL compile'
      : ran === undefined
        ? 'ok   compiled'
        : ran.ok
          ? `ok   ran ${(ran.ms / 1000).toFixed(1)} s`
          : 'FAIL run';
    const { marker } = snippet.block;
    const how = [
      marker?.fragment && `fragment=${marker.fragment}`,
      marker?.dir && `dir=${marker.dir}`,
      marker?.database && `database=${marker.database}`,
      marker?.join && `join=${marker.join} (${snippet.blocks.length} blocks)`,
      marker?.vitest && 'vitest',
      marker?.typecheckOnly && 'typecheck-only',
    ].filter(Boolean);
    console.log(
      `  ${state.padEnd(14)} ${snippet.file}:${snippet.block.fenceLine}${how.length > 0 ? ` (${how.join(' ')})` : ''}`,
    );
  }
  for (const { where } of skipped) console.log(`  ${'skipped'.padEnd(14)} ${where}`);

  console.log(`\nDocs snippets: ${files.length} markdown files, ${total} TypeScript blocks`);
  console.log(
    `  compiled:       ${snippets.length - failed.size} of ${snippets.length} (tsc, docs/snippets/tsconfig.json)`,
  );
  console.log(
    `  run:            ${runs.length - runFailures.length} of ${runs.length} passed (tsx or vitest, one process each, ${runTimeoutMs / 1000} s timeout, ${vitestTimeoutMs / 1000} s for vitest)${noRun ? ' (--no-run)' : ''}`,
  );
  console.log(
    `  fragments:      ${fragments.length}${fragments.length > 0 ? ` (${[...byPreamble].map(([name, n]) => `${name} ×${n}`).join(', ')})` : ''}`,
  );
  console.log(`  typecheck only: ${typecheckOnly.length}`);
  for (const snippet of typecheckOnly)
    console.log(
      `    ${snippet.file}:${snippet.block.fenceLine}: ${snippet.block.marker?.typecheckOnly}`,
    );
  console.log(`  skipped:        ${skipped.length}`);
  for (const { where, reason } of skipped) console.log(`    ${where}: ${reason}`);
  console.log(
    `  not TypeScript: ${[...otherLanguages].map(([language, n]) => `${language} ×${n}`).join(', ') || 'none'}`,
  );
  console.log(`  time:           ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Everything on stdout, in this order: under turbo, stderr would come first.
  const failures = problems.length + errors.length + runFailures.length;
  if (problems.length > 0) {
    console.log(`\nMarkers that cannot be used (${problems.length}):`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
  if (errors.length > 0) {
    console.log(
      `\nBlocks that do not compile (${plural(failed.size, 'block')}, ${plural(errors.length, 'error')}):`,
    );
    for (const error of errors) console.log(`  ${error}`);
  }
  if (runFailures.length > 0) {
    console.log(`\nBlocks that fail when run (${runFailures.length}):`);
    for (const { snippet, detail } of runFailures)
      console.log(`  ${snippet.file}:${snippet.block.fenceLine} (${rel(snippet.path)}) ${detail}`);
  }
  if (failures > 0) {
    console.log(
      '\nDocs snippets check failed. Fix the block (the code is the truth), or mark it: see docs/scripts/check-snippets.ts.',
    );
    process.exit(1);
  }
  console.log('\nDocs snippets check passed.');
}

await main();
