import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

it('walks every use case of the reference pages through the commands and prints each decision', () => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
    cwd: root,
    encoding: 'utf8',
  });
  // An employee resigns and rejoins: the account stays, history keeps both periods.
  expect(output).toContain(
    'All Users (5): Ana (active), Bo (active), Cy (active), Di (active), Ed (active)\n  The team (4):',
  );
  expect(output).toContain("Ed's periods: ended, current");
  expect(output).toContain('Inviting ed@acme.io again instead: refused, ACCOUNT_EXISTS');
  expect(output).toContain(
    'Inviting Ed once he left: ACCOUNT_EXISTS, state former-member: offer "Add to team"',
  );
  expect(output).toContain("Fay's periods: 2");
  // A team leader with reports, then with them reassigned.
  expect(output).toContain('deactivate Cy: refused, HAS_DIRECT_REPORTS');
  expect(output).toContain('deactivate Cy, reports to Bo: done');
  expect(output).toContain('Di now reports to Bo\n  Ed now reports to Bo');
  expect(output).toContain('(host hook) deactivate: tickets of Cy → Bo');
  // An agent deactivated: out of every queue, then reactivated without them.
  expect(output).toContain('Di: deactivated, queues: 0, still a member: true');
  expect(output).toContain('Di: active with the same account; queues: 0');
  // Nobody edits their own access; only user managers act on others.
  expect(output).toContain('Bo changes his own role: refused, SELF_ACTION');
  expect(output).toContain('Bo edits his own name: done');
  expect(output).toContain('Di (an agent) deactivates Ed: refused, FORBIDDEN');
  expect(output).toContain('Ana deletes her account: refused, OWNER_PROTECTED');
  // Staff imported from a CSV: a dry run that writes nothing, a report by sheet line, idempotent re-runs.
  expect(output).toContain(
    [
      '    line 2 ivy@northwind.io: created',
      '    line 3 jon@northwind.io: created',
      '    line 4 kim@northwind.io: failed (Role* INVALID_INPUT: Unknown role "receptionist"; known roles: super-admin, site-admin, staff.)',
      '    line 5 lou@northwind: failed (Email* INVALID_INPUT: Invalid import row: email: Invalid email address.)',
      '    line 6 IVY@northwind.io: failed (Email* INVALID_INPUT: Duplicate of row 2: each email appears once in a file.)',
      '    line 7 max@northwind.io: failed (Role* RANK_EXCEEDED: You cannot grant a role that ranks above your own.)',
      '    line 8 ned@northwind.io: failed (Role* REQUIRED: Role is required.)',
      '    dry run: 2 created, 0 unchanged, 5 failed',
      '  All Users after the dry run: 2',
    ].join('\n'),
  );
  expect(output).toContain('  done: 2 created, 0 unchanged, 5 failed\n  All Users now: 4\n');
  expect(output).toContain('The same file again: done: 0 created, 2 unchanged, 5 failed');
  // Restrictions checked at invite land on the membership; invitations wait in a list.
  expect(output).toContain('Zoe is invited as a manager, restricted: no-invite');
  expect(output).toContain('Zoe accepts; her membership carries: no-invite');
  expect(output).toContain('Zoe invites a colleague: refused, FORBIDDEN: Restricted (no-invite)');
  expect(output).toMatch(/Pending invitations \(1\): sam@initech\.io \[Resend: /);
  expect(output).toMatch(/Every invitation: .*tia@initech\.io declined/);
  expect(output).toContain(
    'The team with pending invitees (3): sam@initech.io (pending), oli@initech.io (active), zoe@initech.io (active)',
  );
  // The organization deleted: every account gone.
  expect(output).toContain(
    'refused, INVALID_INPUT: To delete the organization, type its exact name',
  );
  expect(output).toContain('deleted 6 accounts');
  expect(output.trimEnd().split('\n').at(-1)).toMatch(
    /Ana lists All Users: refused, ACTOR_UNKNOWN/,
  );
});
