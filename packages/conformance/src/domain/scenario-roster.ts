import {
  type Account,
  type ActorApi,
  type Clock,
  createRoster,
  type InvitationKeys,
  type Organization,
  type ProfileLimits,
  type ResourceHandler,
  type Roster,
  type RosterOptions,
  type SeatLimitsByPlan,
  type Store,
} from '@rosterkit/core';
import { recording } from '../raised-codes.js';
import { scenarioPolicy } from './scenario-policy.js';

/** A clock the scenarios move by hand. @internal */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

/** An organization with an owner, an admin and two agents, all active members of the default space. @internal */
export interface ScenarioOrg {
  readonly roster: Roster;
  readonly clock: ManualClock;
  readonly organization: Organization;
  readonly owner: Account;
  readonly admin: Account;
  readonly agentA: Account;
  readonly agentB: Account;
  /** The API of each person. */
  as(account: Account): ActorApi;
  /** Departures the resource handler saw, in order. */
  readonly departures: string[];
}

/** Creates the scenario organization on `store`. @internal */
export async function seedScenario(
  store: Store,
  options: {
    requiredProfileFields?: string[];
    profileLimits?: ProfileLimits;
    orgName?: string;
    emailDomain?: string;
    handlers?: ResourceHandler[];
    plan?: string;
    seatLimits?: SeatLimitsByPlan;
    invitationKeys?: InvitationKeys;
  } = {},
): Promise<ScenarioOrg> {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock: ManualClock = {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
  const departures: string[] = [];
  const roster = createRecordingRoster({
    store,
    policy: scenarioPolicy,
    clock,
    requiredProfileFields: options.requiredProfileFields ?? [],
    ...(options.profileLimits === undefined ? {} : { profileLimits: options.profileLimits }),
    ...(options.seatLimits === undefined ? {} : { seatLimits: options.seatLimits }),
    ...(options.invitationKeys === undefined ? {} : { invitationKeys: options.invitationKeys }),
    resourceHandlers: [
      {
        name: 'recorder',
        async onDeparture(departure) {
          departures.push(
            `${departure.reason}:${departure.accountId}:${departure.reassignTo ?? 'unassigned'}`,
          );
        },
      },
      ...(options.handlers ?? []),
    ],
  });
  const domain = options.emailDomain ?? 'acme.io';
  const { organization, owner } = await roster.createOrganization({
    name: options.orgName ?? 'Acme',
    ...(options.plan === undefined ? {} : { plan: options.plan }),
    owner: { email: `ana@${domain}`, firstName: 'Ana', lastName: 'Ng' },
  });
  const as = (account: Account) =>
    recording(roster.as({ accountId: account.id, orgId: organization.id }));
  const join = async (email: string, role: string, firstName: string) => {
    const { token } = await as(owner).invite({ email, role });
    const { account } = await roster.acceptInvitation({ token, firstName, lastName: 'Test' });
    return account;
  };
  const admin = await join(`adi@${domain}`, 'admin', 'Adi');
  const agentA = await join(`bo@${domain}`, 'agent', 'Bo');
  const agentB = await join(`cy@${domain}`, 'agent', 'Cy');
  return { roster, clock, organization, owner, admin, agentA, agentB, as, departures };
}

/** A roster whose commands record the codes they raise, for the suite's last test. @internal */
export function createRecordingRoster(options: RosterOptions): Roster {
  return recording(createRoster(options));
}
