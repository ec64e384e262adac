#!/usr/bin/env node
// Runs the TypeScript command line (src/cli/main.ts) through tsx, so a clean clone needs no build.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
