// rosterkit quickstart: the use cases of the reference products, walked through
// the account and membership lifecycle machines and the pure rules of
// @rosterkit/core. Every decision below is made by the library; this file only
// keeps the states in a Map and prints what happens.
import {
  type AccountEvent,
  type AccountState,
  accountMachine,
  can,
  checkSelfAction,
  type LifecycleContext,
  type MembershipEvent,
  type MembershipLifecycleState,
  membershipMachine,
  type RosterError,
  transition,
} from '@rosterkit/core';

interface Person {
  id: string;
  name: string;
  account: AccountState;
  team: MembershipLifecycleState;
  managerId?: string;
  profile: { firstName: string; lastName: string; profile: Record<string, string | null> };
}

const ownerId = 'ana';
const requiredProfileFields = ['firstName', 'lastName', 'phone'];
const people = new Map<string, Person>();

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  const [firstName = name, lastName = 'Doe'] = name.split(' ');
  const created: Person = {
    id,
    name,
    account: accountMachine.initial,
    team: membershipMachine.initial,
    profile: { firstName, lastName, profile: { phone: '+44 20 7946 0000' } },
    ...extra,
  };
  people.set(id, created);
  return created;
}

function context(who: Person, extra: Partial<LifecycleContext> = {}): LifecycleContext {
  const directReportIds = [...people.values()]
    .filter((other) => other.managerId === who.id && other.account !== 'deleted')
    .map((other) => other.id);
  return {
    accountId: who.id,
    ownerId,
    person: who.profile,
    requiredProfileFields,
    directReportIds,
    ...extra,
  };
}

function explain(error: RosterError): string {
  return `refused: ${error.code}: ${error.message}`;
}

function account(who: Person, event: AccountEvent, extra: Partial<LifecycleContext> = {}): void {
  const result = transition(accountMachine, who.account, event, context(who, extra));
  if (!result.ok) {
    console.log(`  ${who.name}: ${event} → ${explain(result.error)}`);
    return;
  }
  console.log(
    `  ${who.name}: account ${who.account} --${event}--> ${result.state}   effects: ${result.effects.join(', ') || 'none'}`,
  );
  who.account = result.state;
  if (
    result.effects.includes('reassignReports') &&
    extra.reassignment &&
    'to' in extra.reassignment
  ) {
    for (const report of people.values())
      if (report.managerId === who.id) report.managerId = extra.reassignment.to;
  }
  if (result.effects.includes('startMembershipPeriod')) who.team = 'member';
  if (result.state === 'deleted') who.team = 'account-only';
}

function team(who: Person, event: MembershipEvent, extra: Partial<LifecycleContext> = {}): void {
  const result = transition(membershipMachine, who.team, event, context(who, extra));
  if (!result.ok) {
    console.log(`  ${who.name}: ${event} → ${explain(result.error)}`);
    return;
  }
  console.log(
    `  ${who.name}: team ${who.team} --${event}--> ${result.state}   effects: ${result.effects.join(', ') || 'none'}`,
  );
  who.team = result.state;
}

function allUsers(): void {
  const rows = [...people.values()].filter((p) => p.account !== 'deleted');
  console.log(`  All Users: ${rows.map((p) => `${p.name} (${p.account})`).join(', ') || 'nobody'}`);
  console.log(
    `  The team:  ${
      rows
        .filter((p) => p.team === 'member')
        .map((p) => p.name)
        .join(', ') || 'nobody'
    }`,
  );
}

function step(title: string): void {
  console.log(`\n— ${title}`);
}

step(
  'Ana creates the organization; she is its owner. Bo, Cy (a team leader), Di and Ed are invited.',
);
const ana = person('ana', 'Ana Ng', { account: 'active', team: 'member' });
const bo = person('bo', 'Bo Li');
const cy = person('cy', 'Cy Park');
const di = person('di', 'Di Rossi', { managerId: 'cy' });
const ed = person('ed', 'Ed Khan', { managerId: 'cy' });
console.log(
  `  Can a pending invitation be deactivated? ${can(accountMachine, 'pending', 'deactivate')}`,
);
account(bo, 'deactivate');
for (const invitee of [bo, cy, di, ed]) account(invitee, 'acceptInvitation');
allUsers();

step('An employee resigns: Bo is removed from the team and keeps the account.');
team(bo, 'removeFromTeam');
allUsers();

step('Bo rejoins: added back to the team, same account, a new membership period.');
team(bo, 'addToTeam');
allUsers();

step('Temporary staff: Ed is removed and re-added as needed (he reports to Cy).');
team(ed, 'removeFromTeam');
team(ed, 'addToTeam');

step(
  'A team leader is deactivated: Cy still has direct reports, so first refused, then with them reassigned to Bo.',
);
account(cy, 'deactivate');
account(cy, 'deactivate', { reassignment: { to: 'bo' } });
console.log(`  Di now reports to ${di.managerId}, Ed to ${ed.managerId}.`);

step(
  'An agent leaves: Di is deactivated (removed from every queue), then reactivated — after the profile is completed.',
);
di.profile.profile.phone = null;
account(di, 'deactivate');
di.profile.profile.phone = '+44 20 7946 0001';
account(di, 'deactivate');
account(di, 'reactivate');
console.log('  Di signs in with the same credentials; queues are re-assigned by an admin.');

step('An admin tries to edit their own role.');
const selfEdit = checkSelfAction({ actorId: 'bo', targetId: 'bo', action: 'changeRole' });
console.log(`  Bo: changeRole on himself → ${selfEdit ? explain(selfEdit) : 'allowed'}`);
const nameEdit = checkSelfAction({ actorId: 'bo', targetId: 'bo', action: 'updateProfile' });
console.log(`  Bo: updateProfile (his own name) → ${nameEdit ? explain(nameEdit) : 'allowed'}`);

step('The owner tries to delete her own account, and to be deactivated.');
account(ana, 'deleteOwnAccount');
account(ana, 'deactivate');

step('Ed deletes his own account (only he can).');
account(ed, 'deleteOwnAccount');
allUsers();

step(
  'The organization is deleted: every account in it goes, the owner’s too. This cannot be undone.',
);
for (const member of people.values())
  if (member.account !== 'deleted') account(member, 'deleteOrganization');
allUsers();
