import {
  runMicrosoftScimCollection,
  runOktaSpecTest,
  runscopeFailures,
} from '@rosterkit/scim-oracles';
import { it } from 'vitest';
import { startScimService } from './support/scim-service.js';

it('probe', async () => {
  const service = await startScimService();
  const report = await runMicrosoftScimCollection({
    baseUrl: service.baseUrl,
    token: service.token,
  });
  console.log(
    JSON.stringify(
      report.failures.map((f) => [f.folder, f.request, f.assertion, f.message]),
    ).replaceAll('],[', '],\n['),
  );
  await service.call('/Users', { method: 'POST', json: { userName: 'first@acme.io' } });
  const r = await runOktaSpecTest({ baseUrl: service.baseUrl, token: service.token });
  console.log(JSON.stringify(runscopeFailures(r), null, 1));
  await service.close();
}, 120000);
