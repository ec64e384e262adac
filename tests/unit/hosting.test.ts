import { describe, expect, it } from 'vitest';
import {
  embedPolicy,
  evalWorkerPolicy,
  pagePolicy,
  wasmWorkerPolicy,
  workerPolicy,
} from '../../csp.config.ts';
import {
  formatHeaders,
  headerRules,
  headersFor,
  isolation,
  parseHeaders,
} from '../../hosting.config.ts';

/** What a build writes into dist/ (names as Vite gives them). */
const files = [
  'index.html',
  'embed.html',
  'favicon.svg',
  'assets/index-CVV0-WV4.js',
  'assets/index-VTvbtX19.css',
  'assets/katex-DrYAcznU.js',
  'assets/KaTeX_Main-Regular-ypZvNtVU.ttf',
  'assets/trajectory.worker-IM3tKIcI.js',
  'assets/field.worker-D-037ZcQ.js',
  'assets/inspect.worker-DIG5LZRX.js',
  'assets/sweep.worker-CmPyd7xT.js',
  'assets/compile.worker-D6M-MSjA.js',
  'assets/boundary.worker-C1x2y3z4.js',
  'assets/network.worker-B_Cf4RRo.js',
  'assets/networkTrainer.worker-BNaur9C_.js',
];
const CSP = 'Content-Security-Policy';

describe('the headers a host must send (dist/_headers)', () => {
  const rules = headerRules(files);
  const csp = (path: string) => headersFor(rules, path)[CSP];

  it('gives the page its policy, the four computing workers eval, the network ones WebAssembly, the others none', () => {
    expect(csp('/')).toBe(pagePolicy);
    expect(csp('/index.html')).toBe(pagePolicy);
    expect(csp('/assets/trajectory.worker-IM3tKIcI.js')).toBe(evalWorkerPolicy);
    expect(csp('/assets/field.worker-D-037ZcQ.js')).toBe(evalWorkerPolicy);
    expect(csp('/assets/inspect.worker-DIG5LZRX.js')).toBe(evalWorkerPolicy);
    expect(csp('/assets/sweep.worker-CmPyd7xT.js')).toBe(evalWorkerPolicy);
    expect(csp('/assets/compile.worker-D6M-MSjA.js')).toBe(workerPolicy);
    // The network workers compile their WebAssembly forward pass and nothing else: no eval.
    expect(csp('/assets/network.worker-B_Cf4RRo.js')).toBe(wasmWorkerPolicy);
    expect(csp('/assets/networkTrainer.worker-BNaur9C_.js')).toBe(wasmWorkerPolicy);
    expect(csp('/assets/boundary.worker-C1x2y3z4.js')).toBe(wasmWorkerPolicy);
    expect(wasmWorkerPolicy).toContain("'wasm-unsafe-eval'");
    expect(wasmWorkerPolicy.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval');
    expect(pagePolicy).not.toContain('unsafe-eval');
    expect(workerPolicy).not.toContain('unsafe-eval');
  });

  it('lets any page frame the embed, and no page frame the full lab', () => {
    expect(csp('/embed.html')).toBe(embedPolicy);
    expect(embedPolicy).toContain('frame-ancestors *');
    expect(pagePolicy).toContain("frame-ancestors 'none'");
    // Otherwise the same policy: the embed evaluates nothing either.
    expect(embedPolicy.replace('frame-ancestors *', '')).toBe(
      pagePolicy.replace("frame-ancestors 'none'", ''),
    );
  });

  it('sends every file one policy at most: hosts join the values of all matching rules', () => {
    for (const file of files) {
      const value = csp(`/${file}`);
      if (value !== undefined)
        expect([
          pagePolicy,
          embedPolicy,
          evalWorkerPolicy,
          wasmWorkerPolicy,
          workerPolicy,
        ]).toContain(value);
      expect(headersFor(rules, `/${file}`)).toMatchObject(isolation);
    }
    // Scripts, styles and fonts have no policy a browser would read.
    expect(csp('/assets/index-CVV0-WV4.js')).toBeUndefined();
    expect(csp('/assets/field.worker-D-037ZcQ.js.map')).toBeUndefined();
  });

  it('prefixes every path with an absolute base', () => {
    const lab = headerRules(files, '/lab/');
    expect(lab.map((r) => r.path).every((p) => p.startsWith('/lab/'))).toBe(true);
    expect(headersFor(lab, '/lab/')[CSP]).toBe(pagePolicy);
    expect(headersFor(lab, '/lab/assets/field.worker-D-037ZcQ.js')[CSP]).toBe(evalWorkerPolicy);
    expect(headersFor(lab, '/assets/field.worker-D-037ZcQ.js')).toEqual({});
  });

  it('writes the _headers format: a path, then indented headers; and reads it back', () => {
    const text = formatHeaders(rules);
    expect(text).toContain(`\n/assets/field.worker-D-037ZcQ.js\n  ${CSP}: ${evalWorkerPolicy}\n`);
    expect(text).toMatch(/^# /);
    expect(parseHeaders(text)).toEqual(rules);
  });

  it('joins a header set by several matching rules, as Netlify and Cloudflare Pages do', () => {
    const joined = parseHeaders('/*\n  X-A: 1\n/x\n  X-A: 2\n  X-B: 3\n');
    expect(headersFor(joined, '/x')).toEqual({ 'X-A': '1, 2', 'X-B': '3' });
    expect(headersFor(joined, '/y')).toEqual({ 'X-A': '1' });
    expect(() => parseHeaders('  X-A: 1\n')).toThrow(/outside a rule/);
  });
});
