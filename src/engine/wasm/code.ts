/**
 * A function body in the WebAssembly binary format, written instruction by instruction: only what
 * the engine's kernels use. Opcodes from the core specification and its fixed-width SIMD
 * proposal (WebAssembly/spec, proposals/simd/BinarySIMD.md, the final numbering). Deliberately no
 * relaxed-SIMD: its fused multiply-add would round once where the JS loops round twice.
 */

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function u32(out: number[], v: number): void {
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
}

/** Signed LEB128 of a 32-bit integer. */
function s32(out: number[], v: number): void {
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return;
    }
    out.push(byte | 0x80);
  }
}

/** SIMD opcodes (after the 0xfd prefix). */
const enum Simd {
  Load = 0x00,
  Load64Splat = 0x0a,
  Store = 0x0b,
  Store64Lane = 0x5b,
  Shuffle = 0x0d,
  I32x4ExtractLane = 0x1b,
  F64x2Eq = 0x47,
  F64x2Lt = 0x49,
  F64x2Gt = 0x4a,
  F64x2Ge = 0x4c,
  And = 0x4e,
  Or = 0x50,
  Xor = 0x51,
  F64x2Floor = 0x75,
  F64x2Trunc = 0x7a,
  I64x2AllTrue = 0xc3,
  Bitselect = 0x52,
  I64x2Shl = 0xcb,
  I64x2ShrU = 0xcd,
  I64x2Sub = 0xd1,
  F64x2Abs = 0xec,
  F64x2Neg = 0xed,
  F64x2Add = 0xf0,
  F64x2Sub = 0xf1,
  F64x2Mul = 0xf2,
  F64x2Div = 0xf3,
  F64x2Max = 0xf5,
  F64x2Pmin = 0xf6,
  F64x2Pmax = 0xf7,
}

/** Constants the code loads, f64 each, from `base` in memory on: the caller writes them there. */
export interface Pool {
  readonly base: number;
  readonly values: number[];
}

/**
 * The bytes of a piece of a function body. Values fixed across a loop (constants, weights) are
 * hoisted: `hoist(address)` names a local that `inline` fills with the f64 at that address in both
 * lanes before the piece runs. Loaded inside the loop from fixed addresses instead, V8's TurboFan
 * (Node 20) moved every address out of the loop into a register, spilled them, and paid two loads a
 * value; a v128.const took it several instructions a use. A hoisted local costs one load from its
 * spill slot at most. Locals are numbered from `locals.next` on as they are hoisted.
 */
export class Code {
  readonly bytes: number[] = [];
  /** The hoisted values' addresses and locals. */
  private readonly hoisted = new Map<number, number>();

  constructor(
    readonly pool: Pool,
    readonly locals: { next: number },
  ) {}

  /** A new piece, hoisting into locals of its own. */
  piece(): Code {
    return new Code(this.pool, this.locals);
  }

  /** Appends `piece`, its hoisted values loaded first. */
  inline(piece: Code): this {
    for (const [address, local] of piece.hoisted) this.i32(0).loadSplat(address).set(local);
    for (const b of piece.bytes) this.bytes.push(b);
    return this;
  }

  /** New locals, one a name (the v128 temporaries of a piece of code). */
  temps<T extends string>(...names: T[]): Record<T, number> {
    const locals = {} as Record<T, number>;
    for (const name of names) locals[name] = this.locals.next++;
    return locals;
  }

  /** The local holding the f64 at `address` in both lanes. */
  hoist(address: number): number {
    let local = this.hoisted.get(address);
    if (local === undefined) this.hoisted.set(address, (local = this.locals.next++));
    return local;
  }

  /** Pushes v in both lanes (from the pool). */
  k(v: number): this {
    const values = this.pool.values;
    // Object.is: −0 is a constant of its own (indexOf would find 0).
    let i = values.findIndex((u) => Object.is(u, v));
    if (i < 0) i = values.push(v) - 1;
    return this.get(this.hoist(this.pool.base + 8 * i));
  }

  /** Pushes the integer n (0 ≤ n < 2^52) in both 64-bit lanes: the f64 whose bits are n. */
  kI64(n: number): this {
    return this.k(n * Number.MIN_VALUE);
  }

  /** Pushes bytes. */
  private op(...bytes: number[]): this {
    for (const b of bytes) this.bytes.push(b);
    return this;
  }

  /** An opcode with an unsigned LEB128 immediate (a local, a depth, a SIMD opcode). */
  private opU(op: number, v: number): this {
    this.bytes.push(op);
    u32(this.bytes, v);
    return this;
  }

  private simd(op: Simd): this {
    return this.opU(0xfd, op);
  }

  /** memarg: log2 of the alignment (a hint only) and a constant offset. */
  private memarg(align: number, offset: number): this {
    u32(this.bytes, align);
    u32(this.bytes, offset);
    return this;
  }

  get = (local: number): this => this.opU(0x20, local);
  set = (local: number): this => this.opU(0x21, local);
  tee = (local: number): this => this.opU(0x22, local);
  i32(v: number): this {
    this.bytes.push(0x41);
    s32(this.bytes, v);
    return this;
  }
  i32Eqz = (): this => this.op(0x45);
  i32Eq = (): this => this.op(0x46);
  i32Ne = (): this => this.op(0x47);
  i32LtS = (): this => this.op(0x48);
  i32LtU = (): this => this.op(0x49);
  i32Add = (): this => this.op(0x6a);
  i32Sub = (): this => this.op(0x6b);
  i32Mul = (): this => this.op(0x6c);
  i32And = (): this => this.op(0x71);
  i32Shl = (): this => this.op(0x74);
  i32ShrU = (): this => this.op(0x76);
  /** (a, b, condition) → condition ≠ 0 ? a : b. */
  select = (): this => this.op(0x1b);
  /** block / loop with no result; `end` closes either. */
  block = (): this => this.op(0x02, 0x40);
  loop = (): this => this.op(0x03, 0x40);
  /** if on an i32, with a v128 result; `otherwise` starts the else branch. */
  ifV128 = (): this => this.op(0x04, V128);
  otherwise = (): this => this.op(0x05);
  end = (): this => this.op(0x0b);
  br = (depth: number): this => this.opU(0x0c, depth);
  brIf = (depth: number): this => this.opU(0x0d, depth);

  /** v128 at address + offset. */
  load(offset: number): this {
    return this.simd(Simd.Load).memarg(4, offset);
  }
  /** The f64 at address + offset in both lanes. */
  loadSplat(offset: number): this {
    return this.simd(Simd.Load64Splat).memarg(3, offset);
  }
  store(offset: number): this {
    return this.simd(Simd.Store).memarg(4, offset);
  }
  /** (address, v) → lane `lane` of v stored as the f64 at address + offset. */
  store64Lane(offset: number, lane: 0 | 1): this {
    return this.simd(Simd.Store64Lane).memarg(3, offset).op(lane);
  }
  /** Bytes 0…15 of (a ++ b) picked by `lanes`. */
  shuffle = (lanes: readonly number[]): this => this.simd(Simd.Shuffle).op(...lanes);
  i32x4Lane = (lane: number): this => this.simd(Simd.I32x4ExtractLane).op(lane);
  eq = (): this => this.simd(Simd.F64x2Eq);
  lt = (): this => this.simd(Simd.F64x2Lt);
  gt = (): this => this.simd(Simd.F64x2Gt);
  ge = (): this => this.simd(Simd.F64x2Ge);
  and = (): this => this.simd(Simd.And);
  or = (): this => this.simd(Simd.Or);
  xor = (): this => this.simd(Simd.Xor);
  floor = (): this => this.simd(Simd.F64x2Floor);
  /** Toward zero, as ToInt32 (`| 0`) for values within the int32 range. */
  trunc = (): this => this.simd(Simd.F64x2Trunc);
  /** (v, count) → each 64-bit lane shifted left by the i32 count. */
  i64x2Shl = (): this => this.simd(Simd.I64x2Shl);
  /** (v, count) → each 64-bit lane shifted right by the i32 count, zeros in. */
  i64x2ShrU = (): this => this.simd(Simd.I64x2ShrU);
  /** 64-bit lane by lane, modulo 2^64. */
  i64x2Sub = (): this => this.simd(Simd.I64x2Sub);
  /** 1 if both 64-bit lanes are nonzero, else 0 (an i32). */
  allTrue = (): this => this.simd(Simd.I64x2AllTrue);
  /** (a, b, mask) → a where mask bits are set, b elsewhere. */
  bitselect = (): this => this.simd(Simd.Bitselect);
  abs = (): this => this.simd(Simd.F64x2Abs);
  neg = (): this => this.simd(Simd.F64x2Neg);
  add = (): this => this.simd(Simd.F64x2Add);
  sub = (): this => this.simd(Simd.F64x2Sub);
  mul = (): this => this.simd(Simd.F64x2Mul);
  div = (): this => this.simd(Simd.F64x2Div);
  /** Math.max lane by lane: NaN if either is, and +0 for (−0, +0) (the core spec's fmax). */
  max = (): this => this.simd(Simd.F64x2Max);
  /** (a, b) → b < a ? b : a, lane by lane (one instruction; min's NaN rules take V8 ten). */
  pmin = (): this => this.simd(Simd.F64x2Pmin);
  /** (a, b) → a < b ? b : a, lane by lane. */
  pmax = (): this => this.simd(Simd.F64x2Pmax);
}
