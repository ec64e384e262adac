import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Cross-origin isolation: finer `performance.now()` and, later, SharedArrayBuffer. */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  server: { headers: isolation },
  preview: { headers: isolation },
});
