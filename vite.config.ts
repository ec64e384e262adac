import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { cspFor } from './csp.config.ts';

/** Cross-origin isolation: finer `performance.now()` and, later, SharedArrayBuffer. */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The built app's Content Security Policy, per response (csp.config.ts): the page without
 * 'unsafe-eval', the workers that compile generated source with it. Not in dev, whose injected
 * scripts are inline.
 */
const csp: Plugin = {
  name: 'descent-lab-csp',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      res.setHeader('Content-Security-Policy', cspFor(req.url ?? '/'));
      next();
    });
  },
};

export default defineConfig({
  plugins: [react(), csp],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  server: { headers: isolation },
  preview: { headers: isolation },
});
