import { updateSheet, writeXlsx } from '@rosterkit/spreadsheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './support/json.js';
import { addPerson, startApi, type TestApi } from './support/server.js';

// Bulk import and update from a multipart upload, as a browser form sends
// it: the file's cell errors and core's per-row refusals come back in one
// report, and the good rows are applied.

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = api.signIn(api.ownerId);
});
afterAll(() => api.close());

function upload(path: string, file: Blob, name: string, token = admin): Promise<Response> {
  const form = new FormData();
  form.append('file', file, name);
  return api.call(path, { method: 'POST', token, body: form });
}

const csv = [
  'Email*,First name,Last name,Role*',
  'eve@acme.io,Eve,Ames,agent',
  'not-an-email,Bad,Row,agent',
  'fay@acme.io,Fay,Bell,emperor',
  'gus@acme.io,Gus,Cole,',
].join('\n');

async function total(search: string): Promise<number> {
  return ((await (await api.call(`/accounts?search=${search}`, { token: admin })).json()) as Json)
    .total;
}

describe('multipart bulk import', () => {
  it('a dry run reports every line and writes nothing', async () => {
    const response = await upload(
      '/bulk/import?dryRun=true',
      new Blob([csv], { type: 'text/csv' }),
      'people.csv',
    );
    expect(response.status).toBe(200);
    const report = (await response.json()) as Json;
    expect(report.dryRun).toBe(true);
    expect(report.lines.map((line: Json) => [line.row, line.status])).toEqual([
      [2, 'created'],
      [3, 'failed'],
      [4, 'failed'],
      [5, 'failed'],
    ]);
    expect(await total('eve')).toBe(0);
  });

  it('imports the good rows and reports the bad ones by line, with their column and code', async () => {
    const response = await upload(
      '/bulk/import',
      new Blob([csv], { type: 'text/csv' }),
      'people.csv',
    );
    const report = (await response.json()) as Json;
    expect(report.counts).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 3 });
    const failed = Object.fromEntries(
      report.lines
        .filter((line: Json) => line.status === 'failed')
        .map((line: Json) => [
          line.row,
          line.errors.map((error: Json) => [error.column, error.code]),
        ]),
    );
    // Row 3's email is refused by core (its Email model), row 5's empty role by the sheet.
    expect(failed[3]).toEqual([['Email*', 'INVALID_INPUT']]);
    expect(failed[4][0][0]).toBe('Role*');
    expect(failed[5]).toEqual([['Role*', 'REQUIRED']]);
    expect(await total('eve')).toBe(1);
    expect(await total('fay')).toBe(0);
  });

  it('updates from an .xlsx file', async () => {
    await addPerson(api, 'hal@acme.io', 'agent');
    const roles = {
      ownerRole: { name: 'administrator' },
      roles: [{ name: 'agent' }, { name: 'manager' }],
    };
    const bytes = await writeXlsx(updateSheet(), {
      roles,
      rows: [
        { email: 'hal@acme.io', role: 'manager' },
        { email: 'nobody@acme.io', role: 'manager' },
      ],
    });
    const response = await upload('/bulk/update', new Blob([bytes]), 'team.xlsx');
    expect(response.status).toBe(200);
    const report = (await response.json()) as Json;
    expect(report.lines.map((line: Json) => line.status)).toEqual(['updated', 'failed']);
    expect(report.lines[1].errors[0].code).toBe('NOT_FOUND');
  });

  it('refuses a file of another kind, a form without a file, and a broken form', async () => {
    const pdf = await upload('/bulk/import', new Blob(['%PDF']), 'people.pdf');
    expect([pdf.status, ((await pdf.json()) as Json).details.issues[0].path]).toEqual([
      400,
      ['file'],
    ]);
    const form = new FormData();
    form.append('notes', 'hello');
    const empty = await api.call('/bulk/import', { method: 'POST', token: admin, body: form });
    expect([empty.status, ((await empty.json()) as Json).code]).toEqual([400, 'INVALID_INPUT']);
    const broken = await api.call('/bulk/import', {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: 'not a form at all',
    });
    expect([broken.status, ((await broken.json()) as Json).code]).toEqual([400, 'MALFORMED_BODY']);
  });

  it('is 415 on a server without an upload reader, and 413 over maxUploadBytes', async () => {
    const plain = await startApi({ withoutUploads: true });
    const small = await startApi({ maxUploadBytes: 200 });
    try {
      const form = new FormData();
      form.append('file', new Blob([csv]), 'people.csv');
      const refused = await plain.call('/bulk/import', {
        method: 'POST',
        token: plain.signIn(plain.ownerId),
        body: form,
      });
      expect([refused.status, ((await refused.json()) as Json).code]).toEqual([
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ]);
      const big = new FormData();
      big.append('file', new Blob([csv.repeat(10)]), 'people.csv');
      const tooBig = await small.call('/bulk/import', {
        method: 'POST',
        token: small.signIn(small.ownerId),
        body: big,
      });
      expect([tooBig.status, ((await tooBig.json()) as Json).code]).toEqual([
        413,
        'PAYLOAD_TOO_LARGE',
      ]);
    } finally {
      await plain.close();
      await small.close();
    }
  });
});
