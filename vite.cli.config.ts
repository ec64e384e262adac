import { defineConfig } from 'vite';

/**
 * The command line as one JavaScript module for Node (`npm run build:cli`, also run by `npm run
 * build` and by `prepare`, so `npm ci` leaves it built): dist-cli/descent-lab.mjs, which
 * bin/descent-lab.mjs loads. Everything it needs at startup is bundled in; the typed-function
 * compiler is a second chunk loaded only for a typed function, and mathjs stays a runtime
 * dependency that chunk imports (security fixes to mathjs then need no rebuild).
 */
export default defineConfig({
  publicDir: false,
  ssr: { noExternal: true, external: ['mathjs'], target: 'node' },
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'descent-lab.mjs',
        chunkFileNames: '[name]-[hash].mjs',
      },
    },
  },
});
