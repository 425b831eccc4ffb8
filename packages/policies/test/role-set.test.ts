import { RosterError } from '@rosterkit/core';
import { describe, expect, it } from 'vitest';
import { defineRoleSet, presets, type RoleSetDefinition } from '../src/index.js';

const valid: RoleSetDefinition = {
  name: 'help-desk',
  roles: [
    { name: 'owner', rank: 100, owner: true, permissions: ['manageUsers', 'deleteOrganization'] },
    { name: 'lead', rank: 50, scope: 'space', permissions: ['manageUsers'] },
    { name: 'agent', rank: 10, permissions: [] },
  ],
};

function issuesOf(definition: unknown): { path: readonly (string | number)[]; message: string }[] {
  try {
    defineRoleSet(definition as RoleSetDefinition);
  } catch (error) {
    if (RosterError.isInstance(error, 'INVALID_INPUT')) return [...error.details.issues];
    throw error;
  }
  throw new Error('expected defineRoleSet to throw');
}

describe('defineRoleSet', () => {
  it('fills in defaults and sorts roles by rank', () => {
    const roles = defineRoleSet({ ...valid, roles: [...valid.roles].reverse() });
    expect(roles.roles.map((role) => role.name)).toEqual(['owner', 'lead', 'agent']);
    expect(roles.ownerRole.name).toBe('owner');
    expect(roles.role('agent')).toMatchObject({
      label: 'agent',
      scope: 'organization',
      owner: false,
    });
    expect(roles.role('agent')?.profileFields.own).toEqual(['firstName', 'lastName', 'profile.*']);
    expect(roles.hasPermission('lead', 'manageUsers')).toBe(true);
    expect(roles.hasPermission('agent', 'manageUsers')).toBe(false);
    expect(roles.hasPermission('ghost', 'manageUsers')).toBe(false);
    expect(Object.isFrozen(roles)).toBe(true);
  });

  it('derives a stable version from the definition, and keeps an explicit one', () => {
    expect(defineRoleSet(valid).version).toBe(defineRoleSet(valid).version);
    const renamed = {
      ...valid,
      roles: valid.roles.map((r) => (r.name === 'agent' ? { ...r, rank: 11 } : r)),
    };
    expect(defineRoleSet(renamed).version).not.toBe(defineRoleSet(valid).version);
    expect(defineRoleSet({ ...valid, version: 'v7' }).version).toBe('v7');
  });

  it('refuses an unknown permission, with its path', () => {
    const bad = { ...valid, roles: [valid.roles[0], { name: 'x', rank: 1, permissions: ['fly'] }] };
    expect(issuesOf(bad)).toEqual([
      expect.objectContaining({ path: ['roles', 1, 'permissions', 0] }),
    ]);
  });

  it('refuses a duplicate name', () => {
    const bad = { ...valid, roles: [...valid.roles, { name: 'lead', rank: 40, permissions: [] }] };
    expect(issuesOf(bad)).toEqual([
      {
        path: ['roles', 3, 'name'],
        message: 'Duplicate role name "lead" (already used by roles[1])',
      },
    ]);
  });

  it('shares the owner role only when the role set says so, and only the owner role', () => {
    expect(defineRoleSet(valid).ownerRole.shared).toBe(false);
    const shared = defineRoleSet({
      ...valid,
      roles: valid.roles.map((role) => ({ ...role, shared: true })),
    });
    expect(shared.ownerRole.shared).toBe(true);
    expect(shared.role('lead')?.shared).toBe(false);
    expect(presets.contactCenter.ownerRole.shared).toBe(true);
    expect(presets.multiSite.ownerRole.shared).toBe(true);
    expect(presets.teamWorkspace.ownerRole.shared).toBe(false);
    expect(presets.spaces.ownerRole.shared).toBe(false);
  });

  it('refuses two owner roles, and none', () => {
    const two = {
      ...valid,
      roles: [...valid.roles, { name: 'co', rank: 99, owner: true, permissions: [] }],
    };
    expect(issuesOf(two)).toContainEqual(
      expect.objectContaining({
        path: ['roles', 3, 'owner'],
        message: expect.stringMatching(/Only one role/),
      }),
    );
    const none = { ...valid, roles: valid.roles.map(({ owner: _owner, ...role }) => role) };
    expect(issuesOf(none)).toEqual([
      expect.objectContaining({ path: ['roles'], message: expect.stringMatching(/owner role/) }),
    ]);
  });

  it('refuses an owner role that does not rank above every other, or is space-scoped', () => {
    const tie = {
      ...valid,
      roles: valid.roles.map((r) => (r.name === 'lead' ? { ...r, rank: 100 } : r)),
    };
    expect(issuesOf(tie)).toEqual([expect.objectContaining({ path: ['roles', 0, 'rank'] })]);
    const scoped = {
      ...valid,
      roles: valid.roles.map((r) => (r.owner ? { ...r, scope: 'space' } : r)),
    };
    expect(issuesOf(scoped)).toEqual([expect.objectContaining({ path: ['roles', 0, 'scope'] })]);
  });

  it('refuses a role set where nobody can manage users', () => {
    const bad = { ...valid, roles: valid.roles.map((r) => ({ ...r, permissions: [] })) };
    expect(issuesOf(bad)).toEqual([
      expect.objectContaining({ path: ['roles'], message: expect.stringMatching(/manageUsers/) }),
    ]);
  });

  it('refuses malformed rules: unknown action, $or, ordered comparison on a boolean', () => {
    const withRules = (rules: unknown) => ({
      ...valid,
      roles: [valid.roles[0], valid.roles[1], { name: 'agent', rank: 10, permissions: [], rules }],
    });
    expect(issuesOf(withRules([{ action: 'fly', subject: 'Account' }]))[0]?.path).toEqual([
      'roles',
      2,
      'rules',
      0,
      'action',
    ]);
    expect(
      issuesOf(
        withRules([{ action: 'read', subject: 'Account', conditions: { $or: [{ a: 1 }] } }]),
      )[0]?.path,
    ).toEqual(['roles', 2, 'rules', 0, 'conditions', '$or']);
    expect(
      issuesOf(
        withRules([{ action: 'read', subject: 'Account', conditions: { a: { $lt: true } } }]),
      )[0]?.path,
    ).toEqual(['roles', 2, 'rules', 0, 'conditions', 'a']);
  });

  it('refuses a plan gate on an unknown action and a restriction denying nothing', () => {
    expect(issuesOf({ ...valid, planGates: { fly: ['pro'] } })[0]?.path).toEqual([
      'planGates',
      'fly',
    ]);
    expect(
      issuesOf({ ...valid, restrictions: { quiet: { description: 'x', denies: [] } } })[0]?.path,
    ).toEqual(['restrictions', 'quiet', 'denies']);
  });

  it('builds every preset (they are validated like any host role set)', () => {
    for (const preset of Object.values(presets)) {
      expect(preset.roles.filter((role) => role.owner)).toHaveLength(1);
      expect(preset.roles.some((role) => role.permissions.includes('manageUsers'))).toBe(true);
    }
  });
});
