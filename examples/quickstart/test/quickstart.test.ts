import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

it('walks every use case of the reference pages and prints each decision', () => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(output).toContain('Bo Li: deactivate → refused: INVALID_TRANSITION');
  expect(output).toContain('Bo Li: team member --removeFromTeam--> account-only');
  expect(output).toContain('Bo Li: team account-only --addToTeam--> member');
  expect(output).toContain('Cy Park: deactivate → refused: HAS_DIRECT_REPORTS');
  expect(output).toContain('Cy Park: account active --deactivate--> deactivated');
  expect(output).toContain('Di now reports to bo, Ed to bo.');
  expect(output).toContain('Di Rossi: deactivate → refused: PROFILE_INCOMPLETE');
  expect(output).toContain('Di Rossi: account deactivated --reactivate--> active');
  expect(output).toContain('changeRole on himself → refused: SELF_ACTION');
  expect(output).toContain('updateProfile (his own name) → allowed');
  expect(output).toContain('Ana Ng: deleteOwnAccount → refused: OWNER_PROTECTED');
  expect(output).toContain('Ana Ng: account active --deleteOrganization--> deleted');
  expect(output.trimEnd().split('\n').at(-2)).toBe('  All Users: nobody');
});
