import { type AccountStatus, RosterError } from '@rosterkit/core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { newWorld, type World } from './world.js';

// Random sequences of commands by random actors, run against rosterkit on the
// memory store and against a simple model of who is who. Each command either
// succeeds, and the model predicts that it could (and follows it), or is
// refused with a RosterError and changes nothing. After every step the
// invariants of DESIGN §4 are read back from the store.

interface Person {
  status: AccountStatus | 'gone';
  email: string;
  member: boolean;
  role: string | null;
  /** The space beside the default one the person joined at acceptance, while it exists. */
  elsewhere?: string | null;
}

interface Model {
  ownerId: string;
  people: Map<string, Person>;
  /** Every invitation token handed out, with its account and expiry; used and revoked ones stay. */
  tokens: {
    token: string;
    accountId: string;
    expiresAt: number;
    role: string;
    spaceId: string;
    restrictions: string[];
  }[];
  /** The spaces created beside the default one, not deleted. */
  spaces: string[];
  defaultSpaceId: string;
  /** The clock, in ms, as the world's clock reads it. */
  now: number;
  invitationIds: Map<string, string>;
  /** The host's id linked to each account that has one. */
  externalIds: Map<string, string>;
  audits: number;
  /** The organization's stored roles by name. */
  stored: Map<string, { id: string; rank: number }>;
}

type Real = World;
type Cmd = fc.AsyncCommand<Model, Real>;

const roles = ['owner', 'admin', 'staff', 'lead', 'helper'] as const;
const presetRanks: Readonly<Record<string, number>> = { owner: 100, admin: 50, staff: 10 };
/** The names stored roles are drawn from, the ranks and permissions they are defined with. */
const storedNames = ['lead', 'helper'] as const;
const storedRanks = [10, 30, 60] as const;
const storedPermissions = [[], ['manageUsers'], ['manageOrganization']] as const;

/** The rank of a role in the model (-1 when unknown). */
const rankOf = (model: Model, role: string | null): number =>
  role === null ? -1 : (presetRanks[role] ?? model.stored.get(role)?.rank ?? -1);
/** An actor's rank: the role they hold in the team. */
const rankOfPerson = (model: Model, id: string): number => {
  const person = model.people.get(id);
  return person?.member === true ? rankOf(model, person.role) : -1;
};
/**
 * The addresses invited: seven new ones and two of the world's own members,
 * so that inviting an existing account (ACCOUNT_EXISTS) is common rather
 * than a few times a run, when a new address happens to be drawn twice.
 */
const inviteEmails = [
  ...Array.from({ length: 7 }, (_, n) => `p${n}@acme.io`),
  'staff1@acme.io',
  'admin@acme.io',
];
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** A current member of some space: of the team, or of the space they were invited into. */
const inSomeSpace = (p: Person): boolean => p.member || (p.elsewhere ?? null) !== null;
/**
 * The world's plan (`free`) caps seats: 6 members (members plus pending
 * invitations) and 1 pending invitation; it starts with 4 members, so the
 * caps are reached often.
 */
const seatLimits = { free: { members: 6, pendingInvitations: 1 } } as const;
const cap = seatLimits.free;
const seats = (model: Model) => {
  const people = [...model.people.values()];
  const members = people.filter((p) => p.status === 'active' && inSomeSpace(p)).length;
  const pending = people.filter((p) => p.status === 'pending').length;
  return { members, pending };
};
/** Whether the model says a command that adds a member (or, with `invitation`, an invitation) is past the cap. */
const full = (model: Model, take: 'invitation' | 'member' | 'acceptance'): boolean => {
  const { members, pending } = seats(model);
  if (take === 'acceptance') return members >= cap.members;
  if (members + pending >= cap.members) return true;
  return take === 'invitation' && pending >= cap.pendingInvitations;
};
const externalIdChoices = ['idp|1', 'IDP|1'];
const ids = (model: Model) => [...model.people.keys()];

/** Active owners and admins: actors likely to be allowed, so sequences go deep. */
const managers = (model: Model) =>
  ids(model).filter((id) => {
    const person = model.people.get(id);
    return person?.status === 'active' && (person.role === 'owner' || person.role === 'admin');
  });

/** An actor: any person, or (when `focus`) one likely to be allowed. */
function chooseActor(model: Model, n: number, focus: boolean): string {
  const pool = focus ? managers(model) : [];
  return pick(pool.length > 0 ? pool : ids(model), n);
}

/**
 * Half the time the owner (the only one the organization's structure may be
 * changed by here), else any manager: with managers alone, a space was both
 * created and deleted by the owner in too few of the runs for every seed to
 * reach a successful deleteSpace.
 */
function chooseOwnerOften(model: Model, n: number): string {
  return n % 2 === 0 ? model.ownerId : chooseActor(model, Math.floor(n / 2), true);
}

/** How often each command succeeded and was refused, over the whole run. */
const outcomes = new Map<string, { ok: number; refused: Map<string, number> }>();

/** Runs `action`; on success applies `onSuccess`, on refusal checks the store is untouched. */
async function attempt<T>(
  name: string,
  real: Real,
  action: () => Promise<T>,
  onSuccess: (result: T) => void,
  onRefusal: (error: RosterError) => void = () => undefined,
): Promise<void> {
  const tally = outcomes.get(name) ?? { ok: 0, refused: new Map<string, number>() };
  outcomes.set(name, tally);
  const before = real.store.inspect().auditEvents(real.orgId).length;
  let result: T;
  try {
    result = await action();
  } catch (error) {
    if (!RosterError.isInstance(error)) throw error;
    tally.refused.set(error.code, (tally.refused.get(error.code) ?? 0) + 1);
    expect(real.store.inspect().auditEvents(real.orgId).length).toBe(before);
    onRefusal(error);
    return;
  }
  tally.ok += 1;
  onSuccess(result);
}

class Invite implements Cmd {
  constructor(
    readonly actor: number,
    readonly email: number,
    readonly role: number,
    readonly focus: boolean,
    readonly space = 0,
    readonly restricted = false,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = chooseActor(model, this.actor, this.focus);
    const email = pick(inviteEmails, this.email);
    const role = pick(roles, this.role);
    const spaceId = pick([model.defaultSpaceId, ...model.spaces], this.space);
    const restrictions = this.restricted ? ['no-export'] : [];
    await attempt(
      'invite',
      real,
      () => real.as(actorId).invite({ email, role, spaceId, restrictions }),
      (issued) => {
        const taken = [...model.people.values()].some(
          (p) => p.email === email && p.status !== 'gone',
        );
        expect(taken, `invited ${email} twice`).toBe(false);
        expect(role).not.toBe('owner');
        expect(full(model, 'invitation'), 'invited past the seats').toBe(false);
        model.people.set(issued.account.id, {
          status: 'pending',
          email,
          member: false,
          role: null,
        });
        model.tokens.push({
          token: issued.token,
          accountId: issued.account.id,
          expiresAt: issued.invitation.expiresAt.getTime(),
          role,
          spaceId,
          restrictions,
        });
        model.invitationIds.set(issued.account.id, issued.invitation.id);
        model.audits += 1;
      },
      (error) => {
        if (error.code === 'SEAT_LIMIT') expect(full(model, 'invitation')).toBe(true);
      },
    );
  }
  toString = () =>
    `invite(${this.actor}${this.focus ? '*' : ''}, ${pick(inviteEmails, this.email)}, ${pick(roles, this.role)}, space ${this.space}${this.restricted ? ', restricted' : ''})`;
}

class Accept implements Cmd {
  constructor(readonly which: number) {}
  check = (model: Readonly<Model>) => model.tokens.length > 0;
  async run(model: Model, real: Real) {
    const { token, accountId, expiresAt, role, spaceId, restrictions } = pick(
      model.tokens,
      this.which,
    );
    await attempt(
      'acceptInvitation',
      real,
      () => real.roster.acceptInvitation({ token, firstName: 'New', lastName: 'Person' }),
      ({ membership }) => {
        const person = model.people.get(accountId);
        expect(person?.status, 'a used, revoked or declined token worked').toBe('pending');
        expect(model.now, 'an expired token worked').toBeLessThan(expiresAt);
        expect(full(model, 'acceptance'), 'accepted past the seats').toBe(false);
        // The restrictions given at invite land on the membership.
        expect(membership.spaceId).toBe(spaceId);
        expect(real.store.inspect().membership(real.orgId, membership.id)?.restrictions).toEqual(
          restrictions,
        );
        const member = spaceId === model.defaultSpaceId;
        if (person) {
          Object.assign(person, {
            status: 'active',
            member,
            role: member ? role : null,
            elsewhere: member ? null : spaceId,
          });
        }
        model.audits += 1;
      },
      (error) => {
        if (error.code === 'SEAT_LIMIT') expect(full(model, 'acceptance')).toBe(true);
      },
    );
  }
  toString = () => `accept(${this.which})`;
}

class Wait implements Cmd {
  constructor(readonly days: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    real.clock.advance(this.days * 86_400_000);
    model.now += this.days * 86_400_000;
  }
  toString = () => `wait(${this.days} days)`;
}

class Revoke implements Cmd {
  constructor(
    readonly actor: number,
    readonly who: number,
    readonly focus: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.tokens.length > 0;
  async run(model: Model, real: Real) {
    const actorId = chooseActor(model, this.actor, this.focus);
    const { accountId } = pick(model.tokens, this.who);
    const invitationId = model.invitationIds.get(accountId) ?? '';
    await attempt(
      'revokeInvitation',
      real,
      () => real.as(actorId).revokeInvitation({ invitationId }),
      () => {
        const person = model.people.get(accountId);
        expect(person?.status).toBe('pending');
        if (person) person.status = 'gone';
        // The pending account goes, and with it the id linked to it.
        model.externalIds.delete(accountId);
        model.audits += 1;
      },
    );
  }
  toString = () => `revoke(${this.actor}, ${this.who})`;
}

class Decline implements Cmd {
  constructor(readonly which: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    // A third of the time a token already used, revoked or declined (or, in
    // a sequence that has none yet, one never issued): it must be refused.
    const spent = model.tokens.filter((t) => model.people.get(t.accountId)?.status !== 'pending');
    const never = { token: `never-issued-${this.which}`.padEnd(43, 'x'), accountId: '' };
    const open = model.tokens.filter((t) => model.people.get(t.accountId)?.status === 'pending');
    const { token, accountId } =
      this.which % 3 !== 0 && model.tokens.length > 0
        ? pick(open.length > 0 ? open : model.tokens, this.which)
        : spent.length > 0
          ? pick(spent, this.which)
          : never;
    await attempt(
      'declineInvitation',
      real,
      () => real.roster.declineInvitation({ token }),
      (declined) => {
        const person = model.people.get(accountId);
        expect(person?.status, 'a used, revoked or declined token was declined').toBe('pending');
        expect(declined.status).toBe('declined');
        if (person) person.status = 'gone';
        // The pending account goes, and with it the id linked to it.
        model.externalIds.delete(accountId);
        model.audits += 1;
      },
    );
  }
  toString = () => `decline(${this.which})`;
}

class ListInvitations implements Cmd {
  constructor(readonly actor: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = pick(ids(model), this.actor);
    await attempt(
      'listInvitations',
      real,
      () => real.as(actorId).listInvitations({ statuses: ['pending', 'expired'], limit: 500 }),
      (page) => {
        // Every pending person has its invitation listed, expired exactly when the model says.
        const pending = ids(model).filter((id) => model.people.get(id)?.status === 'pending');
        const listed = page.items.map((item) => item.accountId);
        expect(page.total).toBe(listed.length);
        // Only pending people, and all of them for those who manage the default space's users.
        expect(listed.every((id) => pending.includes(id))).toBe(true);
        const actor = model.people.get(actorId);
        if (actor?.member === true && (actor.role === 'owner' || actor.role === 'admin')) {
          expect(listed.sort()).toEqual(pending.sort());
        }
        for (const item of page.items) {
          const issued = model.tokens.find((t) => t.accountId === item.accountId);
          const expired = (issued?.expiresAt ?? 0) <= model.now;
          expect(item.listStatus).toBe(expired ? 'expired' : 'pending');
        }
      },
    );
  }
  toString = () => `listInvitations(${this.actor})`;
}

class CreateSpace implements Cmd {
  constructor(readonly actor: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = chooseOwnerOften(model, this.actor);
    await attempt(
      'createSpace',
      real,
      () => real.as(actorId).createSpace({ name: `Site ${model.spaces.length + 1}` }),
      (space) => {
        expect(actorId, 'only the owner manages the organization here').toBe(model.ownerId);
        model.spaces.push(space.id);
        model.audits += 1;
      },
    );
  }
  toString = () => `createSpace(${this.actor})`;
}

class DeleteSpace implements Cmd {
  constructor(
    readonly actor: number,
    readonly which: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = chooseOwnerOften(model, this.actor);
    // Mostly a space that can be deleted: one the owner creates first when
    // the sequence has none (few sequences create one before they delete).
    if (this.which % 4 !== 0 && model.spaces.length === 0)
      await new CreateSpace(0).run(model, real);
    const spaceId =
      this.which % 4 !== 0 && model.spaces.length > 0
        ? pick(model.spaces, this.which)
        : pick([model.defaultSpaceId, ...model.spaces], this.which);
    await attempt(
      'deleteSpace',
      real,
      () => real.as(actorId).deleteSpace({ spaceId }),
      (deleted) => {
        expect(actorId).toBe(model.ownerId);
        expect(spaceId, 'the default space was deleted').not.toBe(model.defaultSpaceId);
        model.spaces = model.spaces.filter((id) => id !== spaceId);
        // Its pending invitees disappear, as on revoke.
        const invitees = ids(model).filter(
          (id) =>
            model.people.get(id)?.status === 'pending' &&
            model.tokens.some((t) => t.accountId === id && t.spaceId === spaceId),
        );
        expect(deleted.revokedInvitations.map((i) => i.accountId).sort()).toEqual(invitees.sort());
        for (const id of invitees) (model.people.get(id) as Person).status = 'gone';
        for (const person of model.people.values()) {
          if (person.elsewhere === spaceId) person.elsewhere = null;
        }
        model.audits +=
          1 +
          deleted.endedMemberships.length +
          deleted.revokedInvitations.length +
          deleted.deletedGroups.length;
      },
    );
  }
  toString = () => `deleteSpace(${this.actor}, ${this.which})`;
}

class Lifecycle implements Cmd {
  constructor(
    readonly event: 'deactivate' | 'reactivate' | 'removeFromTeam' | 'addToTeam' | 'changeRole',
    readonly actor: number,
    readonly target: number,
    readonly role: number,
    readonly focus: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = chooseActor(model, this.actor, this.focus);
    // When focused, the target is someone the event applies to.
    const fits = (p: Person): boolean =>
      ({
        deactivate: p.status === 'active',
        reactivate: p.status === 'deactivated',
        removeFromTeam: p.member,
        addToTeam: !p.member && (p.status === 'active' || p.status === 'deactivated'),
        changeRole: p.member,
      })[this.event];
    const candidates = this.focus
      ? ids(model).filter((id) => fits(model.people.get(id) as Person))
      : [];
    const targetId = pick(candidates.length > 0 ? candidates : ids(model), this.target);
    const stored = [...model.stored.keys()];
    // When focused, a role that can be granted (a preset below the owner's or
    // a stored one), so that re-adding and stored roles are reached often.
    const role = this.focus
      ? pick(['admin', 'staff', ...stored], this.role)
      : pick(roles, this.role);
    const api = real.as(actorId);
    const person = model.people.get(targetId) as Person;
    const call = {
      deactivate: () => api.deactivate({ accountId: targetId }),
      reactivate: () => api.reactivate({ accountId: targetId }),
      removeFromTeam: () => api.removeFromTeam({ accountId: targetId }),
      addToTeam: () => api.addToTeam({ accountId: targetId, role }),
      changeRole: () => api.changeRole({ accountId: targetId, role }),
    }[this.event];
    // "May I?" agrees with the command: a success was allowed, an
    // authorization refusal was not.
    const may = await api
      .can(this.event, {
        accountId: targetId,
        ...(this.event === 'addToTeam' || this.event === 'changeRole' ? { role } : {}),
      })
      .catch((error: unknown) => {
        if (RosterError.isInstance(error)) return undefined;
        throw error;
      });
    const tally = outcomes.get(this.event);
    const refusedBefore = new Map(tally?.refused ?? []);
    // Reactivating someone still in a space, or adding an active account in
    // no space, takes a seat.
    const takesSeat =
      (this.event === 'reactivate' && inSomeSpace(person)) ||
      (this.event === 'addToTeam' && person.status === 'active' && !inSomeSpace(person));
    const wasFull = full(model, 'member');
    const onRefusal = (error: RosterError) => {
      if (error.code === 'SEAT_LIMIT') expect(takesSeat && wasFull).toBe(true);
      if (error.code === 'ACTOR_INACTIVE') {
        const actor = model.people.get(actorId) as Person;
        expect(actor.status === 'active' && inSomeSpace(actor)).toBe(false);
      }
    };
    await attempt<unknown>(
      this.event,
      real,
      call,
      () => {
        expect(may, `can(${this.event}) said no to a command that succeeded`).toBe(true);
        expect(actorId, 'nobody acts on their own access').not.toBe(targetId);
        expect(model.people.get(actorId)?.status).toBe('active');
        expect(inSomeSpace(model.people.get(actorId) as Person), 'a removed person acted').toBe(
          true,
        );
        if (takesSeat) expect(wasFull, `${this.event} past the seats`).toBe(false);
        if (this.event !== 'reactivate' && this.event !== 'addToTeam') {
          expect(targetId, 'the owner is protected').not.toBe(model.ownerId);
        }
        switch (this.event) {
          case 'deactivate':
            expect(person.status).toBe('active');
            person.status = 'deactivated';
            break;
          case 'reactivate':
            expect(person.status).toBe('deactivated');
            person.status = 'active';
            break;
          case 'removeFromTeam':
            expect(person.member).toBe(true);
            person.member = false;
            break;
          case 'addToTeam':
            expect(person.member).toBe(false);
            expect(['active', 'deactivated']).toContain(person.status);
            expect(role).not.toBe('owner');
            Object.assign(person, { member: true, role });
            break;
          case 'changeRole':
            expect(person.member).toBe(true);
            expect(role).not.toBe('owner');
            if (person.role === role) return; // nothing changed, nothing recorded
            person.role = role;
            break;
        }
        model.audits += 1;
      },
      onRefusal,
    );
    const refusedNow = outcomes.get(this.event)?.refused ?? new Map<string, number>();
    for (const code of ['FORBIDDEN', 'RANK_EXCEEDED', 'SELF_ACTION', 'OWNER_PROTECTED']) {
      if ((refusedNow.get(code) ?? 0) > (refusedBefore.get(code) ?? 0)) {
        expect(may, `can(${this.event}) said yes to a refusal ${code}`).not.toBe(true);
      }
    }
  }
  toString = () =>
    `${this.event}(${this.actor} → ${this.target}${this.focus ? '*' : ''}, ${pick(roles, this.role)})`;
}

class Transfer implements Cmd {
  constructor(
    readonly actor: number,
    readonly target: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = pick(ids(model), this.actor);
    const targetId = pick(ids(model), this.target);
    await attempt(
      'transferOwnership',
      real,
      () =>
        real.as(actorId).transferOwnership({ toAccountId: targetId, previousOwnerRole: 'admin' }),
      () => {
        expect(actorId).toBe(model.ownerId);
        const next = model.people.get(targetId) as Person;
        expect(next.status).toBe('active');
        expect(next.member).toBe(true);
        const previous = model.people.get(actorId) as Person;
        previous.role = 'admin';
        next.role = 'owner';
        model.ownerId = targetId;
        model.audits += 1;
      },
    );
  }
  toString = () => `transferOwnership(${this.actor} → ${this.target})`;
}

class DeleteOwn implements Cmd {
  constructor(readonly actor: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = pick(ids(model), this.actor);
    await attempt(
      'deleteOwnAccount',
      real,
      () => real.as(actorId).deleteOwnAccount(),
      () => {
        expect(actorId).not.toBe(model.ownerId);
        const person = model.people.get(actorId) as Person;
        expect(person.status).toBe('active');
        Object.assign(person, { status: 'gone', member: false, role: null, elsewhere: null });
        model.externalIds.delete(actorId);
        model.audits += 1;
      },
    );
  }
  toString = () => `deleteOwnAccount(${this.actor})`;
}

class DefineRole implements Cmd {
  constructor(
    readonly actor: number,
    readonly name: number,
    readonly rank: number,
    readonly permissions: number,
    readonly focus: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = chooseActor(model, this.actor, this.focus);
    const name = pick(storedNames, this.name);
    const rank = pick(storedRanks, this.rank);
    const permissions = [...pick(storedPermissions, this.permissions)];
    await attempt(
      'defineRole',
      real,
      () => real.as(actorId).defineRole({ name, rank, permissions }),
      (role) => {
        expect(model.stored.has(name), `${name} defined twice`).toBe(false);
        const actorRole = model.people.get(actorId)?.role;
        expect(['owner', 'admin'], 'only owners and admins manage roles').toContain(actorRole);
        expect(rank, 'rule 4: not above one’s rank').toBeLessThanOrEqual(
          rankOfPerson(model, actorId),
        );
        if (permissions.includes('manageOrganization')) expect(actorRole).toBe('owner');
        model.stored.set(name, { id: role.id, rank });
        model.audits += 1;
      },
    );
  }
  toString = () =>
    `defineRole(${this.actor}${this.focus ? '*' : ''}, ${pick(storedNames, this.name)}, ${pick(storedRanks, this.rank)})`;
}

class UpdateOrDeleteRole implements Cmd {
  constructor(
    readonly kind: 'updateRole' | 'deleteRole',
    readonly actor: number,
    readonly name: number,
    readonly rank: number,
    readonly focus: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.stored.size > 0;
  async run(model: Model, real: Real) {
    // When focused: the owner (every stored role is within their reach), on
    // a role someone holds (deleting it must be refused).
    const held = [...model.stored.keys()].filter((n) =>
      [...model.people.values()].some((p) => p.member && p.role === n),
    );
    const name = pick(this.focus && held.length > 0 ? held : [...model.stored.keys()], this.name);
    const actorId = this.focus ? model.ownerId : pick(ids(model), this.actor);
    const role = model.stored.get(name) as { id: string; rank: number };
    const rank = pick(storedRanks, this.rank);
    const api = real.as(actorId);
    const holders = ids(model).filter((id) => {
      const person = model.people.get(id) as Person;
      return person.member && person.role === name;
    });
    const offered = model.tokens.some(
      (t) => t.role === name && model.people.get(t.accountId)?.status === 'pending',
    );
    await attempt<unknown>(
      this.kind,
      real,
      () =>
        this.kind === 'updateRole'
          ? api.updateRole({ roleId: role.id, rank })
          : api.deleteRole({ roleId: role.id }),
      () => {
        const actorRank = rankOfPerson(model, actorId);
        expect(role.rank, 'rule 4: the role was within reach').toBeLessThanOrEqual(actorRank);
        expect(model.people.get(actorId)?.role, 'nobody edits their own role').not.toBe(name);
        if (this.kind === 'updateRole') {
          expect(rank).toBeLessThanOrEqual(actorRank);
          role.rank = rank;
        } else {
          expect(holders, 'a role in use was deleted').toEqual([]);
          expect(offered, 'a role offered by an invitation was deleted').toBe(false);
          model.stored.delete(name);
        }
        model.audits += 1;
      },
    );
  }
  toString = () => `${this.kind}(${this.actor}${this.focus ? '*' : ''}, #${this.name})`;
}

class LinkExternalId implements Cmd {
  constructor(
    readonly actor: number,
    readonly target: number,
    readonly id: number,
    readonly focus: boolean,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = chooseActor(model, this.actor, this.focus);
    const targetId = pick(ids(model), this.target);
    const externalId = pick(externalIdChoices, this.id);
    const holder = [...model.externalIds].find(([, id]) => id === externalId)?.[0];
    const had = model.externalIds.get(targetId);
    await attempt(
      'linkExternalId',
      real,
      () => real.as(actorId).linkExternalId({ accountId: targetId, externalId }),
      (account) => {
        expect(model.people.get(targetId)?.status).not.toBe('gone');
        expect(had === undefined || had === externalId, 'an externalId changed').toBe(true);
        expect(holder === undefined || holder === targetId, 'an externalId twice').toBe(true);
        expect(account.externalId).toBe(externalId);
        if (had === undefined) model.audits += 1;
        model.externalIds.set(targetId, externalId);
      },
      (error) => {
        if (error.code === 'CONFLICT')
          expect(holder !== undefined && holder !== targetId).toBe(true);
        if (error.code === 'INVALID_TRANSITION')
          expect(had !== undefined && had !== externalId).toBe(true);
      },
    );
  }
  toString = () =>
    `linkExternalId(${this.actor} → ${this.target}, ${pick(externalIdChoices, this.id)})`;
}

class FindAccount implements Cmd {
  constructor(
    readonly target: number,
    readonly byEmail: boolean,
    readonly id: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    // By the email of someone (any spelling), or by one of the ids.
    const person = model.people.get(pick(ids(model), this.target)) as Person;
    const externalId = pick(externalIdChoices, this.id);
    const found = await real.roster.findAccount(
      this.byEmail
        ? { orgId: real.orgId, email: `  ${person.email.toUpperCase()}` }
        : { orgId: real.orgId, externalId },
    );
    const expectedId = this.byEmail
      ? [...model.people].find(([, p]) => p.email === person.email && p.status !== 'gone')?.[0]
      : [...model.externalIds].find(([, linked]) => linked === externalId)?.[0];
    expect(found?.actor.accountId).toBe(expectedId);
    if (found !== null && expectedId !== undefined) {
      const p = model.people.get(expectedId) as Person;
      expect(found.status).toBe(p.status);
      expect(found.canAct).toBe(p.status === 'active' && inSomeSpace(p));
    }
  }
  toString = () =>
    `findAccount(${this.byEmail ? `email of ${this.target}` : pick(externalIdChoices, this.id)})`;
}

class History implements Cmd {
  constructor(
    readonly actor: number,
    readonly target: number,
    readonly limit: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const actorId = chooseActor(model, this.actor, true);
    const targetId = pick(ids(model), this.target);
    const api = real.as(actorId);
    const read = async () => {
      const events: { id: string; at: number }[] = [];
      let cursor: string | null = null;
      let total = -1;
      do {
        const page = await api.history({
          accountId: targetId,
          limit: this.limit,
          ...(cursor === null ? {} : { cursor }),
        });
        expect(page.events.length).toBeLessThanOrEqual(this.limit);
        expect(page.account === null).toBe(model.people.get(targetId)?.status === 'gone');
        events.push(...page.events.map((e) => ({ id: e.id, at: e.at.getTime() })));
        total = page.total;
        cursor = page.nextCursor;
      } while (cursor !== null);
      return { events, total };
    };
    await attempt('history', real, read, ({ events, total }) => {
      // Every event once, newest first, as many as the total says.
      expect(events).toHaveLength(total);
      expect(new Set(events.map((e) => e.id)).size).toBe(total);
      for (let i = 1; i < events.length; i += 1) {
        const [a, b] = [events[i - 1], events[i]] as [{ at: number }, { at: number }];
        expect(a.at).toBeGreaterThanOrEqual(b.at);
      }
    });
  }
  toString = () => `history(${this.actor} → ${this.target}, by ${this.limit})`;
}

async function checkInvariants(model: Model, real: Real): Promise<void> {
  const inspect = real.store.inspect();
  const organization = inspect.organization(real.orgId);
  expect(organization?.ownerId).toBe(model.ownerId);
  const accountIds = ids(model);
  const { accounts, memberships } = await real.store.transaction(async (tx) => ({
    accounts: await tx.accounts.getMany(real.orgId, accountIds),
    memberships: await tx.memberships.listByAccounts(real.orgId, accountIds),
  }));
  // The model and the store agree on every person.
  for (const [id, person] of model.people) {
    const account = accounts.find((a) => a.id === id);
    expect(account?.status ?? 'gone', id).toBe(person.status);
    const membership = memberships.find(
      (m) => m.accountId === id && m.spaceId === real.defaultSpaceId,
    );
    expect(membership?.state === 'member', id).toBe(person.member);
  }
  // One active owner, a member of the default space with the owner role, and only them.
  const owner = accounts.find((a) => a.id === model.ownerId);
  expect(owner?.status).toBe('active');
  const owners = memberships.filter((m) => m.state === 'member' && m.role === 'owner');
  expect(owners.map((m) => m.accountId)).toEqual([model.ownerId]);
  // No duplicate email.
  const emails = accounts.map((a) => a.email);
  expect(new Set(emails).size).toBe(emails.length);
  // No membership of a deleted account; no pending account with any membership.
  for (const membership of memberships) {
    const account = accounts.find((a) => a.id === membership.accountId);
    expect(account, `membership of a deleted account ${membership.accountId}`).toBeDefined();
    expect(account?.status).not.toBe('pending');
  }
  // Every role held is a preset or a stored role of the organization, as the model has them.
  const stored = await real.store.transaction((tx) => tx.roles.listByOrganization(real.orgId));
  expect(Object.fromEntries(stored.map((r) => [r.name, r.rank]))).toEqual(
    Object.fromEntries([...model.stored].map(([name, r]) => [name, r.rank])),
  );
  for (const membership of memberships.filter((m) => m.state === 'member')) {
    expect(rankOf(model, membership.role), `held role ${membership.role}`).toBeGreaterThanOrEqual(
      0,
    );
  }
  // The plan's seats hold.
  const { members, pending } = seats(model);
  expect(members + pending).toBeLessThanOrEqual(cap.members);
  expect(pending).toBeLessThanOrEqual(cap.pendingInvitations);
  // The host's ids are the model's, each on one account.
  for (const account of accounts) {
    expect(account.externalId, account.id).toBe(model.externalIds.get(account.id) ?? null);
  }
  // An audit event for every successful command, none for a refused one.
  expect(inspect.auditEvents(real.orgId).length).toBe(model.audits);
}

const lifecycle = (event: Lifecycle['event']) =>
  fc
    .tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean())
    .map(([a, t, r, focus]) => new Lifecycle(event, a, t, r, focus));

// Weighted so that sequences reach deep states (removed then re-added,
// deactivated then reactivated) instead of everyone deleting themselves.
const commands = [
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.nat(), fc.nat(inviteEmails.length - 1), fc.nat(), fc.boolean())
        .map(([a, e, r, focus]) => new Invite(a, e, r, focus)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(), fc.nat(inviteEmails.length - 1), fc.nat(), fc.nat(), fc.boolean())
        .map(([a, e, r, s, restricted]) => new Invite(a, e, r, true, s, restricted)),
    },
    { weight: 2, arbitrary: fc.nat().map((w) => new Decline(w)) },
    { weight: 1, arbitrary: fc.nat().map((a) => new ListInvitations(a)) },
    { weight: 1, arbitrary: fc.nat().map((a) => new CreateSpace(a)) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.nat(), fc.nat()).map(([a, w]) => new DeleteSpace(a, w)),
    },
    { weight: 4, arbitrary: fc.nat().map((w) => new Accept(w)) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([a, w, f]) => new Revoke(a, w, f)),
    },
    { weight: 3, arbitrary: lifecycle('deactivate') },
    { weight: 3, arbitrary: lifecycle('reactivate') },
    { weight: 3, arbitrary: lifecycle('removeFromTeam') },
    { weight: 4, arbitrary: lifecycle('addToTeam') },
    { weight: 3, arbitrary: lifecycle('changeRole') },
    { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.nat()).map(([a, t]) => new Transfer(a, t)) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 6 }).map((days) => new Wait(days)) },
    { weight: 1, arbitrary: fc.nat().map((a) => new DeleteOwn(a)) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.boolean())
        .map(([a, n, r, p, focus]) => new DefineRole(a, n, r, p, focus)),
    },
    ...(['updateRole', 'deleteRole'] as const).map((kind) => ({
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean())
        .map(([a, n, r, focus]) => new UpdateOrDeleteRole(kind, a, n, r, focus)),
    })),
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean())
        .map(([a, t, i, focus]) => new LinkExternalId(a, t, i, focus)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat(), fc.boolean(), fc.nat())
        .map(([t, e, i]) => new FindAccount(t, e, i)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 3 }))
        .map(([a, t, l]) => new History(a, t, l)),
    },
  ) as fc.Arbitrary<Cmd>,
];

it('keeps every invariant through 800 random command sequences', async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (cmds) => {
      const world = await newWorld({ seatLimits });
      const model: Model = {
        ownerId: world.people[0]?.id ?? '',
        people: new Map(
          world.people.map((account, index) => [
            account.id,
            {
              status: 'active',
              email: account.email,
              member: true,
              role: index === 0 ? 'owner' : index === 1 ? 'admin' : 'staff',
            },
          ]),
        ),
        tokens: [],
        spaces: [],
        defaultSpaceId: world.defaultSpaceId,
        invitationIds: new Map(),
        stored: new Map(),
        externalIds: new Map(),
        now: world.clock.now().getTime(),
        audits: world.store.inspect().auditEvents(world.orgId).length,
      };
      await fc.asyncModelRun(
        () => ({ model, real: world }),
        [...cmds].flatMap((cmd) => [
          cmd,
          {
            check: () => true,
            run: (m: Model, r: Real) => checkInvariants(m, r),
            toString: () => 'invariants',
          } satisfies Cmd,
        ]),
      );
    }),
    { numRuns: 800 },
  );
  if (process.env.ROSTERKIT_MODEL_STATS)
    console.log(
      JSON.stringify([...outcomes].map(([k, v]) => [k, v.ok, Object.fromEntries(v.refused)])),
    );
  // The sequences reached both outcomes of every command: the test is not
  // passing by refusing everything.
  for (const name of [
    'invite',
    'acceptInvitation',
    'revokeInvitation',
    'deactivate',
    'reactivate',
    'removeFromTeam',
    'addToTeam',
    'changeRole',
    'transferOwnership',
    'deleteOwnAccount',
    'declineInvitation',
    'createSpace',
    'deleteSpace',
    'defineRole',
    'updateRole',
    'deleteRole',
    'linkExternalId',
  ]) {
    const tally = outcomes.get(name);
    expect(tally?.ok, `${name} never succeeded`).toBeGreaterThan(0);
    expect(tally?.refused.size, `${name} was never refused`).toBeGreaterThan(0);
  }
  const refusals = new Set([...outcomes.values()].flatMap((tally) => [...tally.refused.keys()]));
  for (const code of [
    'FORBIDDEN',
    'SELF_ACTION',
    'OWNER_PROTECTED',
    'INVALID_TRANSITION',
    'ACCOUNT_EXISTS',
    'INVALID_INPUT',
    'ROLE_EXISTS',
    'RANK_EXCEEDED',
    'SEAT_LIMIT',
    'ACTOR_INACTIVE',
    'CONFLICT',
  ]) {
    expect(refusals, `no command was refused with ${code}`).toContain(code);
  }
});
