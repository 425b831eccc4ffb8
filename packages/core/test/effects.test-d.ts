import { describe, expectTypeOf, it } from 'vitest';
import type { AccountEffect, MembershipEffect } from '../src/index.js';
import { effectHandlers } from '../src/roster/effects/effect-handlers.js';
import type { EffectHandler, EffectHandlers } from '../src/roster/effects/effect-scope.js';

// DESIGN §8: each effect of the machines runs through one typed handler, so a
// table that gains an effect does not compile until it has one.

describe('the effect handlers map', () => {
  it('is keyed by exactly the effects of both machines', () => {
    expectTypeOf<keyof EffectHandlers>().toEqualTypeOf<AccountEffect | MembershipEffect>();
    expectTypeOf(effectHandlers).toEqualTypeOf<EffectHandlers>();
    expectTypeOf(effectHandlers.clearGroups).toEqualTypeOf<EffectHandler>();
  });

  it('does not compile without the handler of an effect', () => {
    const { clearGroups: _clearGroups, ...withoutClearGroups } = effectHandlers;
    // @ts-expect-error clearGroups, an effect of both tables, has no handler
    const missing: EffectHandlers = withoutClearGroups;
    const { erasePersonalData: _erase, ...withoutErase } = effectHandlers;
    // @ts-expect-error erasePersonalData, an effect of the account table, has no handler
    const alsoMissing: EffectHandlers = withoutErase;
    expectTypeOf([missing, alsoMissing]).toBeArray();
  });

  it('does not compile with a handler for an effect no table names', () => {
    const extra: EffectHandlers = {
      ...effectHandlers,
      // @ts-expect-error no table has an effect named sendFlowers
      sendFlowers: () => undefined,
    };
    expectTypeOf(extra).toEqualTypeOf<EffectHandlers>();
  });
});
