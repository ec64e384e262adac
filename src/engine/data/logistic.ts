import { exp, ln } from '../math/index.ts';

/** ln(1 + e) for e in [0, 1], accurate where 1 + e rounds (the correction of Goldberg's log1p). */
function log1pSmall(e: number): number {
  const u = 1 + e;
  return u === 1 ? e : ln(u) - (u - 1 - e) / u;
}

/** The log-loss of logit z against label t ∈ {0, 1}, computed stably (torch's BCEWithLogits). */
export const logLoss = (z: number, t: number): number =>
  Math.max(z, 0) - z * t + log1pSmall(exp(-Math.abs(z)));

/** σ(z) = 1 / (1 + e^−z), without overflow for either sign. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  const e = exp(z);
  return e / (1 + e);
}
