import { describe, expect, it } from 'vitest';
import {
  compareText,
  likeContains,
  lowerText,
  matchesSearch,
  searchText,
} from '../../src/adapter/index.js';

describe('text as rosterkit compares it', () => {
  it('compares by UTF-16 code units, not by a locale', () => {
    expect(['b', 'B', 'a', 'é', 'e'].sort(compareText)).toEqual(['B', 'a', 'b', 'e', 'é']);
    expect(compareText('a', 'a')).toBe(0);
  });

  it('lower-cases every cased letter, beyond ASCII', () => {
    expect(lowerText('Zoë ÅSTRÖM')).toBe('zoë åström');
    expect(lowerText('ΑΣ')).toBe('ας');
    expect(lowerText('İ')).toBe('i\u0307');
  });

  it('a search is trimmed and lower-cased; blank is no search', () => {
    expect(searchText('  Ana NG ')).toBe('ana ng');
    expect(searchText('   ')).toBe('');
    expect(searchText(undefined)).toBe('');
  });

  it('matches a substring of the email, either name, or "first last"', () => {
    const ana = { email: 'ana.ng@acme.io', firstName: 'Ana', lastName: 'NG' };
    for (const search of ['ana', 'NG@', 'a n', 'ACME', '']) {
      expect(matchesSearch(ana, searchText(search)), search).toBe(true);
    }
    for (const search of ['ng a', 'bo', 'a%']) {
      expect(matchesSearch(ana, searchText(search)), search).toBe(false);
    }
  });

  it('likeContains escapes what LIKE reads specially', () => {
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(likeContains('')).toBe('%%');
  });
});
