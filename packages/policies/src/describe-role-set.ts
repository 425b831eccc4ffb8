import { permissionLabels, permissions } from './permissions.js';
import type { RoleSet } from './role-set.js';

/**
 * Renders a role set as markdown: one row per role (rank, scope, each
 * permission, the profile fields they may change), then the plan gates and
 * restrictions. The docs' table of what each preset role may do is generated
 * with it, so it cannot drift from the presets.
 *
 * @example
 * ```ts
 * import { describeRoleSet, presets } from '@rosterkit/policies';
 * console.log(describeRoleSet(presets.multiSite));
 * ```
 */
export function describeRoleSet(roleSet: RoleSet): string {
  const header = [
    'Role',
    'Rank',
    'Scope',
    ...permissions.map((permission) => permissionLabels[permission]),
    'Own profile fields',
    'Others’ profile fields',
  ];
  const code = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ');
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...roleSet.roles.map((role) => {
      const cells = [
        `**${role.label}** (\`${role.name}\`)${role.owner ? ' — owner' : ''}`,
        String(role.rank),
        role.scope === 'space' ? 'own spaces' : 'organization',
        ...permissions.map((permission) => (role.permissions.includes(permission) ? '✓' : '—')),
        code(role.profileFields.own),
        role.permissions.includes('manageUsers') ? code(role.profileFields.others) : '—',
      ];
      return `| ${cells.join(' | ')} |`;
    }),
  ];
  const gates = Object.entries(roleSet.planGates);
  if (gates.length > 0) {
    lines.push(
      '',
      ...gates.map(
        ([action, plans]) => `- Plan-gated: \`${action}\` only on ${code(plans ?? [])}.`,
      ),
    );
  }
  const restrictions = Object.entries(roleSet.restrictions);
  if (restrictions.length > 0) {
    lines.push(
      '',
      ...restrictions.map(
        ([name, restriction]) =>
          `- Restriction \`${name}\`: ${restriction.description} (denies ${code(restriction.denies)})`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
