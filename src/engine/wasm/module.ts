import { u32, type Code } from './code.ts';

/** One exported function: its parameter types, its locals (by type, in order) and its body. */
export interface FunctionSpec {
  readonly name: string;
  readonly params: readonly number[];
  readonly locals: readonly number[];
  readonly body: Code;
}

/** Appends `bytes` (a loop: spreading a body of many thousand bytes into push overflows the stack). */
function append(out: number[], bytes: readonly number[]): void {
  for (const b of bytes) out.push(b);
}

/** A section: its id, then its contents' byte length and the contents. */
function section(out: number[], id: number, contents: number[]): void {
  out.push(id);
  u32(out, contents.length);
  append(out, contents);
}

/** An ASCII name, length first. */
function name(out: number[], s: string): void {
  u32(out, s.length);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

/**
 * The bytes of a module with one memory (`pages` of 64 KiB, exported as "memory") and the given
 * functions, none returning a value, each exported under its name.
 */
export function moduleBytes(pages: number, fns: readonly FunctionSpec[]): Uint8Array {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  u32(types, fns.length);
  for (const f of fns) {
    types.push(0x60);
    u32(types, f.params.length);
    append(types, f.params);
    types.push(0x00);
  }
  section(out, 1, types);
  const funcs: number[] = [];
  u32(funcs, fns.length);
  fns.forEach((_, i) => u32(funcs, i));
  section(out, 3, funcs);
  const memory = [0x01, 0x00];
  u32(memory, pages);
  section(out, 5, memory);
  const exports: number[] = [];
  u32(exports, fns.length + 1);
  name(exports, 'memory');
  exports.push(0x02, 0x00);
  fns.forEach((f, i) => {
    name(exports, f.name);
    exports.push(0x00);
    u32(exports, i);
  });
  section(out, 7, exports);
  const code: number[] = [];
  u32(code, fns.length);
  for (const f of fns) {
    // Locals as runs of one type.
    const runs: [number, number][] = [];
    for (const t of f.locals) {
      const last = runs[runs.length - 1];
      if (last && last[1] === t) last[0]++;
      else runs.push([1, t]);
    }
    const body: number[] = [];
    u32(body, runs.length);
    for (const [count, t] of runs) {
      u32(body, count);
      body.push(t);
    }
    append(body, f.body.bytes);
    body.push(0x0b);
    u32(code, body.length);
    append(code, body);
  }
  section(out, 10, code);
  return Uint8Array.from(out);
}
