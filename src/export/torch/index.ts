export { torchScript, TESTED_TORCH, type TorchScriptInput } from './script.ts';
export { TorchExportError } from './error.ts';
export type { TypedTrees } from './expression.ts';
