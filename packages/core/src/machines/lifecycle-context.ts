import { checkDirectReports, type ReportReassignment } from '../rules/direct-reports.js';
import { checkOwnerProtection } from '../rules/owner-protection.js';
import { checkProfileComplete, type ProfileSnapshot } from '../rules/profile-completeness.js';
import type { Guard } from './machine.js';

/**
 * What the lifecycle guards read: the facts about the account an event is
 * about, loaded by the caller. Optional facts default to "nothing to check"
 * (no required fields, no direct reports).
 */
export interface LifecycleContext {
  /** The account the event is about. */
  readonly accountId: string;
  /** The organization's owner. */
  readonly ownerId: string;
  /** Who acts, when someone does: the owner manages their own memberships beyond the default space (rule 1). */
  readonly actorId?: string;
  /** The space of a membership event. */
  readonly spaceId?: string;
  /** The organization's default space, where the owner's membership is fixed. */
  readonly defaultSpaceId?: string;
  /** The account's names and profile fields, for the `profileComplete` guard. */
  readonly person?: ProfileSnapshot;
  /** The fields the host requires before deactivation or reactivation (DESIGN rule 9). */
  readonly requiredProfileFields?: readonly string[];
  /** The account's direct reports, for the `reportsReassigned` guard. */
  readonly directReportIds?: readonly string[];
  /** Where those reports go, when the command moves them too. */
  readonly reassignment?: ReportReassignment | undefined;
}

/** The guards both lifecycle machines use, each one of DESIGN §4's rules. */
export const lifecycleGuards = {
  /** Rule 1: the owner is never deactivated, removed or deleted (the owner may leave a space other than the default one). */
  notOwner: ((context, event) =>
    checkOwnerProtection({
      accountId: context.accountId,
      ownerId: context.ownerId,
      action: event,
      ...(context.actorId === undefined ? {} : { actorId: context.actorId }),
      ...(context.spaceId === undefined ? {} : { spaceId: context.spaceId }),
      ...(context.defaultSpaceId === undefined ? {} : { defaultSpaceId: context.defaultSpaceId }),
    })) as Guard<LifecycleContext>,
  /** Rule 9: required profile fields are filled in. */
  profileComplete: ((context) =>
    checkProfileComplete({
      accountId: context.accountId,
      person: context.person ?? {},
      requiredFields: context.requiredProfileFields ?? [],
    })) as Guard<LifecycleContext>,
  /** Rule 7: every direct report has a new manager. */
  reportsReassigned: ((context) =>
    checkDirectReports({
      managerId: context.accountId,
      directReportIds: context.directReportIds ?? [],
      reassignment: context.reassignment,
    })) as Guard<LifecycleContext>,
} as const;
