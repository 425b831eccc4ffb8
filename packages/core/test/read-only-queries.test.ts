import { describe, expect, it } from 'vitest';
import {
  createRoster,
  matchAll,
  type Policy,
  type RoleCatalog,
  type Store,
  type TransactionOptions,
} from '../src/index.js';

// Queries write nothing, so they tell the store it may read them from a
// snapshot (`readOnly`); every command keeps the commands' isolation. A store
// that records what it is asked, and refuses to run the work, shows it.
const roles: RoleCatalog = { ownerRole: { name: 'owner' }, roles: [{ name: 'owner' }] };
const policy: Policy = { roles, check: () => ({ allowed: true }), readFilter: () => matchAll };

function recordingStore() {
  const asked: (TransactionOptions | undefined)[] = [];
  const store: Store = {
    transaction: (_work, options) => {
      asked.push(options);
      return Promise.reject(new Error('recorded'));
    },
  };
  return { store, asked };
}

describe('read-only transactions', () => {
  it('queries ask for readOnly, commands do not', async () => {
    const { store, asked } = recordingStore();
    const admin = createRoster({ store, policy }).as({ accountId: 'acc_1', orgId: 'org_1' });
    const queries = [
      () => admin.listMembers(),
      () => admin.listAccounts({ search: 'ana' }),
      () => admin.getAccount({ accountId: 'acc_2' }),
      () => admin.listInvitations(),
      () => admin.getOrganization(),
      () => admin.listSpaces(),
      () => admin.listGroups(),
      () => admin.listRoles(),
      () => admin.presence({ accountIds: ['acc_2'] }),
      () => admin.history({ accountId: 'acc_2' }),
      () => admin.can('invite'),
      () => admin.permissions(),
    ];
    for (const query of queries) await expect(query()).rejects.toThrow('recorded');
    expect(asked).toEqual(queries.map(() => ({ readOnly: true })));
    asked.length = 0;
    const commands = [
      () => admin.invite({ email: 'bo@acme.io', role: 'owner' }),
      () => admin.recordActivity(),
      () => admin.renameOrganization({ name: 'Acme' }),
    ];
    for (const command of commands) await expect(command()).rejects.toThrow('recorded');
    expect(asked).toEqual(commands.map(() => undefined));
  });
});
