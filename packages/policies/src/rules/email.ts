import type { Rules } from './builder.js';
import { ruleReasons } from './reasons.js';

/** An account's email is its identity: no profile edit changes it. */
export function emailRules({ cannot }: Rules): void {
  cannot('updateProfile', 'Account', ['email']).because(ruleReasons.email);
}
