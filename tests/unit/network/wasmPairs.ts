import type { Pool } from '../../../src/engine/wasm/code.ts';
import { moduleBytes, type FunctionSpec } from '../../../src/engine/wasm/module.ts';

/** Bytes kept for the constant pool at the start of memory. */
const POOL_BYTES = 1024;

/**
 * Instantiates the functions `build` makes (pairFunction's `(z, t, out, pairs)`), its constants
 * written to its pool, and returns a runner: `run(name, z, t)` is the function's value for each
 * (z[i], t[i]), an odd count padded with a zero pair.
 */
export function pairModule(
  build: (pool: Pool) => FunctionSpec[],
): (name: string, z: Float64Array, t: Float64Array) => Float64Array {
  const pool: Pool = { base: 0, values: [] };
  const fns = build(pool);
  if (8 * pool.values.length > POOL_BYTES) throw new Error('pairModule: the pool overflowed');
  const { exports } = new WebAssembly.Instance(
    new WebAssembly.Module(moduleBytes(1, fns) as Uint8Array<ArrayBuffer>),
  );
  const memory = exports.memory as WebAssembly.Memory;
  new Float64Array(memory.buffer, 0, pool.values.length).set(pool.values);
  return (name, z, t) => {
    const pairs = Math.ceil(z.length / 2);
    const need = POOL_BYTES + 48 * pairs - memory.buffer.byteLength;
    if (need > 0) memory.grow(Math.ceil(need / 65536));
    const zAt = POOL_BYTES;
    const tAt = zAt + 16 * pairs;
    const outAt = tAt + 16 * pairs;
    new Float64Array(memory.buffer, zAt, 2 * pairs).fill(0).set(z);
    new Float64Array(memory.buffer, tAt, 2 * pairs).fill(0).set(t);
    (exports[name] as (z: number, t: number, out: number, pairs: number) => void)(
      zAt,
      tAt,
      outAt,
      pairs,
    );
    return new Float64Array(memory.buffer, outAt, z.length).slice();
  };
}
