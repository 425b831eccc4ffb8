import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey } from '../src/search-key.js';

// Why a search key's `contains` is the memory store's `includes` (see
// src/search-key.ts): the replacements never occur in lower-cased text, and
// the key is one character for one.

const replacements = [...searchKey('%_\\')];

describe('searchKey', () => {
  it('replaces the three characters LIKE reads specially, and lower-cases the rest', () => {
    expect(searchKey('A_b%C\\d')).toBe('a\uFF35b\uFF30c\uFF22d');
    expect(searchKey('Zoë NG')).toBe('zoë ng');
    expect(searchKey('')).toBe('');
  });

  it('leaves no character that LIKE reads specially, on any provider', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('%', '_', '\\', 'a', 'Z', 'é', '\uFF30') }),
        (text) => !/[%_\\]/.test(searchKey(text)),
      ),
    );
  });

  it('uses replacements that no lower-cased code point contains, and that are not ASCII', () => {
    expect(new Set(replacements).size).toBe(3);
    for (const replacement of replacements) {
      expect(replacement.codePointAt(0)).toBeGreaterThan(0x7f);
      expect(replacement.toLowerCase()).not.toBe(replacement);
    }
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const lower = String.fromCodePoint(cp).toLowerCase();
      for (const replacement of replacements) {
        if (lower.includes(replacement)) throw new Error(`U+${cp.toString(16)} lower-cases to it`);
      }
    }
    // The only lower-casing that depends on context (a final sigma) gives sigmas.
    expect('ΑΣ'.toLowerCase()).toBe('ας');
  });

  it('one key contains another exactly when the lower-cased texts do', () => {
    const alphabet = fc.constantFrom('a', 'B', '%', '_', '\\', 'é', '\uFF30', '\uFF50', 'İ', ' ');
    const text = fc.array(alphabet, { maxLength: 8 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (haystack, needle) => {
        expect(searchKey(haystack).includes(searchKey(needle))).toBe(
          haystack.toLowerCase().includes(needle.toLowerCase()),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
