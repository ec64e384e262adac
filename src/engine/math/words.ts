/**
 * The 32-bit halves of a double, as fdlibm's GET_HIGH_WORD / INSERT_WORDS macros read and write
 * them. One shared scratch view: every function writes it before it reads it, so it carries nothing
 * from one call to the next.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the high (sign/exponent) word of a double on this machine.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The sign, exponent and top 20 fraction bits of x, as a signed 32-bit integer. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI]! | 0;
}

/** The low 32 fraction bits of x, as an unsigned integer. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO]!;
}

/** The double whose halves are `hi` and `lo`. */
export function fromWords(hi: number, lo: number): number {
  u32[HI] = hi >>> 0;
  u32[LO] = lo >>> 0;
  return f64[0]!;
}

/** x with its high word replaced. */
export function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi >>> 0;
  return f64[0]!;
}

/** x with its low word replaced (`withLowWord(x, 0)` keeps the top 21 bits of the fraction). */
export function withLowWord(x: number, lo: number): number {
  f64[0] = x;
  u32[LO] = lo >>> 0;
  return f64[0]!;
}

const TWO_1023 = fromWords(0x7fe00000, 0);
const TWO_M969 = fromWords(0x03600000, 0); // 2^-1022 · 2^53

/** x·2^n with one rounding (musl's scalbn): no double rounding into the subnormal range. */
export function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= TWO_1023;
    n -= 1023;
    if (n > 1023) {
      y *= TWO_1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    y *= TWO_M969;
    n += 1022 - 53;
    if (n < -1022) {
      y *= TWO_M969;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}
