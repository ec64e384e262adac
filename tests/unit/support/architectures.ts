import fc from 'fast-check';
import { MAX_UNITS, type Architecture } from '../../../src/engine/network/architecture.ts';

/** Any network a scene may have: 1–3 hidden layers of 1 to `maxUnits`, either activation and head. */
export const anyArchitecture = (maxUnits = MAX_UNITS): fc.Arbitrary<Architecture> =>
  fc.record({
    hidden: fc.array(fc.integer({ min: 1, max: maxUnits }), { minLength: 1, maxLength: 3 }),
    activation: fc.constantFrom('tanh' as const, 'relu' as const),
    head: fc.constantFrom('regression' as const, 'classification' as const),
  });
