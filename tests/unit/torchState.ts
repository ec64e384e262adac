import { readFileSync } from 'node:fs';

/** One step of a torch-state case: p after the step and every tensor in `optimizer.state[p]`. */
export interface TorchStep {
  p: [number, number];
  state: Record<string, number | [number, number]>;
}

/** One optimizer fed the fixture's gradient sequence by real PyTorch. */
export interface TorchStateCase {
  type: string;
  hyper: Record<string, number | boolean | [number, number]>;
  steps: TorchStep[];
}

/** tests/fixtures/torch-state/states.json (made by generate.py next to it). */
export const torchState: {
  torch: string;
  start: [number, number];
  grads: [number, number][];
  cases: TorchStateCase[];
} = JSON.parse(
  readFileSync(new URL('../fixtures/torch-state/states.json', import.meta.url), 'utf8'),
);
