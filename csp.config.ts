/**
 * Content Security Policy of the built app: the build writes it into dist/_headers per file
 * (hosting.config.ts), which `vite preview` serves and Netlify or Cloudflare Pages read. The page itself may not evaluate code: no 'unsafe-eval', no inline
 * script. The four workers that run typed functions (trajectories, contours, inspector, sweeps) compile generated source with `new Function`,
 * which needs 'unsafe-eval' in THEIR policy: a worker script follows the policy delivered with its
 * own response (a `<meta>` policy on the page does not reach a module worker). What they compile is
 * never typed text: it is written from the allow-listed tree and checked token by token in the
 * worker first (src/engine/expr/sourceCheck.ts). The compile worker, which runs mathjs, needs no
 * eval. The network workers (the network worker, its trainer, the boundary worker) compile only
 * WebAssembly, which they write themselves from a network's shape (src/engine/network/wasm/), with
 * 'wasm-unsafe-eval': it allows compiling a module and nothing else (no `eval`, no `new Function`).
 */
const policy = (directives: Record<string, string>): string =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/** The page: scripts and workers from this origin only, nothing evaluated. */
export const pagePolicy = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self'",
  // React sets style attributes (colour swatches, sizes).
  'style-src': "'self' 'unsafe-inline'",
  // Exports draw data: and blob: images.
  'img-src': "'self' data: blob:",
  // KaTeX's small fonts are inlined by the build as data: URLs.
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
});

/**
 * embed.html, a scene for other pages to frame: the page's policy, but any page may frame it.
 * The full lab (index.html) stays unframeable: it keeps the reader's saved scene and rewrites its
 * address, which a framing page has no business driving. The embed reads only its own link, writes
 * nothing, and tells its parent nothing but its height.
 */
export const embedPolicy = pagePolicy.replace("frame-ancestors 'none'", 'frame-ancestors *');

/** The trajectory, contour, inspect and sweep workers: generated source is compiled with `new Function`. */
export const evalWorkerPolicy = policy({
  'default-src': "'none'",
  'script-src': "'self' 'unsafe-eval'",
});

/** The network workers: WebAssembly they write themselves may compile, no JS from text. */
export const wasmWorkerPolicy = policy({
  'default-src': "'none'",
  'script-src': "'self' 'wasm-unsafe-eval'",
});

/** Any other worker (the compile worker with mathjs): no evaluation. */
export const workerPolicy = policy({ 'default-src': "'none'", 'script-src': "'self'" });

/** Workers that compile generated source; the build names their scripts assets/<name>.worker-<hash>.js. */
export const EVAL_WORKERS: readonly string[] = ['trajectory', 'field', 'inspect', 'sweep'];

/** Workers that compile the network's WebAssembly forward pass. */
export const WASM_WORKERS: readonly string[] = ['network', 'networkTrainer', 'boundary'];

/**
 * The Content-Security-Policy of a built file (a path relative to dist/), or null for files whose
 * policy no browser reads (scripts, styles, fonts: only documents and workers have one).
 */
export function cspForFile(file: string): string | null {
  if (file === 'index.html') return pagePolicy;
  if (file === 'embed.html') return embedPolicy;
  const worker = /^assets\/([\w-]+)\.worker-[\w-]+\.js$/.exec(file)?.[1];
  if (worker === undefined) return null;
  if (EVAL_WORKERS.includes(worker)) return evalWorkerPolicy;
  return WASM_WORKERS.includes(worker) ? wasmWorkerPolicy : workerPolicy;
}
