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
  // The organization deleted: every account gone.
  expect(output).toContain(
    'refused, INVALID_INPUT: To delete the organization, type its exact name',
  );
  expect(output).toContain('deleted 6 accounts');
  expect(output.trimEnd().split('\n').at(-1)).toMatch(/Ana lists All Users: refused, NOT_FOUND/);
});
