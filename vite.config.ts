import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { hostingHeaders, isolation } from './hosting.config.ts';

export default defineConfig({
  // Relative URLs: the built site works from any path (`/`, `/lab/`) without rebuilding; workers
  // and lazy chunks are found from the script that loads them (`new URL(…, import.meta.url)`).
  base: './',
  // dist/_headers: the Content Security Policy per file (csp.config.ts), served by `vite preview`.
  // Not in dev, whose injected scripts are inline.
  plugins: [react(), hostingHeaders()],
  worker: { format: 'es' },
  // Two pages: the lab, and embed.html, a scene for course pages to frame (csp.config.ts).
  build: {
    target: 'es2022',
    rollupOptions: { input: { index: 'index.html', embed: 'embed.html' } },
  },
  server: { headers: isolation },
});
