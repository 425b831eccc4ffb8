import { describe, expect, it } from 'vitest';
import { extractBlocks, parseMarker } from '../scripts/snippets/extract.js';

const md = (...lines: string[]) => lines.join('\n');

describe('extractBlocks', () => {
  it('finds every fenced block with its language, fence line and code', () => {
    const { blocks, problems } = extractBlocks(
      md('# Title', '', '```ts', 'const a = 1;', '```', '', '~~~sh', 'npm ci', '~~~', '```', '```'),
    );
    expect(problems).toEqual([]);
    expect(blocks.map(({ language, fenceLine, code }) => [language, fenceLine, code])).toEqual([
      ['ts', 3, 'const a = 1;\n'],
      ['sh', 7, 'npm ci\n'],
      ['', 10, ''],
    ]);
  });

  it('takes the marker just before a block, across blank lines, and only for that block', () => {
    const { blocks, problems } = extractBlocks(
      md('<!-- snippet fragment=team -->', '', '```ts', 'admin;', '```', '```ts', 'b;', '```'),
    );
    expect(problems).toEqual([]);
    expect(blocks[0]?.marker).toEqual({ fragment: 'team' });
    expect(blocks[1]?.marker).toBeUndefined();
  });

  it('strips the indentation of a block inside a list item, and remembers it', () => {
    const { blocks } = extractBlocks(md('- step:', '', '  ```ts', '  const a = 1;', '  ```'));
    expect(blocks[0]).toMatchObject({ language: 'ts', indent: 2, code: 'const a = 1;\n' });
  });

  it('does not end a block at a shorter fence, nor read markers inside a block', () => {
    const { blocks, problems } = extractBlocks(
      md('````md', '```ts', '<!-- snippet skip="x" -->', '```', '````'),
    );
    expect(problems).toEqual([]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.language).toBe('md');
  });

  it('reports a marker that applies to nothing, with its line', () => {
    expect(
      extractBlocks(md('<!-- snippet fragment=team -->', 'Some text.', '```ts', 'a;', '```'))
        .problems,
    ).toEqual([{ line: 1, message: 'this snippet marker is not followed by a code block' }]);
    expect(
      extractBlocks(md('<!-- snippet fragment=team -->', '```sh', 'ls', '```')).problems,
    ).toEqual([
      { line: 1, message: 'this snippet marker is followed by a `sh` block, not a TypeScript one' },
    ]);
    expect(extractBlocks(md('text', '<!-- snippet fragment=team -->')).problems).toHaveLength(1);
  });

  it('reports a marker it cannot read, and leaves the block unmarked', () => {
    const { blocks, problems } = extractBlocks(
      md('<!-- snippet fragmnet=team -->', '```ts', 'a;', '```'),
    );
    expect(problems[0]?.line).toBe(1);
    expect(problems[0]?.message).toMatch(/unknown option "fragmnet"/);
    expect(blocks[0]?.marker).toBeUndefined();
  });
});

describe('parseMarker', () => {
  it('reads every option, with quoted reasons', () => {
    expect(
      parseMarker(' fragment=prisma dir=test database=postgresql typecheck-only="needs a server" '),
    ).toEqual({
      fragment: 'prisma',
      dir: 'test',
      database: 'postgresql',
      typecheckOnly: 'needs a server',
    });
    expect(parseMarker('skip="shows a shell session"')).toEqual({ skip: 'shows a shell session' });
    expect(parseMarker('dir=test join=harness vitest')).toEqual({
      dir: 'test',
      join: 'harness',
      vitest: true,
    });
    expect(parseMarker('')).toEqual({});
  });

  it.each([
    ['typecheck-only', /needs its reason/],
    ['skip=""', /needs its reason/],
    ['skip="x" fragment=team', /skip excludes every other option/],
    ['fragment="team"', /needs a name without quotes/],
    ['dir=../outside', /never \.\./],
    ['database=mysql', /database=postgresql is the only/],
    ['fragment=a fragment=b', /given twice/],
    ['run', /unknown option "run"/],
    ['vitest=yes', /vitest takes no value/],
    ['join="a b"', /needs a name without quotes/],
    ['join=h fragment=team', /join and fragment do not combine/],
  ])('refuses %s', (text, message) => {
    expect(parseMarker(text)).toMatch(message);
  });
});
