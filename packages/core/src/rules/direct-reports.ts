import { z } from 'zod';
import { RosterError } from '../errors/roster-error.js';
import { defineModel, type Model } from '../model/define-model.js';
import { Id } from '../model/primitives.js';
import type { Assert, Equals } from '../model/type-equals.js';

const schema = z.union([
  z.strictObject({ to: Id.schema }),
  z.strictObject({ each: z.record(Id.schema, Id.schema) }),
]);

/**
 * How a leaving manager's direct reports move (DESIGN rule 7): all to one new
 * manager (`{ to }`), or each to its own (`{ each: { reportId: newManagerId } }`).
 */
export const ReportReassignment: Model<ReportReassignment, ReportReassignment> = defineModel(
  'report reassignment',
  schema,
);
/** How a leaving manager's direct reports move. See {@link ReportReassignment}. */
export type ReportReassignment =
  | {
      /** Every report moves to this manager. */
      to: string;
    }
  | {
      /** Each report (key) moves to its own new manager (value). */
      each: Record<string, string>;
    };

type _ReportReassignmentMatchesSchema = Assert<Equals<z.output<typeof schema>, ReportReassignment>>;

/** One report moving to a new manager. */
export interface ReportMove {
  /** The report. */
  readonly reportId: string;
  /** Their new manager. */
  readonly managerId: string;
}

/**
 * Turns a reassignment into one move per direct report, or says why it does
 * not cover them. Pure: whether the new managers exist and are active is the
 * caller's check.
 *
 * @returns the moves, in the order of `directReportIds`; or `HAS_DIRECT_REPORTS`
 * listing the reports left without a new manager; or `INVALID_INPUT` when a
 * report would be given to the leaving manager, to itself, or an entry names
 * someone who is not a direct report.
 *
 * @example
 * ```ts
 * planReassignment({ managerId: 'lead', directReportIds: ['a', 'b'], reassignment: { to: 'lead2' } });
 * // { ok: true, moves: [{ reportId: 'a', managerId: 'lead2' }, { reportId: 'b', managerId: 'lead2' }] }
 * ```
 */
export function planReassignment(input: {
  readonly managerId: string;
  readonly directReportIds: readonly string[];
  readonly reassignment?: ReportReassignment | undefined;
}):
  | { readonly ok: true; readonly moves: readonly ReportMove[] }
  | { readonly ok: false; readonly error: RosterError<'HAS_DIRECT_REPORTS' | 'INVALID_INPUT'> } {
  const { managerId, directReportIds, reassignment } = input;
  const target = (reportId: string) => newManagerOf(reassignment, reportId);

  if (reassignment !== undefined && 'each' in reassignment) {
    const strangers = Object.keys(reassignment.each).filter((id) => !directReportIds.includes(id));
    if (strangers.length > 0) {
      return invalid(
        ['reassignment', 'each', strangers[0] as string],
        'is not a direct report of this manager',
      );
    }
  }
  const moves: ReportMove[] = [];
  const left: string[] = [];
  for (const reportId of directReportIds) {
    const next = target(reportId);
    if (next === undefined) {
      left.push(reportId);
    } else if (next === managerId) {
      return invalid(
        pathFor(reassignment, reportId),
        'cannot be reassigned to the manager who is leaving',
      );
    } else if (next === reportId) {
      return invalid(pathFor(reassignment, reportId), 'cannot become their own manager');
    } else {
      moves.push({ reportId, managerId: next });
    }
  }
  if (left.length > 0) {
    return {
      ok: false,
      error: new RosterError(
        'HAS_DIRECT_REPORTS',
        `This manager still has ${left.length} direct report${left.length === 1 ? '' : 's'} without a new manager. Reassign them all to one person, or each to its own, first or in the same command.`,
        { managerId, reportIds: left },
      ),
    };
  }
  return { ok: true, moves };
}

/**
 * Refuses deactivating or removing a manager whose direct reports are not all
 * reassigned (DESIGN rule 7).
 *
 * @returns the error of {@link planReassignment}, or `undefined` when every report moves.
 *
 * @example
 * ```ts
 * checkDirectReports({ managerId: 'lead', directReportIds: ['a'] }); // HAS_DIRECT_REPORTS, reportIds ['a']
 * ```
 */
export function checkDirectReports(input: {
  readonly managerId: string;
  readonly directReportIds: readonly string[];
  readonly reassignment?: ReportReassignment | undefined;
}): RosterError<'HAS_DIRECT_REPORTS' | 'INVALID_INPUT'> | undefined {
  const plan = planReassignment(input);
  return plan.ok ? undefined : plan.error;
}

/**
 * The new manager a reassignment gives one report, if any. It checks nothing:
 * {@link planReassignment} says whether the reassignment holds.
 * @internal
 */
export function newManagerOf(
  reassignment: ReportReassignment | undefined,
  reportId: string,
): string | undefined {
  if (reassignment === undefined) return undefined;
  if ('to' in reassignment) return reassignment.to;
  return Object.hasOwn(reassignment.each, reportId) ? reassignment.each[reportId] : undefined;
}

function pathFor(reassignment: ReportReassignment | undefined, reportId: string): string[] {
  return reassignment !== undefined && 'each' in reassignment
    ? ['reassignment', 'each', reportId]
    : ['reassignment', 'to'];
}

function invalid(
  path: string[],
  message: string,
): { ok: false; error: RosterError<'INVALID_INPUT'> } {
  const subject = path.at(-1) === 'to' ? 'The new manager' : `Report ${path.at(-1)}`;
  return {
    ok: false,
    error: new RosterError('INVALID_INPUT', `Invalid reassignment: ${subject} ${message}.`, {
      issues: [{ path, message }],
    }),
  };
}
