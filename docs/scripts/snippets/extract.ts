// Finds the TypeScript code blocks of a markdown file and the `<!-- snippet … -->`
// marker that may precede each one. The checker (check-snippets.ts) compiles and
// runs what this returns; the grammar of the marker is documented there.

/** The languages whose blocks are checked. */
export const checkedLanguages = new Set(['ts', 'typescript', 'tsx']);

/** How a block is checked, as its marker says (no marker: a complete program, compiled and run). */
export interface SnippetMarker {
  /** The preamble (`docs/snippets/preambles/NAME.ts`) a fragment is compiled after. */
  readonly fragment?: string;
  /** The block's folder in the host project (`docs/snippets/`), for its relative imports. */
  readonly dir?: string;
  /** Run with `DATABASE_URL` naming a fresh, empty database of this provider (only `postgresql`). */
  readonly database?: 'postgresql';
  /** Compiled but not run, and why. */
  readonly typecheckOnly?: string;
  /** Neither compiled nor run, and why. */
  readonly skip?: string;
  /**
   * The name of a program this block is part of: the blocks of one markdown
   * file with the same `join` are one file, in their order, compiled and run
   * as one (the first block's other options apply to it).
   */
  readonly join?: string;
  /** Run with vitest, as a test file, instead of as a program with tsx. */
  readonly vitest?: true;
}

/** One fenced code block of a markdown file. */
export interface CodeBlock {
  /** The info string's first word, lower-cased (`ts`, `sh`, `mermaid`…); `''` when none. */
  readonly language: string;
  /** The 1-based line of the opening fence. */
  readonly fenceLine: number;
  /** How many columns of indentation were removed from each line (a block inside a list item). */
  readonly indent: number;
  /** The block's text, without its fences; line `i` of it is line `fenceLine + 1 + i` of the file. */
  readonly code: string;
  /** The marker just before the fence, if any. */
  readonly marker?: SnippetMarker;
}

/** A marker or fence the checker cannot use: reported with its line, and fails the check. */
export interface ExtractProblem {
  readonly line: number;
  readonly message: string;
}

const fenceOpen = /^( *)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/;
const markerLine = /^\s*<!--\s*snippet\b(.*?)-->\s*$/;
const markerStart = /^\s*<!--\s*snippet\b/;
const option = /([a-z-]+)(?:=(?:"([^"]*)"|([^\s"]+)))?/gy;

/** Reads a marker's options (`fragment=NAME dir=PATH join=NAME vitest database=postgresql typecheck-only="why" skip="why"`). */
export function parseMarker(text: string): SnippetMarker | string {
  const marker: Record<string, string | true> = {};
  const source = text.trim();
  let at = 0;
  while (at < source.length) {
    if (/\s/.test(source[at] ?? '')) {
      at += 1;
      continue;
    }
    option.lastIndex = at;
    const match = option.exec(source);
    if (match === null) return `cannot read the marker's options from "${source.slice(at)}"`;
    at = option.lastIndex;
    const [, key = '', quoted, bare] = match;
    const value = quoted ?? bare;
    if (key in marker) return `option ${key} is given twice`;
    switch (key) {
      case 'fragment':
      case 'dir':
      case 'join':
        if (value === undefined || quoted !== undefined)
          return `${key} needs a name without quotes: ${key}=NAME`;
        if (!/^[\w./-]+$/.test(value) || value.split('/').includes('..'))
          return `${key}=${value}: a name of letters, digits, - _ . and / only, never ..`;
        marker[key] = value;
        break;
      case 'vitest':
        if (value !== undefined) return 'vitest takes no value: it runs the block as a test file';
        marker.vitest = true;
        break;
      case 'database':
        if (value !== 'postgresql')
          return 'database=postgresql is the only database a block can have';
        marker.database = value;
        break;
      case 'typecheck-only':
      case 'skip':
        if (value === undefined || value.trim() === '')
          return `${key} needs its reason: ${key}="why this block is not ${key === 'skip' ? 'checked' : 'run'}"`;
        marker[key === 'skip' ? 'skip' : 'typecheckOnly'] = value.trim();
        break;
      default:
        return `unknown option "${key}" (known: fragment=NAME, dir=PATH, join=NAME, vitest, database=postgresql, typecheck-only="why", skip="why")`;
    }
  }
  if (marker.skip !== undefined && Object.keys(marker).length > 1)
    return 'skip excludes every other option: a skipped block is not compiled at all';
  if (marker.join !== undefined && marker.fragment !== undefined)
    return 'join and fragment do not combine: the joined blocks are one program of their own';
  return marker as SnippetMarker;
}

/**
 * Every fenced code block of `markdown`, with the `<!-- snippet … -->` marker
 * that precedes it (blank lines may come between). A marker that is not
 * followed by a checked block, or that cannot be read, is a problem: a
 * marker must never silently apply to nothing.
 */
export function extractBlocks(markdown: string): {
  blocks: CodeBlock[];
  problems: ExtractProblem[];
} {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  const problems: ExtractProblem[] = [];
  let pending: { line: number; marker: SnippetMarker } | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const open = fenceOpen.exec(line);
    if (open !== null) {
      const [, spaces = '', fence = '', info = ''] = open;
      // A backtick fence's info string may not hold a backtick (CommonMark).
      if (fence.startsWith('`') && (open[4] ?? '').includes('`')) continue;
      const close = new RegExp(`^ *${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end] ?? '')) end += 1;
      const indent = spaces.length;
      const code = lines
        .slice(i + 1, end)
        .map((text) => text.slice(Math.min(indent, text.length - text.trimStart().length)))
        .join('\n');
      const language = info.toLowerCase();
      if (pending !== undefined && !checkedLanguages.has(language)) {
        problems.push({
          line: pending.line,
          message: `this snippet marker is followed by a \`${language || 'plain'}\` block, not a TypeScript one`,
        });
      }
      blocks.push({
        language,
        fenceLine: i + 1,
        indent,
        code: end > i + 1 ? `${code}\n` : '',
        ...(pending !== undefined && checkedLanguages.has(language)
          ? { marker: pending.marker }
          : {}),
      });
      pending = undefined;
      i = end;
      continue;
    }
    if (line.trim() === '') continue;
    if (pending !== undefined) {
      problems.push({
        line: pending.line,
        message: 'this snippet marker is not followed by a code block',
      });
      pending = undefined;
    }
    if (markerStart.test(line)) {
      const whole = markerLine.exec(line);
      const parsed =
        whole === null ? 'a snippet marker fits on one line' : parseMarker(whole[1] ?? '');
      if (typeof parsed === 'string') problems.push({ line: i + 1, message: parsed });
      else pending = { line: i + 1, marker: parsed };
    }
  }
  if (pending !== undefined)
    problems.push({
      line: pending.line,
      message: 'this snippet marker is not followed by a code block',
    });
  return { blocks, problems };
}
