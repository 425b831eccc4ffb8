// rosterkit quickstart: the reference products' use cases, run through the
// real commands on the embedded memory store with the contact-centre roles
// (administrator / manager / agent). Every decision is rosterkit's; this file
// only calls the commands and prints what happens.
import { memoryStore } from '@rosterkit/adapter-memory';
import { type Account, type ActorApi, createRoster, RosterError } from '@rosterkit/core';
import { createPolicy, presets } from '@rosterkit/policies';
import { importSheet, mergeReports, parseCsv, type SheetReport } from '@rosterkit/spreadsheets';

const roles = presets.contactCenter;
const roster = createRoster({
  store: memoryStore(),
  policy: createPolicy(roles),
  resourceHandlers: [
    {
      name: 'tickets',
      async onDeparture({ accountId, reason, reassignTo }) {
        console.log(
          `    (host hook) ${reason}: tickets of ${names.get(accountId)} → ${reassignTo ? names.get(reassignTo) : 'unassigned'}`,
        );
      },
    },
  ],
});

const names = new Map<string, string>();
const step = (title: string) => console.log(`\n— ${title}`);
const say = (line: string) => console.log(`  ${line}`);

/** Runs a command and prints its refusal instead of throwing. */
async function attempt(label: string, command: () => Promise<unknown>): Promise<void> {
  try {
    await command();
    say(`${label}: done`);
  } catch (error) {
    if (!RosterError.isInstance(error)) throw error;
    say(`${label}: refused, ${error.code}: ${error.message}`);
  }
}

async function lists(api: ActorApi): Promise<void> {
  const all = await api.listAccounts({ limit: 50 });
  const team = await api.listMembers({ limit: 50 });
  const show = (items: typeof all.items) =>
    items.map(({ account }) => `${account.firstName} (${account.status})`).join(', ') || 'nobody';
  say(`All Users (${all.total}): ${show(all.items)}`);
  say(`The team (${team.total}): ${show(team.items)}`);
}

step('Ana creates the organization; she is its owner, an administrator.');
const { organization, owner } = await roster.createOrganization({
  name: 'Acme Support',
  owner: { email: 'ana@acme.io', firstName: 'Ana', lastName: 'Ng' },
});
names.set(owner.id, 'Ana');
const ana = roster.as({ accountId: owner.id, orgId: organization.id });

step(
  'Ana invites Bo (administrator), Cy (manager, a team leader), Di and Ed (agents reporting to Cy).',
);
async function hire(
  email: string,
  role: string,
  firstName: string,
  managerId: string | null = null,
): Promise<Account> {
  const { token, invitation } = await ana.invite({ email, role, managerId });
  say(
    `${firstName}: invited as ${role}, link token shown once (${token.slice(0, 6)}…), expires ${invitation.expiresAt.toISOString().slice(0, 10)}`,
  );
  const { account } = await roster.acceptInvitation({ token, firstName, lastName: 'Doe' });
  names.set(account.id, firstName);
  return account;
}
const bo = await hire('bo@acme.io', 'administrator', 'Bo');
const cy = await hire('cy@acme.io', 'manager', 'Cy');
const di = await hire('di@acme.io', 'agent', 'Di', cy.id);
const ed = await hire('ed@acme.io', 'agent', 'Ed', cy.id);
const billing = await ana.createGroup({ name: 'Billing', kind: 'queue' });
await ana.assignGroups({ accountId: di.id, groupIds: [billing.id] });
await ana.assignGroups({ accountId: ed.id, groupIds: [billing.id] });
say('Di and Ed answer the Billing queue.');
await lists(ana);

step('An employee resigns: Ed is removed from the team; his account stays on All Users.');
await ana.removeFromTeam({ accountId: ed.id });
await lists(ana);

step('Ed rejoins: added back to the team, same account; his history shows both periods.');
await ana.addToTeam({ accountId: ed.id, role: 'agent', managerId: cy.id });
const edHistory = await ana.history({ accountId: ed.id });
say(
  `Ed's periods: ${edHistory.memberships[0]?.periods.map((p) => (p.endedAt ? 'ended' : 'current')).join(', ')}`,
);
say(`Ed's events: ${edHistory.events.map((e) => e.action).join(' ← ')}`);
say(
  `Inviting ed@acme.io again instead: ${await ana
    .invite({ email: 'ed@acme.io', role: 'agent' })
    .then(() => 'created a duplicate!')
    .catch((error: RosterError) => `refused, ${error.code}`)}`,
);
// ACCOUNT_EXISTS says where the account stands, so a UI offers the right button.
await ana.removeFromTeam({ accountId: ed.id });
await ana
  .invite({ email: 'ed@acme.io', role: 'agent' })
  .catch(async (error: RosterError<'ACCOUNT_EXISTS'>) => {
    say(
      `Inviting Ed once he left: ${error.code}, state ${error.details.state}: offer "Add to team"`,
    );
    await ana.addToTeam({ accountId: error.details.accountId, role: 'agent', managerId: cy.id });
  });

step('Temporary staff: Fay joins for the season, is removed, and re-added the next.');
const fay = await hire('fay@acme.io', 'agent', 'Fay');
await ana.removeFromTeam({ accountId: fay.id });
await ana.addToTeam({ accountId: fay.id, role: 'agent' });
say(
  `Fay's periods: ${(await ana.getAccount({ accountId: fay.id })).memberships[0]?.periods.length}`,
);

step(
  'A team leader leaves: Cy still has direct reports, so first refused; then deactivated with them reassigned to Bo.',
);
await attempt('deactivate Cy', () => ana.deactivate({ accountId: cy.id }));
await attempt('deactivate Cy, reports to Bo', () =>
  ana.deactivate({ accountId: cy.id, reassignReports: { to: bo.id }, reassignResourcesTo: bo.id }),
);
for (const person of [di, ed]) {
  const { memberships } = await ana.getAccount({ accountId: person.id });
  say(
    `${names.get(person.id)} now reports to ${names.get(memberships[0]?.managerId ?? '') ?? 'nobody'}`,
  );
}

step('An agent leaves: Di is deactivated (out of every queue, history kept), then reactivated.');
await ana.deactivate({ accountId: di.id });
let diNow = await ana.getAccount({ accountId: di.id });
say(
  `Di: ${diNow.account.status}, queues: ${diNow.memberships[0]?.groupIds.length ?? 0}, still a member: ${diNow.memberships[0]?.state === 'member'}`,
);
await ana.reactivate({ accountId: di.id });
diNow = await ana.getAccount({ accountId: di.id });
say(
  `Di: ${diNow.account.status} with the same account; queues: ${diNow.memberships[0]?.groupIds.length ?? 0} (an admin re-assigns them)`,
);
await lists(ana);

step('Bo, an administrator, tries to change his own role; then renames himself.');
const boApi = roster.as({ accountId: bo.id, orgId: organization.id });
await attempt('Bo changes his own role', () =>
  boApi.changeRole({ accountId: bo.id, role: 'agent' }),
);
await attempt('Bo edits his own name', () =>
  boApi.updateProfile({ accountId: bo.id, firstName: 'Bob' }),
);
await attempt('Di (an agent) deactivates Ed', () =>
  roster.as({ accountId: di.id, orgId: organization.id }).deactivate({ accountId: ed.id }),
);

step('The owner tries to delete her own account.');
await attempt('Ana deletes her account', () => ana.deleteOwnAccount());

step('What the host must deliver (the outbox), drained at least once.');
const topics = new Map<string, number>();
const drained = await roster.drainOutbox(async (message) => {
  topics.set(message.topic, (topics.get(message.topic) ?? 0) + 1);
});
say(
  `${drained.delivered} messages: ${[...topics].map(([topic, n]) => `${topic} ×${n}`).join(', ')}`,
);

step(
  'Staff import (reference 003): a site admin of a multi-site company uploads a spreadsheet of new staff; a dry run first.',
);
// Another company, with the multi-site roles (super admin / site admin / staff).
const siteRoles = presets.multiSite;
const sites = createRoster({
  store: memoryStore(),
  policy: createPolicy(siteRoles),
});
const northwind = await sites.createOrganization({
  name: 'Northwind Care',
  defaultSpaceName: 'Head office',
  owner: { email: 'gus@northwind.io', firstName: 'Gus', lastName: 'Hale' },
});
const gus = sites.as({ accountId: northwind.owner.id, orgId: northwind.organization.id });
const leeds = await gus.createSpace({ name: 'Leeds' });
await gus.createGroup({ name: 'Reception', spaceId: leeds.id });
const hanaInvite = await gus.invite({
  email: 'hana@northwind.io',
  role: 'site-admin',
  spaceId: leeds.id,
});
const { account: hanaAccount } = await sites.acceptInvitation({
  token: hanaInvite.token,
  firstName: 'Hana',
  lastName: 'Ito',
});
const hana = sites.as({ accountId: hanaAccount.id, orgId: northwind.organization.id });
say('Hana, site admin of Leeds, fills in the import template and uploads it:');
const upload = [
  'Email*,First name,Last name,Role*,Home site / Space,Groups,Manager email',
  'ivy@northwind.io,Ivy,Park,staff,Leeds,Reception,hana@northwind.io',
  'jon@northwind.io,Jon,Reyes,staff,Leeds,,',
  'kim@northwind.io,Kim,Sato,receptionist,Leeds,,',
  'lou@northwind,Lou,Vega,staff,Leeds,,',
  'IVY@northwind.io,Ivy,Park,staff,Leeds,,',
  'max@northwind.io,Max,Ortiz,super-admin,Leeds,,',
  'ned@northwind.io,Ned,Ueda,,Leeds,,',
].join('\n');
const sheet = importSheet();
const parsed = parseCsv(sheet, upload);
const counted = ({ dryRun, counts }: SheetReport) =>
  `${dryRun ? 'dry run' : 'done'}: ${counts.created} created, ${counts.unchanged} unchanged, ${counts.failed} failed`;
const printReport = (report: SheetReport) => {
  for (const line of report.lines) {
    const why = line.errors
      .map((e) => `${e.column === null ? '' : `${e.column} `}${e.code}: ${e.message}`)
      .join('; ');
    say(
      `  line ${line.row} ${line.email ?? '(no email)'}: ${line.status}${why ? ` (${why})` : ''}`,
    );
  }
  say(`  ${counted(report)}`);
};
const allUsers = async () => (await gus.listAccounts()).total;
printReport(
  mergeReports(sheet, parsed.errors, await hana.bulkImport(parsed.rows, { dryRun: true })),
);
say(`All Users after the dry run: ${await allUsers()}`);
say('She fixes nothing yet and runs it: the good rows are invited, the bad ones reported.');
say(counted(mergeReports(sheet, parsed.errors, await hana.bulkImport(parsed.rows))));
say(`All Users now: ${await allUsers()}`);
say(
  `The same file again: ${counted(mergeReports(sheet, parsed.errors, await hana.bulkImport(parsed.rows)))}`,
);

step(
  'Adding a user to a Space (reference 004): the inviter checks the restrictions that apply; invitations wait in a list.',
);
const spaceRoster = createRoster({ store: memoryStore(), policy: createPolicy(presets.spaces) });
const initech = await spaceRoster.createOrganization({
  name: 'Initech',
  owner: { email: 'oli@initech.io', firstName: 'Oli', lastName: 'Pratt' },
});
const oli = spaceRoster.as({ accountId: initech.owner.id, orgId: initech.organization.id });
const zoeInvite = await oli.invite({
  email: 'zoe@initech.io',
  role: 'manager',
  restrictions: ['no-invite'],
});
say(`Zoe is invited as a manager, restricted: ${zoeInvite.invitation.restrictions.join(', ')}`);
const { account: zoeAccount, membership: zoeMembership } = await spaceRoster.acceptInvitation({
  token: zoeInvite.token,
  firstName: 'Zoe',
  lastName: 'Park',
});
say(`Zoe accepts; her membership carries: ${zoeMembership.restrictions.join(', ')}`);
const zoe = spaceRoster.as({ accountId: zoeAccount.id, orgId: initech.organization.id });
await attempt('Zoe invites a colleague', () =>
  zoe.invite({ email: 'sam@initech.io', role: 'agent' }),
);
await oli.invite({ email: 'sam@initech.io', role: 'agent' });
const tia = await oli.invite({ email: 'tia@initech.io', role: 'agent' });
await spaceRoster.declineInvitation({ token: tia.token });
const pending = await oli.listInvitations({ statuses: ['pending', 'expired'] });
say(
  `Pending invitations (${pending.total}): ${pending.items.map((i) => `${i.email} [Resend: ${i.id.slice(0, 8)}…]`).join(', ')}`,
);
const every = await oli.listInvitations();
say(`Every invitation: ${every.items.map((i) => `${i.email} ${i.listStatus}`).join(', ')}`);
const team = await oli.listMembers({ includePending: true });
say(
  `The team with pending invitees (${team.total}): ${team.items.map(({ account }) => `${account.email} (${account.status})`).join(', ')}`,
);

step(
  'The organization shuts down: Ana deletes it, every account goes, hers too. It cannot be undone.',
);
await attempt('delete, confirming "acme support"', () =>
  ana.deleteOrganization({ confirmName: 'acme support' }),
);
const gone = await ana.deleteOrganization({ confirmName: 'Acme Support' });
say(`deleted ${gone.accounts} accounts`);
await attempt('Ana lists All Users', () => ana.listAccounts());
