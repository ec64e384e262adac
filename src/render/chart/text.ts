import { stepsPerEpoch } from '../../engine/data/epochs.ts';
import type { RunSet, RunView } from '../../workers/runs.ts';
import { compactNumber } from './format.ts';
import type { YScaleKind } from './scale.ts';

const SCALE_NAME: Readonly<Record<YScaleKind, string>> = {
  linear: 'linear scale',
  log: 'log scale',
  symlog: 'symmetric log scale',
};

/** A run's training loss at a step, and its test loss in brackets when it has one: "0.012 (test 0.3)". */
const valueAt = (run: RunView, step: number): string =>
  compactNumber(run.f[step]!) + (run.testF ? ` (test ${compactNumber(run.testF[step]!)})` : '');

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The chart's accessible name: what it shows and each visible run's final loss. */
export function lossSummary(
  runSet: RunSet | null,
  hidden: readonly boolean[],
  kind: YScaleKind,
): string {
  if (!runSet) return 'Loss against step: waiting for the runs.';
  const { optimizers, steps } = runSet.scene;
  const shown = optimizers.map((_, k) => k).filter((k) => !hidden[k]);
  const head = `Loss against step for ${plural(shown.length, 'optimizer')}`;
  const hiddenNote =
    shown.length < optimizers.length ? ` (${optimizers.length - shown.length} hidden)` : '';
  const over = ` over ${plural(steps, 'step')}, ${SCALE_NAME[kind]}`;
  if (shown.length === 0) return `${head}${hiddenNote}.`;
  if (!runSet.complete) return `${head}${hiddenNote}${over}; computing.`;
  const finals = shown.map((k) => {
    const run = runSet.runs[k]!;
    const label = optimizers[k]!.label;
    if (run.divergedAt !== null) return `${label} diverged at step ${run.divergedAt}`;
    return run.length > 0 ? `${label} ${valueAt(run, run.length - 1)}` : `${label} —`;
  });
  const test = shown.some((k) => runSet.runs[k]!.testF) ? ' (training; test in brackets)' : '';
  return `${head}${hiddenNote}${over}; final losses${test} ${finals.join(', ')}.`;
}

/** The hover readout, "step 123 · SGD 0.0123 · Adam 4.5e-3", for steps the cursor has reached. */
export function hoverReadout(
  runSet: RunSet | null,
  hidden: readonly boolean[],
  step: number | null,
  cursor: number,
): string {
  if (!runSet || step === null) return '';
  const perEpoch = stepsPerEpoch(runSet.scene.fn);
  const epoch = perEpoch === null ? '' : ` (epoch ${compactNumber(step / perEpoch)})`;
  const parts = [`step ${step}${epoch}`];
  runSet.scene.optimizers.forEach(({ label }, k) => {
    const run = runSet.runs[k];
    if (!run || hidden[k]) return;
    if (step > cursor) parts.push(`${label} —`);
    else if (step < run.length) parts.push(`${label} ${valueAt(run, step)}`);
    else if (run.divergedAt !== null && step >= run.divergedAt) parts.push(`${label} diverged`);
    else parts.push(`${label} —`);
  });
  return parts.join(' · ');
}
