import type { RosterErrorCode } from '@rosterkit/core';
import { expect } from 'vitest';
import type { ConformanceSuite } from '../conformance-context.js';
import { expectRosterError } from '../conformance-context.js';
import { expectRefusedUnchanged } from './refusal.js';
import { seedScenario } from './scenario-roster.js';

// Ways to write an address that looks like the seed's 'bo@acme.io': the same
// address once folded (ACCOUNT_EXISTS), or one that is refused (INVALID_INPUT).
const lookAlikes: readonly (readonly [string, string, RosterErrorCode])[] = [
  ['fullwidth letters', '\uff42\uff4f@acme.io', 'ACCOUNT_EXISTS'],
  [
    'fullwidth letters, at sign and dot',
    '\uff42\uff4f\uff20\uff41\uff43\uff4d\uff45\uff0e\uff49\uff4f',
    'ACCOUNT_EXISTS',
  ],
  ['a fullwidth domain', 'bo@\uff41\uff43\uff4d\uff45.io', 'ACCOUNT_EXISTS'],
  ['mathematical bold letters', '\u{1d41b}\u{1d428}@acme.io', 'ACCOUNT_EXISTS'],
  ['a Cyrillic о', 'b\u043e@acme.io', 'INVALID_INPUT'],
  ['a Greek ο', 'b\u03bf@acme.io', 'INVALID_INPUT'],
  ['a Cyrillic а in the domain', 'bo@\u0430cme.io', 'INVALID_INPUT'],
  ['a zero-width space', 'b\u200bo@acme.io', 'INVALID_INPUT'],
  ['a variation selector', 'bo\ufe0f@acme.io', 'INVALID_INPUT'],
];

/** Emails that look alike are one account or none (DESIGN §2 and rule 12). */
export const emailScenarios: ConformanceSuite = (test) => {
  test('Domain: rule 12: inviting a look-alike of an existing address never creates a second account', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const total = async () => (await org.as(org.owner).listAccounts({ limit: 1 })).total;
    const before = await total();
    for (const [label, email, code] of lookAlikes) {
      await expectRefusedUnchanged(
        ctx,
        org,
        () => admin.invite({ email, role: 'agent' }),
        code,
      ).catch((error: unknown) => {
        throw new Error(`inviting ${label} (${JSON.stringify(email)}): ${String(error)}`, {
          cause: error,
        });
      });
    }
    expect(await total()).toBe(before);

    const report = await admin.bulkImport(
      lookAlikes.map(([, email], index) => ({ rowNumber: index + 2, email, role: 'agent' })),
    );
    expect(report.rows.map((row) => row.status)).not.toContain('created');
    expect(await total()).toBe(before);
  });

  test('Domain: an internationalised domain is stored in punycode, and its Unicode and punycode spellings are one account', async (ctx) => {
    const org = await seedScenario(ctx.store);
    const admin = org.as(org.admin);
    const { account } = await admin.invite({ email: 'Dee@B\u00fccher.de', role: 'agent' });
    expect(account.email).toBe('dee@xn--bcher-kva.de');
    expect((await ctx.raw.account(org.organization.id, account.id))?.email).toBe(
      'dee@xn--bcher-kva.de',
    );
    for (const email of ['DEE@XN--BCHER-KVA.DE', 'dee@b\u00fccher.de', 'dee@bu\u0308cher.de']) {
      const again = await expectRosterError(
        admin.invite({ email, role: 'agent' }),
        'ACCOUNT_EXISTS',
      );
      expect(again.details).toMatchObject({ accountId: account.id });
    }
  });
};
