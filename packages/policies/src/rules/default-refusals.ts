import type { RosterAction } from '@rosterkit/core';
import type { ActorFacts } from './actor-facts.js';
import type { Rules } from './builder.js';
import { defaultReasons, ruleReasons } from './reasons.js';

// One refusal per reason, listing its actions, computed once.
const byReason: ReadonlyMap<string, RosterAction[]> = (() => {
  const grouped = new Map<string, RosterAction[]>();
  for (const [action, reason] of Object.entries(defaultReasons) as [RosterAction, string][]) {
    grouped.set(reason, [...(grouped.get(reason) ?? []), action]);
  }
  return grouped;
})();

/**
 * The lowest rules: a refusal per action, so a request nothing allows is
 * refused with the reason of its action, and the profile fields nobody may
 * change unless a later rule names them.
 */
export function defaultRefusals({ cannot }: Rules, { me, holdings }: ActorFacts): void {
  for (const [reason, actions] of byReason) cannot([...actions], 'all').because(reason);
  if (holdings.some((h) => h.role.permissions.includes('manageUsers'))) {
    cannot('updateProfile', 'Account', { id: { $ne: me } }).because(ruleReasons.othersField);
  }
  cannot('updateProfile', 'Account', { id: me }).because(ruleReasons.ownField);
}
