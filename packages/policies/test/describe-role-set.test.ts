import { describe, expect, it } from 'vitest';
import { defineRoleSet, describeRoleSet, permissions, presets } from '../src/index.js';

describe('describeRoleSet', () => {
  it('renders one row per role, highest rank first, with each permission', () => {
    const lines = describeRoleSet(presets.contactCenter).trimEnd().split('\n');
    expect(lines[0]?.split('|').length).toBe(permissions.length + 5 + 2);
    expect(lines[2]).toMatch(
      /^\| \*\*Administrator\*\* \(`administrator`\) — owner \| 100 \| organization \| ✓ \| ✓ \| ✓ \| ✓ \| ✓ \| ✓ \| ✓ \|/,
    );
    expect(lines[3]).toMatch(
      /^\| \*\*Manager\*\* \(`manager`\) \| 50 \| organization \| — \| — \| ✓ \| ✓ \| — \| — \| — \|/,
    );
    expect(lines[4]).toContain('| `firstName`, `lastName` | — |');
    expect(lines.at(-1)).toBe('- Plan-gated: `viewStatistics` only on `professional`, `pro-plus`.');
  });

  it('follows the role set it is given, scope and restrictions included', () => {
    const text = describeRoleSet(
      defineRoleSet({
        name: 'x',
        roles: [
          { name: 'boss', rank: 9, owner: true, permissions: ['manageUsers'] },
          { name: 'lead', rank: 5, scope: 'space', permissions: ['manageUsers'] },
        ],
        restrictions: { quiet: { description: 'No invitations.', denies: ['invite'] } },
      }),
    );
    expect(text).toContain('| **lead** (`lead`) | 5 | own spaces | ✓ | — |');
    expect(text).toContain('- Restriction `quiet`: No invitations. (denies `invite`)');
    expect(describeRoleSet(presets.spaces)).toContain('Restriction `no-invite`');
  });
});
