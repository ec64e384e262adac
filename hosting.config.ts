import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { cspForFile } from './csp.config.ts';

/** Cross-origin isolation: finer `performance.now()` and, later, SharedArrayBuffer. */
export const isolation: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** One block of a `_headers` file: a URL path, exact or ending in the splat `*`, and its headers. */
export interface HeaderRule {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * What a host must send for the built files `files` (paths relative to dist/, `/`-separated)
 * when the site lives at `base` (`/`, or a sub-path such as `/lab/`): isolation on everything, and
 * each document and worker script its own policy under an exact path. Hosts give a response the
 * headers of every rule that matches it, joined, and a browser enforces every policy it receives,
 * so a `/*` policy would take 'unsafe-eval' away from the workers: no two rules set one header on
 * one path.
 */
export function headerRules(files: readonly string[], base = '/'): HeaderRule[] {
  const rules: HeaderRule[] = [{ path: `${base}*`, headers: isolation }];
  for (const file of [...files].sort()) {
    const csp = cspForFile(file);
    if (csp === null) continue;
    const headers = { 'Content-Security-Policy': csp };
    if (file === 'index.html') rules.push({ path: base, headers });
    rules.push({ path: base + file, headers });
  }
  return rules;
}

/** The text of a Netlify / Cloudflare Pages `_headers` file: each path, then its indented headers. */
export function formatHeaders(rules: readonly HeaderRule[]): string {
  const blocks = rules.map(
    (rule) =>
      `${rule.path}\n${Object.entries(rule.headers)
        .map(([name, value]) => `  ${name}: ${value}\n`)
        .join('')}`,
  );
  return `# Written by the build (hosting.config.ts, from csp.config.ts): do not edit.\n${blocks.join('')}`;
}

/** The rules of a `_headers` file; comments and blank lines are skipped. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0) throw new Error(`_headers: a header outside a rule: ${line}`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/**
 * The headers a host following `rules` sends for the URL path `path`: every matching rule's, a
 * header set by several joined with ", " as Netlify and Cloudflare Pages join them.
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith('*')
      ? path.startsWith(rule.path.slice(0, -1))
      : path === rule.path;
    if (!matches) continue;
    for (const [name, value] of Object.entries(rule.headers)) {
      out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
    }
  }
  return out;
}

/** The URL path the site is built for: an absolute `base` as given, `/` for a relative one. */
const basePath = (config: ResolvedConfig): string =>
  config.base.startsWith('/') ? config.base : '/';

/**
 * Writes dist/_headers after a build, from the files it wrote, and makes `vite preview` send
 * exactly those headers: what the tests see is what a host is told to send.
 */
export function hostingHeaders(): Plugin {
  let config: ResolvedConfig;
  const headersFile = () => join(resolve(config.root, config.build.outDir), '_headers');
  return {
    name: 'descent-lab-headers',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle: {
      order: 'post',
      handler(_options, bundle) {
        // Only a build that wrote the page has headers to write.
        if (!Object.hasOwn(bundle, 'index.html')) return;
        writeFileSync(
          headersFile(),
          formatHeaders(headerRules(Object.keys(bundle), basePath(config))),
        );
      },
    },
    configurePreviewServer(server) {
      const file = headersFile();
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
      const rules = parseHeaders(readFileSync(file, 'utf8'));
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://host').pathname;
        for (const [name, value] of Object.entries(headersFor(rules, path)))
          res.setHeader(name, value);
        next();
      });
    },
  };
}
