// The preamble of `<!-- snippet fragment=upload -->` blocks: the team of the
// `team` preamble, and an import file an admin has just uploaded.
import { importSheet, writeXlsx } from '@rosterkit/spreadsheets';
import { requiredProfileFields, roles } from './team.js';

export * from './team.js';

/** The uploaded file's bytes: an import sheet with two people, one of them with a bad email. */
export const upload: Uint8Array = await writeXlsx(
  importSheet({ profileFields: requiredProfileFields }),
  {
    roles,
    rows: [
      {
        email: 'cy@acme.io',
        firstName: 'Cy',
        lastName: 'Park',
        role: 'agent',
        profile: { phone: '+44 1' },
      },
      {
        email: 'di@acme',
        firstName: 'Di',
        lastName: 'Ray',
        role: 'manager',
        profile: { phone: '+44 2' },
      },
    ],
  },
);
/** The request's `?dryRun=1`. */
export const dryRun: boolean = true;
