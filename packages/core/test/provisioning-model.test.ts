import { describe, expect, it } from 'vitest';
import { JsonObject, ProvisioningConnection, ProvisioningLink } from '../src/index.js';

const connection = {
  id: 'prc_1',
  orgId: 'org_1',
  name: ' Okta ',
  spaceId: 'spc_1',
  defaultRole: 'agent',
  onCreate: 'invite',
  groupRoles: { grp_1: 'manager' },
  status: 'active',
  tokenHash: 'a'.repeat(64),
  tokenHint: 'x9Z_',
  version: 1,
  createdAt: '2026-12-04T10:00:00.000Z',
  updatedAt: new Date('2026-12-04T10:00:00.000Z'),
  lastUsedAt: null,
};

const link = {
  id: '6f1c2a4e-0000-4000-8000-000000000001',
  orgId: 'org_1',
  connectionId: 'prc_1',
  resourceType: 'User',
  targetId: 'acc_1',
  userName: 'Ana@Acme.io',
  externalId: null,
  attributes: { emails: [{ value: 'ana@acme.io', primary: true }], nickName: null },
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('provisioning models', () => {
  it('parse a connection (name trimmed, ISO dates revived) and a link as given', () => {
    const parsed = ProvisioningConnection.parse(connection);
    expect(parsed.name).toBe('Okta');
    expect(parsed.createdAt).toEqual(new Date('2026-12-04T10:00:00.000Z'));
    expect(ProvisioningLink.parse(link)).toEqual(link);
  });

  it('refuse a bad token hash, status, onCreate, an empty userName, a non-object attributes', () => {
    for (const [field, value] of [
      ['tokenHash', 'A'.repeat(64)],
      ['tokenHash', 'a'.repeat(63)],
      ['status', 'paused'],
      ['onCreate', 'ignore'],
      ['name', '   '],
      ['tokenHint', 'toolong'],
    ] as const) {
      const result = ProvisioningConnection.safeParse({ ...connection, [field]: value });
      expect(result.success, field).toBe(false);
    }
    for (const [field, value] of [
      ['userName', ''],
      ['resourceType', 'Device'],
      ['attributes', []],
      ['attributes', null],
      ['externalId', ' padded '],
    ] as const) {
      expect(ProvisioningLink.safeParse({ ...link, [field]: value }).success, field).toBe(false);
    }
    expect(JsonObject.safeParse(JSON.parse('{"__proto__": 1}')).success).toBe(false);
    expect(JsonObject.safeParse({ a: [1, { b: null }] }).success).toBe(true);
  });
});
