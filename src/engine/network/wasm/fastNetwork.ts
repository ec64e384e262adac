import type { Architecture } from '../architecture.ts';
import { Network } from '../model.ts';
import { WasmForward } from './wasmForward.ts';

/** Architectures whose kernel is kept (a module of 3–224 KB and its fixed memory). */
const KEPT = 8;

/** Compiled kernels by architecture, the most recently used last; null where none compiles. */
const kernels = new Map<string, WasmForward | null>();

/**
 * The WebAssembly forward pass of `arch`, compiled once (1–45 ms) and kept for the next Network
 * of that shape: a slider step builds new Networks, and a kernel is shared safely by all of a
 * thread's Networks since a call runs to its end before the next. Null where WebAssembly cannot
 * compile: a policy without 'wasm-unsafe-eval', an engine without SIMD, or a page's main thread
 * (Chromium refuses to compile a module over 4 KB synchronously there).
 */
export function wasmForwardFor(arch: Architecture): WasmForward | null {
  const key = `${arch.hidden.join(',')} ${arch.activation} ${arch.head}`;
  let kernel = kernels.get(key);
  if (kernel === undefined) {
    try {
      kernel = new WasmForward(arch);
    } catch {
      kernel = null;
    }
  } else kernels.delete(key);
  kernels.set(key, kernel);
  if (kernels.size > KEPT) kernels.delete(kernels.keys().next().value!);
  return kernel;
}

/**
 * A Network of `arch` that computes its full-batch losses and outputs, and its mini-batch
 * gradients, in WebAssembly where it can (the losses 3.3× as fast with tanh, 5.2× with ReLU on
 * issue 15's [2, 16, 16, 1]: bench/wasmLoss.bench.ts; the gradients 3.7× and 5.1×:
 * bench/network.bench.ts), with the JS loops' bits either way
 * (tests/unit/network/wasmForward.test.ts, wasmGradient.test.ts): what the workers and the
 * command line train and slice with.
 */
export const fastNetwork = (arch: Architecture): Network => new Network(arch, wasmForwardFor(arch));
