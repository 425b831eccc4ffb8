import { describe, expect, it } from 'vitest';
import { parsePropertyPath, readProperty } from '../src/index.js';

describe('parsePropertyPath', () => {
  it('reads dots, indexes and quoted keys', () => {
    expect(parsePropertyPath('Resources[0].name.familyName')).toEqual([
      { key: 'Resources' },
      { index: 0 },
      { key: 'name' },
      { key: 'familyName' },
    ]);
    expect(parsePropertyPath('[2].id')).toEqual([{ index: 2 }, { key: 'id' }]);
    expect(
      parsePropertyPath('["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"].manager'),
    ).toEqual([
      { key: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User' },
      { key: 'manager' },
    ]);
    expect(parsePropertyPath("a['b c']")).toEqual([{ key: 'a' }, { key: 'b c' }]);
    expect(parsePropertyPath('urn:x:y')).toEqual([{ key: 'urn:x:y' }]);
  });

  it.each([
    '',
    ' id',
    '.id',
    'a..b',
    'a.',
    'a[',
    'a[-1]',
    'a[01]',
    'a[x]',
    'a[0]b',
    'a b',
    'a["b]',
  ])('rejects %j', (path) => {
    expect(() => parsePropertyPath(path)).toThrow(/invalid property path/);
  });
});

describe('readProperty', () => {
  const document = { Resources: [{ id: 'u1', active: false, manager: null }], totalResults: 0 };

  it('finds values, including falsy ones and null', () => {
    expect(readProperty(document, parsePropertyPath('Resources[0].id'))).toEqual({
      found: true,
      value: 'u1',
    });
    expect(readProperty(document, parsePropertyPath('Resources[0].active'))).toEqual({
      found: true,
      value: false,
    });
    expect(readProperty(document, parsePropertyPath('Resources[0].manager'))).toEqual({
      found: true,
      value: null,
    });
    expect(readProperty(document, parsePropertyPath('totalResults'))).toEqual({
      found: true,
      value: 0,
    });
  });

  it('finds nothing past the end, through a scalar, by key on a list or by index on an object', () => {
    for (const path of [
      'Resources[1].id',
      'Resources[0].id.length',
      'Resources.id',
      'totalResults[0]',
      'missing',
      'Resources[0].manager.value',
    ]) {
      expect(readProperty(document, parsePropertyPath(path)), path).toEqual({ found: false });
    }
  });

  it('does not read inherited properties', () => {
    expect(readProperty({}, parsePropertyPath('constructor'))).toEqual({ found: false });
    expect(readProperty({}, parsePropertyPath('__proto__'))).toEqual({ found: false });
  });
});
