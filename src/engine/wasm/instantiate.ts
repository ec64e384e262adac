/**
 * The little of the WebAssembly JS API the engine uses: its tsconfig has no DOM or Node types.
 * Synchronous compilation is fine in a worker and in Node; a page's main thread refuses modules
 * over 4 KB (Chromium).
 */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};

/** What every module moduleBytes writes exports besides its functions. */
export interface WithMemory {
  readonly memory: { readonly buffer: ArrayBuffer };
}

/**
 * The exports of the module `bytes` (moduleBytes), compiled and instantiated at once; `E` names
 * its functions. Throws where WebAssembly cannot compile it: a policy without 'wasm-unsafe-eval',
 * an engine without SIMD, a page's main thread.
 */
export function instantiate<E>(bytes: Uint8Array): E & WithMemory {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as E & WithMemory;
}
