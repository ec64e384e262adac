#!/usr/bin/env node
// The command line, bundled from src/cli/ into dist-cli/ by `npm run build` (and by `npm ci`,
// through `prepare`). A checkout that has not been built yet gets one line saying so.
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist-cli/descent-lab.mjs', import.meta.url);

import(entry.href).catch((e) => {
  const missing =
    e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(fileURLToPath(entry));
  const reason = missing
    ? 'not built yet: run `npm run build:cli` (or `npm ci`) in the project folder'
    : `cannot start: ${String(e?.message ?? e).split('\n')[0]}`;
  process.stderr.write(`descent-lab: ${reason}\n`);
  process.exitCode = 1;
});
