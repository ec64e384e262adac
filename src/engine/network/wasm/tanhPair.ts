import { tanhParts } from '../../math/tableTanh.ts';
import type { Code } from '../../wasm/code.ts';

/** The temporaries `emitTanh` needs, by name. */
export const TANH_TEMPS = [
  'a',
  'z',
  'z2',
  'p',
  'ys',
  'i',
  'd',
  's',
  't',
  'v0',
  'v1',
  'hi',
  'lo',
  'r',
  'neg',
] as const;

/** The v128 locals `emitTanh` uses: its input x, and each temporary's. */
export interface TanhLocals {
  readonly x: number;
  readonly temps: Readonly<Record<(typeof TANH_TEMPS)[number], number>>;
}

/** 2^52: below it, an integer i + 2^52 holds i in its significand's low bits. */
export const TWO52 = 4503599627370496;

/** Byte shuffles of two table loads (HI, LO of lane 0; HI, LO of lane 1): the HIs, the LOs. */
const HIS = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const LOS = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

/**
 * Pushes tableTanh of both lanes of local x, the same bits as tableTanh.ts lane by lane: every
 * branch's value is computed in both lanes and the lane's own branch picked by a mask, each value
 * by the same operations in the same order as there (f64x2 arithmetic is IEEE per lane, and
 * a·b = b·a exactly, so only the order of additions and of the factors' grouping matters). The
 * table (HI, LO interleaved, 16 bytes an entry) sits at `table`. floor is ToInt32 (`| 0`) for
 * these positive values below 2^31. Where a lane may lie outside the table's range (NaN, ±∞ and
 * past BIG), its a·64 + 0.5 is clamped to SIZE − 1 first, so its loads stay in the table and are
 * then discarded; inside the range the clamp changes nothing: a·64 + 0.5 < BIG·64 + 0.5, and
 * anything in (SIZE − 1, that) floors to SIZE − 1 either way.
 */
export function emitTanh(c: Code, { x, temps }: TanhLocals, table: number): Code {
  const { a, z, z2, p, ys, i, d, s, t, v0, v1, hi, lo, r, neg } = temps;
  const { STEPS, BIG, SIZE, TINY, C } = tanhParts();
  const [c1, c2, c3, c4, c5, c6, c7] = C;
  c.get(x).abs().set(a);
  // x's sign bit alone: r·sign is r XOR it, and ±1 is 1 OR it.
  c.get(x).k(-0).and().set(neg);
  /** Sets r: the table's result with x's sign; `clamp` for lanes that may be outside it. */
  const fromTable = (clamp: boolean) => {
    // i = (a·64 + 0.5) | 0 by floor (a·64 + 0.5 is exact below BIG), d = a − i·(1/64),
    // t = d + d·s·(C1 + s·(C2 + s·C3)).
    c.get(a).k(STEPS).mul().k(0.5).add();
    if (clamp)
      c.set(i)
        .k(SIZE - 1)
        .get(i)
        .pmin();
    c.floor().set(i);
    c.get(a)
      .get(i)
      .k(1 / STEPS)
      .mul()
      .sub()
      .set(d);
    c.get(d).get(d).mul().set(s);
    c.get(d).get(d).get(s).mul();
    c.k(c1).get(s).k(c2).get(s).k(c3).mul().add().mul().add();
    c.mul().add().set(t);
    // The entries' addresses: i + 2^52 (exact) has i in the low 32 bits of each lane.
    c.get(i).k(TWO52).add().set(v1);
    c.get(v1).i32x4Lane(0).i32(4).i32Shl().load(table).set(v0);
    c.get(v1).i32x4Lane(2).i32(4).i32Shl().load(table).set(v1);
    c.get(v0).get(v1).shuffle(HIS).set(hi);
    c.get(v0).get(v1).shuffle(LOS).set(lo);
    // r = T + (LO + t·(1 − T·T) / (1 + T·t)), negated for x < 0.
    c.get(hi).get(lo).get(t).k(1).get(hi).get(hi).mul().sub().mul();
    c.k(1).get(hi).get(t).mul().add().div().add().add().get(neg).xor().set(r);
  };
  // Both lanes in the table's range, as most pre-activations are: r alone. A branch on the pair,
  // not on the lanes: either side computes each lane's own branch of tableTanh.
  c.get(a).k(0.125).ge().get(a).k(BIG).lt().and().allTrue().ifV128();
  fromTable(false);
  c.get(r).otherwise();
  // |x| < 1/8: x + x·(z·p), p = C1 + C2·z + z2·(C3 + C4·z) + z2·z2·(C5 + C6·z + z2·C7).
  c.get(x).get(x).mul().set(z);
  c.get(z).get(z).mul().set(z2);
  c.k(c1).k(c2).get(z).mul().add();
  c.get(z2).k(c3).k(c4).get(z).mul().add().mul().add();
  c.get(z2).get(z2).mul();
  c.k(c5).k(c6).get(z).mul().add().get(z2).k(c7).mul().add();
  c.mul().add().set(p);
  c.get(x).get(x).get(z).get(p).mul().mul().add().set(ys);
  // Below 2^-27 (±0 and subnormals too): x itself.
  c.get(x).get(ys).get(a).k(TINY).lt().bitselect().set(ys);
  fromTable(true);
  // The result: the series below 1/8, r below BIG, ±1 from BIG on, NaN as itself.
  c.get(ys).get(r);
  c.k(1).get(neg).or();
  c.get(x).get(a).get(a).eq().bitselect();
  c.get(a).k(BIG).lt().bitselect();
  c.get(a).k(0.125).lt().bitselect();
  return c.end();
}
