import { RoleName, rosterActions } from '@rosterkit/core';
import { defineModel } from '@rosterkit/core/extra';
import { z } from 'zod';
import { permissions } from './permissions.js';
import { roleRuleSchema } from './role-rule.js';

// The zod schema of a role set definition, with the checks across roles
// (one owner ranked above the rest, unique names, someone to manage users).

const fieldPattern = z.string().min(1).max(128);

const roleSchema = z.strictObject({
  name: RoleName.schema,
  label: z.string().trim().min(1).max(100).optional(),
  description: z.string().max(500).optional(),
  rank: z.int().min(0).max(1_000_000),
  permissions: z.array(z.enum(permissions)),
  scope: z.enum(['organization', 'space']).optional(),
  owner: z.boolean().optional(),
  shared: z.boolean().optional(),
  profileFields: z
    .strictObject({
      own: z.array(fieldPattern).optional(),
      others: z.array(fieldPattern).optional(),
    })
    .optional(),
  // Checked in the role set's refinement: a function is kept as is, a list is validated rule by rule.
  rules: z.unknown().optional(),
  restrictions: z.array(z.string().min(1).max(64)).optional(),
});

const schema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    version: z.string().trim().min(1).max(100).optional(),
    roles: z.array(roleSchema).min(1, 'A role set needs at least one role'),
    restrictions: z
      .record(
        z.string().min(1).max(64),
        z.strictObject({
          description: z.string().trim().min(1).max(500),
          denies: z.array(z.enum(rosterActions)).min(1),
        }),
      )
      .optional(),
    planGates: z.record(z.string(), z.array(z.string().trim().min(1).max(100)).min(1)).optional(),
  })
  .superRefine((definition, ctx) => {
    definition.roles.forEach((role, index) => {
      if (role.rules === undefined || typeof role.rules === 'function') return;
      const rules = z.array(roleRuleSchema).safeParse(role.rules);
      for (const issue of rules.success ? [] : rules.error.issues) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', index, 'rules', ...issue.path],
          message: issue.message,
        });
      }
    });
    for (const action of Object.keys(definition.planGates ?? {})) {
      if (!(rosterActions as readonly string[]).includes(action)) {
        ctx.addIssue({
          code: 'custom',
          path: ['planGates', action],
          message: `Unknown action "${action}"; plan gates name actions of rosterActions`,
        });
      }
    }
    definition.roles.forEach((role, index) => {
      (role.restrictions ?? []).forEach((name, at) => {
        if (definition.restrictions?.[name] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', index, 'restrictions', at],
            message: `Unknown restriction "${name}"; a role's restrictions are the set's`,
          });
        }
      });
    });
    const seen = new Map<string, number>();
    definition.roles.forEach((role, index) => {
      const first = seen.get(role.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['roles', index, 'name'],
          message: `Duplicate role name "${role.name}" (already used by roles[${first}])`,
        });
      } else seen.set(role.name, index);
    });
    const owners = definition.roles.flatMap((role, index) => (role.owner ? [index] : []));
    if (owners.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles'],
        message: 'Exactly one role must be the owner role (`owner: true`); none is',
      });
    }
    for (const index of owners.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles', index, 'owner'],
        message: `Only one role can be the owner role; roles[${owners[0]}] already is`,
      });
    }
    const ownerIndex = owners[0];
    if (ownerIndex !== undefined) {
      const owner = definition.roles[ownerIndex];
      if (owner !== undefined) {
        const rival = definition.roles.findIndex(
          (role, index) => index !== ownerIndex && role.rank >= owner.rank,
        );
        if (rival !== -1) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', ownerIndex, 'rank'],
            message: `The owner role must rank above every other role; roles[${rival}] ranks as high`,
          });
        }
        if (owner.scope === 'space') {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', ownerIndex, 'scope'],
            message: 'The owner role acts across the organization; it cannot be space-scoped',
          });
        }
      }
    }
    if (!definition.roles.some((role) => role.permissions.includes('manageUsers'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles'],
        message:
          'At least one role must hold the `manageUsers` permission, or nobody could manage users',
      });
    }
  });

/** @internal */
export const RoleSetDefinitionModel = defineModel('role set', schema);
