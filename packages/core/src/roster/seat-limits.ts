/**
 * The seats a plan allows (DESIGN §8: plans may cap seats). A cap that is
 * absent is no cap. Seats are counted by the store, in the command's
 * transaction, and the count holds until it commits
 * (`OrganizationRepository.countSeats`), so racing requests on several
 * servers never take more seats than the cap.
 *
 * Lowering a plan's caps (or moving an organization to a smaller plan)
 * removes nobody: the seats taken stay taken, and commands that would take
 * another are refused (`SEAT_LIMIT`) until enough are freed.
 *
 * @example
 * ```ts
 * const seatLimits: SeatLimitsByPlan = {
 *   free: { members: 5, pendingInvitations: 5 },
 *   team: { members: 50 },
 *   // plans not listed (enterprise) are not capped
 * };
 * ```
 */
export interface SeatLimits {
  /**
   * The people who hold a seat: active accounts that are a current member of
   * at least one space, plus pending invitations (an invitation holds the
   * seat its invitee takes on accepting, so an invitation that could never
   * be accepted is refused up front). `invite` and bulk import need a free
   * seat for each invitation; `addToTeam` (of an account that is a member of
   * no space) and `reactivate` or a bulk update's reactivation (of an
   * account still a member of a space) for the member; `acceptInvitation` only that the active members stay within
   * the cap (the invitation already held its seat).
   */
  readonly members?: number;
  /** Pending invitations (expired ones too, until revoked), checked by `invite` and bulk import. */
  readonly pendingInvitations?: number;
}

/** The seat caps of each plan, by the plan's name (`Organization.plan`); plans not listed are not capped. */
export type SeatLimitsByPlan = Readonly<Record<string, SeatLimits>>;

/** Checks the caps once, at `createRoster`. @internal */
export function seatLimitsOf(limits: SeatLimitsByPlan | undefined): SeatLimitsByPlan {
  const checked: Record<string, SeatLimits> = {};
  for (const [plan, caps] of Object.entries(limits ?? {})) {
    for (const [name, value] of Object.entries(caps ?? {})) {
      if (name !== 'members' && name !== 'pendingInvitations') {
        throw new TypeError(
          `createRoster: seatLimits.${plan} takes members and pendingInvitations, not ${name}`,
        );
      }
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        throw new TypeError(
          `createRoster: seatLimits.${plan}.${name} must be an integer of 0 or more`,
        );
      }
    }
    checked[plan] = { ...caps };
  }
  return checked;
}
