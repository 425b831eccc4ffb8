import { afterEach, describe, expect, it } from 'vitest';
import {
  asPostmanCollection,
  loadMicrosoftScimCollection,
  microsoftCollectionVariables,
  type PostmanExecution,
  type PostmanFailure,
  readScimOracle,
  runMicrosoftScimCollection,
  scimOracleFiles,
} from '../src/index.js';
import { type FakeScimServer, startFakeScimServer } from './fixtures/fake-scim-server.js';

const token = 'runner-self-test-token';
const servers: FakeScimServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function fake() {
  const server = await startFakeScimServer({ token });
  servers.push(server);
  return server;
}

const line = (e: PostmanExecution) =>
  `${e.folder ?? '(root)'} / ${e.request} → ${e.status ?? e.requestError}`;

interface RawItem {
  name: string;
  item?: RawItem[];
}

/** Every request of the raw collection, with its folder path, in file order. */
function requestsOf(
  items: RawItem[],
  folder: string | null = null,
): Array<[string | null, string]> {
  return items.flatMap((item) =>
    item.item === undefined
      ? [[folder, item.name] as [string | null, string]]
      : requestsOf(item.item, folder === null ? item.name : `${folder} / ${item.name}`),
  );
}

describe("Microsoft's SCIM collection through newman (runner self-test)", () => {
  it('reports each request and exactly the assertions the server fails, in three folders', async () => {
    const server = await fake();
    const report = await runMicrosoftScimCollection({
      baseUrl: server.baseUrl,
      token,
      items: ['Endpoint tests', 'User tests', 'ComplexAttribute tests'],
    });

    // The fake serves /ServiceProviderConfig, the standard route, and not the
    // reference server's /serviceConfiguration, so exactly these two fail.
    expect(report.failures).toEqual<PostmanFailure[]>([
      {
        folder: 'Endpoint tests',
        request: 'Get ServiceProviderConfig',
        assertion: 'Status code is 200',
        message: 'expected response to have status code 200 but got 404',
      },
      {
        folder: 'Endpoint tests',
        request: 'Get ServiceProviderConfig',
        assertion: 'Pach supported is true',
        message: "Cannot read properties of undefined (reading 'supported')",
      },
    ]);
    expect(report.passed).toBe(false);
    expect(report.items).toEqual(['Endpoint tests', 'User tests', 'ComplexAttribute tests']);
    expect(report.executions.map(line)).toEqual([
      'Endpoint tests / Get empty Users → 200',
      'Endpoint tests / Get empty Groups → 200',
      'Endpoint tests / Get ResourceTypes → 200',
      'Endpoint tests / Get ServiceProviderConfig → 404',
      'Endpoint tests / Get Schemas → 200',
      'User tests / Post User → 201',
      'User tests / Post EnterpriseUser → 201',
      'User tests / Get user1 → 200',
      'User tests / Get user2 → 200',
      'User tests / Get User Attributes → 200',
      'User tests / Get User Filters → 200',
      'User tests / patch user1 → 200',
      'User tests / Get User1 Check Patch → 200',
      'User tests / User 2 replace test → 200',
      'User tests / Get user2 Check replace → 200',
      'User tests / Delete user1 → 204',
      'User tests / Delete user2 → 204',
      'ComplexAttribute tests / create user1 → 201',
      'ComplexAttribute tests / create user2 → 201',
      'ComplexAttribute tests / Get user attributes → 200',
      'ComplexAttribute tests / Get user via attributes filter → 200',
      'ComplexAttribute tests / Delete User1 → 204',
      'ComplexAttribute tests / Delete User2 → 204',
    ]);
    expect(report.executions[12]?.assertions).toEqual([
      { name: 'Status code is 200', passed: true, skipped: false },
      { name: 'Id matches', passed: true, skipped: false },
      { name: 'Username is changed', passed: true, skipped: false },
    ]);
    expect(report.executions[3]?.assertions.map((a) => [a.name, a.passed])).toEqual([
      ['Status code is 200', false],
      ['Pach supported is true', false],
    ]);

    // The variables made the URLs; the collection's structured URL (not its
    // raw text) decides the path, which is `users` in lower case once.
    expect(report.variables).toEqual({
      Protocol: 'http',
      Server: '127.0.0.1',
      Port: `:${new URL(server.baseUrl).port}`,
      Api: 'scim/v2',
      token,
    });
    expect(server.requests[0]?.target).toBe('/scim/v2/users');
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
    // pm.environment.set in the tests carried the created user's id onward.
    expect(server.requests[7]?.target).toBe('/scim/v2/Users/user-1');
  });

  it('runs every folder but "Get Token", then the requests at the root, and reports each failure once', async () => {
    const server = await fake();
    const report = await runMicrosoftScimCollection({ baseUrl: server.baseUrl, token });

    const raw = readScimOracle(scimOracleFiles.microsoft) as { item: RawItem[] };
    expect(report.items).toEqual(
      raw.item.map((item) => item.name).filter((name) => name !== 'Get Token'),
    );
    expect(report.executions.map((e) => [e.folder, e.request])).toEqual(
      requestsOf(raw.item).filter(([folder]) => folder !== 'Get Token'),
    );
    expect(report.executions).toHaveLength(78);
    expect(server.requests.some((r) => /\/token$/i.test(r.target))).toBe(false);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);

    // newman's failure list and its executions' assertions are two records
    // of the same run: the report's failures agree with the failed assertions.
    const failedAssertions = report.executions.flatMap((e) =>
      e.assertions
        .filter((a) => !a.passed)
        .map((a) => ({
          folder: e.folder,
          request: e.request,
          assertion: a.name,
          message: a.message,
        })),
    );
    expect(report.failures).toEqual(failedAssertions);
    // The fake has no group routes and answers 404, so each group folder fails;
    // the root requests check that the teardowns left no user and no group,
    // and against the fake they did not.
    expect(report.failures).toContainEqual({
      folder: 'Group tests',
      request: 'Create empty group',
      assertion: 'Status code is 201',
      message: 'expected response to have status code 201 but got 404',
    });
    expect(
      report.executions
        .filter((e) => e.folder === null)
        .map((e) => [e.request, e.assertions.map((a) => a.passed)]),
    ).toEqual([
      ['Get all users', [true, true]],
      ['Get all groups', [true, true]],
    ]);
  });

  it('reports a request that got no response as its own failure, then what its tests made of it', async () => {
    const server = await fake();
    const { baseUrl } = server;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const report = await runMicrosoftScimCollection({ baseUrl, token, items: ['Endpoint tests'] });
    const refused = `connect ECONNREFUSED 127.0.0.1:${new URL(baseUrl).port}`;
    const noResponse = "expected PostmanResponse{ …(5) } to have property 'code'";
    const at = (request: string, assertion: string, message: string) => ({
      folder: 'Endpoint tests',
      request,
      assertion,
      message,
    });
    expect(report.failures).toEqual([
      at('Get empty Users', '[request]', refused),
      at('Get empty Users', 'Status code is 200', noResponse),
      at('Get empty Groups', '[request]', refused),
      at('Get empty Groups', 'Status code is 200', noResponse),
      at('Get ResourceTypes', '[request]', refused),
      at('Get ResourceTypes', 'Status code is 200', noResponse),
      at('Get ResourceTypes', 'User endpoint exists', '"undefined" is not valid JSON'),
      at('Get ServiceProviderConfig', '[request]', refused),
      at('Get ServiceProviderConfig', 'Status code is 200', noResponse),
      at('Get ServiceProviderConfig', 'Pach supported is true', '"undefined" is not valid JSON'),
      at('Get Schemas', '[request]', refused),
      at('Get Schemas', 'Status code is 200', noResponse),
      at(
        'Get Schemas',
        'Body contians User Account',
        expect.stringContaining('(undefined and string) is invalid'),
      ),
    ]);
    expect(
      report.executions.every((e) => e.status === undefined && e.requestError === refused),
    ).toBe(true);
  });

  it('refuses an item the collection does not have', async () => {
    await expect(
      runMicrosoftScimCollection({
        baseUrl: 'http://127.0.0.1:9/scim/v2',
        token,
        items: ['User test'],
      }),
    ).rejects.toThrow(
      /SCIM Tests has no top-level item "User test" \(it has "Get Token", "Endpoint tests"/,
    );
  });
});

describe('microsoftCollectionVariables', () => {
  it('splits the base URL the way the collection joins it', () => {
    expect(
      microsoftCollectionVariables({ baseUrl: 'http://127.0.0.1:3000/scim/v2', token: 't' }),
    ).toEqual({
      Protocol: 'http',
      Server: '127.0.0.1',
      Port: ':3000',
      Api: 'scim/v2',
      token: 't',
    });
    expect(
      microsoftCollectionVariables({ baseUrl: 'https://example.com/scim/', token: 't' }),
    ).toMatchObject({
      Protocol: 'https',
      Port: '',
      Api: 'scim',
    });
  });

  it('rejects a base URL the collection cannot use', () => {
    expect(() =>
      microsoftCollectionVariables({ baseUrl: 'http://127.0.0.1:3000/', token: 't' }),
    ).toThrow(/needs a path/);
    expect(() =>
      microsoftCollectionVariables({ baseUrl: 'http://u:p@x/scim', token: 't' }),
    ).toThrow(/credentials/);
    expect(() => microsoftCollectionVariables({ baseUrl: 'file:///scim', token: 't' })).toThrow(
      /http/,
    );
  });
});

describe('asPostmanCollection', () => {
  it('reads the collection and rejects what it cannot select from', () => {
    expect(loadMicrosoftScimCollection().info.name).toBe('SCIM Tests');
    expect(() => asPostmanCollection({ info: { name: 'x' } })).toThrow(/not a Postman collection/);
    expect(() =>
      asPostmanCollection({ info: { name: 'x' }, item: [{ name: 'a' }, { name: 'a' }] }),
    ).toThrow('the collection repeats top-level item names: a');
  });
});
