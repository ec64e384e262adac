/**
 * The engine's transcendental functions in plain IEEE arithmetic — ports of fdlibm (FreeBSD msun) —
 * so a trajectory has the same bits in every browser and in Node. `Math.sin`, `Math.pow` and the
 * like are only required to be approximately right, and engines differ in the last bit. The
 * engine uses these; `Math.sqrt`, `abs`, `floor`, `min`, `max` are exact and stay.
 */
export { exp, expm1 } from './exp.ts';
export { cosh, sinh, tanh } from './hyperbolic.ts';
export { hypot } from './hypot.ts';
export { acos, asin, atan } from './inverseTrig.ts';
export { ln } from './log.ts';
export { pow } from './pow.ts';
export { tableTanh } from './tableTanh.ts';
export { cos, sin, tan } from './trig.ts';
