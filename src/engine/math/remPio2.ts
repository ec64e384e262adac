import { fromWords, highWord, lowWord, scalbn } from './words.ts';

/*
 * Argument reduction x → n·π/2 + (y0 + y1), |y0 + y1| ≤ π/4: a port of FreeBSD msun's
 * e_rem_pio2.c (Cody–Waite with three pieces of π/2 below 2^20·π/2) and k_rem_pio2.c (Payne–Hanek
 * with 1,584 bits of 2/π above it), so sin(1e300) is right and the same everywhere.
 */

const invpio2 = 6.36619772367581382433e-1;
const pio2_1 = 1.57079632673412561417;
const pio2_1t = 6.07710050650619224932e-11;
const pio2_2 = 6.0771005063039659766e-11;
const pio2_2t = 2.02226624879595063154e-21;
const pio2_3 = 2.0222662487111664558e-21;
const pio2_3t = 8.47842766036889956997e-32;
const two24 = 1.6777216e7;
const twon24 = 5.9604644775390625e-8;
const toInt = 6755399441055744; // 0x1.8p52: adding it rounds to an integer

/** 2/π in 24-bit pieces: ipio2[i] · 2^(−24(i+1)). */
// prettier-ignore
const ipio2 = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163,
  0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129,
  0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c,
  0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf,
  0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292,
  0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3,
  0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca,
  0x73a8c9, 0x60e27b, 0xc08c6b,
];

/** π/2 in pieces of 24 bits. */
// prettier-ignore
const PIo2 = [
  1.57079625129699707031e0, 7.54978941586159635335e-8, 5.39030252995776476554e-15,
  3.28200341580791294123e-22, 1.27065575308067607349e-29, 1.22933308981111328932e-36,
  2.73370053816464559624e-44, 2.16741683877804819444e-51,
];

// Scratch arrays of the reduction: written before they are read on every call.
const tx = new Float64Array(3);
const ty = new Float64Array(2);
const iq = new Int32Array(20);
const f = new Float64Array(20);
const q = new Float64Array(20);
const fq = new Float64Array(20);

/** Payne–Hanek (k_rem_pio2.c with prec = 1): x = Σ xs[i]·2^(e0−24i); returns n mod 8. */
function kernelRemPio2(xs: Float64Array, y: Float64Array, e0: number, nx: number): number {
  const jk = 4;
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : ipio2[j]!;
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (j = 0; j <= jx; j++) fw += xs[j]! * f[jx + i - j]!;
    q[i] = fw;
  }

  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) {
    // Distill q[] into iq[] in reverse.
    let i = 0;
    z = q[jz]!;
    for (j = jz; j > 0; i++, j--) {
      const fw = (twon24 * z) | 0;
      iq[i] = (z - two24 * fw) | 0;
      z = q[j - 1]! + fw;
    }
    z = scalbn(z, q0);
    z -= 8 * Math.floor(z * 0.125); // trim off integers ≥ 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      i = iq[jz - 1]! >> (24 - q0);
      n += i;
      iq[jz - 1] = iq[jz - 1]! - (i << (24 - q0));
      ih = iq[jz - 1]! >> (23 - q0);
    } else if (q0 === 0) ih = iq[jz - 1]! >> 23;
    else if (z >= 0.5) ih = 2;

    if (ih > 0) {
      // q > 0.5: use 1 − q.
      n += 1;
      let carry = 0;
      for (i = 0; i < jz; i++) {
        j = iq[i]!;
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - j;
          }
        } else iq[i] = 0xffffff - j;
      }
      if (q0 === 1) iq[jz - 1] = iq[jz - 1]! & 0x7fffff;
      else if (q0 === 2) iq[jz - 1] = iq[jz - 1]! & 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }

    // Recompute with more bits of 2/π when every bit so far cancelled.
    if (z !== 0) break;
    j = 0;
    for (i = jz - 1; i >= jk; i--) j |= iq[i]!;
    if (j !== 0) break;
    let k = 1;
    while (iq[jk - k] === 0) k++;
    for (i = jz + 1; i <= jz + k; i++) {
      f[jx + i] = ipio2[jv + i]!;
      let fw = 0;
      for (j = 0; j <= jx; j++) fw += xs[j]! * f[jx + i - j]!;
      q[i] = fw;
    }
    jz += k;
  }

  // Chop off zero terms, or break z into 24-bit pieces.
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = scalbn(z, -q0);
    if (z >= two24) {
      const fw = (twon24 * z) | 0;
      iq[jz] = (z - two24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else iq[jz] = z | 0;
  }

  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i]!;
    fw *= twon24;
  }
  for (let i = jz; i >= 0; i--) {
    fw = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIo2[k]! * q[i + k]!;
    fq[jz - i] = fw;
  }
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += fq[i]!;
  y[0] = ih === 0 ? fw : -fw;
  fw = fq[0]! - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i]!;
  y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}

/** y0 + y1 = x − n·π/2 for finite |x| > π/4, written to y; returns n (mod 8 for huge x). */
export function remPio2(x: number, y: Float64Array): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x400f6a7a) {
    // |x| ≲ 5π/4: one or two multiples, unless x is near π/2 or π (cancellation: medium case).
    const k = ix <= 0x4002d97c ? 1 : 2;
    if ((ix & 0xfffff) !== 0x921fb) return small(x, y, hx > 0 ? k : -k);
  } else if (ix <= 0x401c463b) {
    // |x| ≲ 9π/4: three or four, unless x is near 3π/2 or 2π.
    const k = ix <= 0x4015fdbc ? 3 : 4;
    if (ix !== 0x4012d97c && ix !== 0x401921fb) return small(x, y, hx > 0 ? k : -k);
  }
  if (ix < 0x413921fb) {
    // |x| < 2^20·π/2: medium size.
    const fn = x * invpio2 + toInt - toInt;
    const n = fn | 0;
    let r = x - fn * pio2_1;
    let w = fn * pio2_1t; // first round, good to 85 bits
    const j = ix >> 20;
    y[0] = r - w;
    let i = j - ((highWord(y[0]) >> 20) & 0x7ff);
    if (i > 16) {
      // Second round, good to 118 bits.
      let t = r;
      w = fn * pio2_2;
      r = t - w;
      w = fn * pio2_2t - (t - r - w);
      y[0] = r - w;
      i = j - ((highWord(y[0]) >> 20) & 0x7ff);
      if (i > 49) {
        // Third round, 151 bits: covers every case.
        t = r;
        w = fn * pio2_3;
        r = t - w;
        w = fn * pio2_3t - (t - r - w);
        y[0] = r - w;
      }
    }
    y[1] = r - y[0] - w;
    return n;
  }
  if (ix >= 0x7ff00000) {
    y[0] = y[1] = x - x;
    return 0;
  }
  // z = scalbn(|x|, ilogb(x) − 23), cut into three 24-bit pieces.
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0;
    z = (z - tx[i]!) * two24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--;
  const n = kernelRemPio2(tx, ty, e0, nx);
  if (hx < 0) {
    y[0] = -ty[0]!;
    y[1] = -ty[1]!;
    return -n;
  }
  y[0] = ty[0]!;
  y[1] = ty[1]!;
  return n;
}

/** x − k·π/2 for k = ±1 … ±4, where one subtraction of π/2's first 33 bits is exact. */
function small(x: number, y: Float64Array, k: number): number {
  const z = x - k * pio2_1;
  y[0] = z - k * pio2_1t;
  y[1] = z - y[0] - k * pio2_1t;
  return k;
}
