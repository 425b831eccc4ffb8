// Checks per second through @rosterkit/policies' Policy versus a bare CASL
// ability built from the very same rules, in one run. It measures; it does not
// assert. Run with `npm run bench` (builds the packages first).
import { createMongoAbility } from '@casl/ability';
import type { Membership, PolicyActor, PolicyRequest, PolicySubject } from '@rosterkit/core';
import {
  abilityOptions,
  createPolicy,
  presets,
  rulesFor,
  toAbilitySubject,
} from '@rosterkit/policies';

const at = new Date('2026-01-01T00:00:00Z');
const orgId = 'org-1';
const member = (accountId: string, role: string, spaceId: string): Membership => ({
  id: `m-${accountId}-${spaceId}`,
  orgId,
  accountId,
  spaceId,
  state: 'member',
  role,
  restrictions: [],
  groupIds: [],
  managerId: null,
  periods: [{ startedAt: at, endedAt: null, role }],
  version: 1,
});
const loadActor = (): PolicyActor => ({
  account: {
    id: 'acc-site-admin',
    orgId,
    email: 'sa@acme.io',
    externalId: null,
    firstName: 'Sam',
    lastName: 'Admin',
    status: 'active',
    profile: {},
    lastSeenAt: null,
    createdAt: at,
    updatedAt: at,
    version: 3,
  },
  organization: {
    id: orgId,
    name: 'Acme',
    plan: 'pro',
    ownerId: 'acc-owner',
    defaultSpaceId: 'site-1',
    createdAt: at,
    version: 2,
  },
  memberships: [
    member('acc-site-admin', 'site-admin', 'site-1'),
    member('acc-site-admin', 'staff', 'site-2'),
  ],
});

const account = (id: string, role: string, spaceId: string): PolicySubject => ({
  type: 'Account',
  orgId,
  id,
  memberships: [{ spaceId, role, state: 'member' }],
});
const actor = loadActor();
// A mix of allowed and refused checks, as a command handler asks them.
const requests: PolicyRequest[] = [
  { actor, action: 'deactivate', subject: account('acc-1', 'staff', 'site-1') },
  { actor, action: 'deactivate', subject: account('acc-2', 'staff', 'site-3') },
  { actor, action: 'deactivate', subject: account('acc-owner', 'super-admin', 'site-1') },
  {
    actor,
    action: 'updateProfile',
    subject: account('acc-1', 'staff', 'site-1'),
    field: 'profile.extension',
  },
  {
    actor,
    action: 'updateProfile',
    subject: account('acc-1', 'staff', 'site-1'),
    field: 'profile.homeSite',
  },
  {
    actor,
    action: 'changeRole',
    subject: {
      type: 'Membership',
      orgId,
      id: 'm1',
      accountId: 'acc-1',
      spaceId: 'site-1',
      role: 'staff',
      grantedRole: 'site-admin',
    },
  },
  {
    actor,
    action: 'invite',
    subject: { type: 'Invitation', orgId, spaceId: 'site-1', role: 'staff' },
  },
  {
    actor,
    action: 'read',
    subject: {
      type: 'Membership',
      orgId: 'org-2',
      id: 'm9',
      accountId: 'x',
      spaceId: 'site-1',
      role: 'staff',
    },
  },
];

const policy = createPolicy(presets.multiSite);
const bare = createMongoAbility(
  rulesFor(presets.multiSite, actor) as never,
  abilityOptions as never,
);
// The bare baseline gets subjects already shaped for its conditions, as a hand-written CASL integration would.
const bareRequests = requests.map((r) => ({
  action: r.action,
  subject: toAbilitySubject(r.subject),
  field: r.field,
}));

// Both must decide the same, or the comparison means nothing.
for (const [i, r] of requests.entries()) {
  const ours = policy.check(r).allowed;
  const theirs = bare.can(
    bareRequests[i]?.action as never,
    bareRequests[i]?.subject as never,
    bareRequests[i]?.field,
  );
  if (ours !== theirs) throw new Error(`decision mismatch on request ${i}`);
}

// What @rosterkit/core passes: Account subjects already carry the roles and
// spaces it derived from the memberships it loaded (createRoster's commands).
const coreRequests: PolicyRequest[] = requests.map((r, i) => ({
  ...r,
  subject: bareRequests[i]?.subject as PolicySubject,
}));

let sink = 0;
function oursAsCore(n: number): void {
  for (let i = 0; i < n; i++) {
    const decision = policy.check(coreRequests[i & 7] as PolicyRequest);
    if (decision.allowed) sink++;
  }
}
function ours(n: number): void {
  for (let i = 0; i < n; i++) {
    const decision = policy.check(requests[i & 7] as PolicyRequest);
    if (decision.allowed) sink++;
  }
}
function baseline(n: number): void {
  for (let i = 0; i < n; i++) {
    const r = bareRequests[i & 7] as (typeof bareRequests)[number];
    if (bare.can(r.action as never, r.subject as never, r.field)) sink++;
  }
}
const freshActors = Array.from({ length: 64 }, loadActor);
function oursFreshActor(n: number): void {
  for (let i = 0; i < n; i++) {
    const r = requests[i & 7] as PolicyRequest;
    if (policy.check({ ...r, actor: freshActors[i & 63] as PolicyActor }).allowed) sink++;
  }
}
// Each check on a subject object built for it (nothing cached per subject):
// ours derives the account's roles and spaces from its memberships, bare CASL
// gets them precomputed by the caller, as it would need them.
const spaces = ['site-1', 'site-3'];
function oursFreshSubject(n: number): void {
  for (let i = 0; i < n; i++) {
    const subject: PolicySubject = {
      type: 'Account',
      orgId,
      id: `acc-${i & 3}`,
      memberships: [{ spaceId: spaces[i & 1] as string, role: 'staff', state: 'member' }],
    };
    if (policy.check({ actor, action: 'deactivate', subject }).allowed) sink++;
  }
}
function bareFreshSubject(n: number): void {
  for (let i = 0; i < n; i++) {
    const subject = {
      type: 'Account',
      orgId,
      id: `acc-${i & 3}`,
      memberships: [{ spaceId: spaces[i & 1] as string, role: 'staff', state: 'member' }],
      roles: ['staff'],
      spaceIds: [spaces[i & 1] as string],
    };
    if (bare.can('deactivate' as never, subject as never)) sink++;
  }
}

function perSecond(run: (n: number) => void, n: number): number {
  const start = process.hrtime.bigint();
  run(n);
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const N = 400_000;
const ROUNDS = 9;
for (let i = 0; i < 3; i++) {
  ours(N);
  baseline(N);
}
for (let i = 0; i < 3; i++) oursAsCore(N);
const oursRates: number[] = [];
const coreRates: number[] = [];
const bareRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order so no side always runs on a warmer machine.
  const runs: [number[], (n: number) => void][] = [
    [coreRates, oursAsCore],
    [oursRates, ours],
    [bareRates, baseline],
  ];
  for (let k = 0; k < runs.length; k++) {
    const [rates, run] = runs[(round + k) % runs.length] as [number[], (n: number) => void];
    rates.push(perSecond(run, N));
  }
}
oursFreshActor(N);
const freshRate = median(Array.from({ length: 5 }, () => perSecond(oursFreshActor, N / 4)));
oursFreshSubject(N);
bareFreshSubject(N);
const freshOurs: number[] = [];
const freshBare: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  freshOurs.push(perSecond(oursFreshSubject, N / 2));
  freshBare.push(perSecond(bareFreshSubject, N / 2));
}

const o = median(oursRates);
const c = median(coreRates);
const b = median(bareRates);
const fmt = (x: number) => `${Math.round(x).toLocaleString('en-US')} checks/s`;
console.log(
  `policy check, ${requests.length} mixed requests, median of ${ROUNDS} rounds of ${N.toLocaleString('en-US')}:`,
);
console.log(`  bare CASL ability.can (same rules)       : ${fmt(b)}`);
console.log(`  ours, subjects as @rosterkit/core sends   : ${fmt(c)}`);
console.log(
  `  cost ratio ours / bare                   : ${(b / c).toFixed(2)}x (target <= 1.25x)`,
);
console.log(`  ours, subjects with memberships only      : ${fmt(o)}`);
console.log(`  cost ratio ours / bare (we derive)       : ${(b / o).toFixed(2)}x`);
console.log(
  `  ours, 64 actor objects of one account     : ${fmt(freshRate)} (ability found by fingerprint)`,
);
const fo = median(freshOurs);
const fb = median(freshBare);
console.log('a new account subject object per check (deactivate):');
console.log(`  ours (derives roles and spaces)          : ${fmt(fo)}`);
console.log(`  bare CASL (given roles and spaces)       : ${fmt(fb)}`);
console.log(`  cost ratio ours / bare                   : ${(fb / fo).toFixed(2)}x`);
if (sink === -1) console.log(sink);
