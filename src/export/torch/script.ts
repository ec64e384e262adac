import { CUSTOM_ID } from '../../engine/expr/custom.ts';
import { functionOf, getFunction } from '../../engine/functions/index.ts';
import { getOptimizer } from '../../engine/optimizers/index.ts';
import type { OptimizerEntry, Scene } from '../../engine/scene.ts';
import { dataPart } from './data.ts';
import { TorchExportError } from './error.ts';
import { typedFunction, type TypedTrees } from './expression.ts';
import { FUNCTION_BODIES } from './functions.ts';
import { BATCHES_PY, NORMALS_PY } from './noise.ts';
import { LION_PY, optimizerCall } from './optimizers.ts';
import { OUTPUT_PY } from './output.ts';
import { pyFloat, pyInt, pyStr } from './python.ts';
import { RUN_PY } from './runner.ts';
import { schedulerCall } from './schedules.ts';

/** What a scene needs beyond itself to be written out. */
export interface TorchScriptInput {
  /**
   * A typed function as the lab compiled it (engine/expr compileExpression, or the compile
   * worker's answer): f and its derivatives, checked and folded.
   */
  readonly typed?: TypedTrees;
}

/** The version of torch the export is tested against (Debian's python3-torch). */
export const TESTED_TORCH = '1.13.1';

const indent = (lines: readonly string[]): string => lines.map((l) => `    ${l}`).join('\n');

/** The function part: `def f(x, y)`, `def gradient(p, k)` and test_f (None without data). */
function functionPart(scene: Scene, input: TorchScriptInput): { text: string; hasTest: boolean } {
  const { id, params } = scene.fn;
  // A model of the user's data is bound to the scene's rows.
  const fn = functionOf(scene.fn);
  if (fn?.data) return dataPart(id, fn.data, params);
  let lines: readonly string[];
  if (id === CUSTOM_ID) {
    if (!input.typed) throw new TorchExportError('the typed function was not compiled');
    lines = [
      // One line whatever the text holds (the compiler refuses line breaks anyway).
      `# --- The function: the typed f(x, y) = ${(scene.fn.expr ?? '').replace(/\s+/g, ' ')}`,
      ...typedFunction(input.typed),
    ];
  } else {
    const write = Object.hasOwn(FUNCTION_BODIES, id) ? FUNCTION_BODIES[id] : undefined;
    if (!fn || !write) throw new TorchExportError(`the function "${id}" has no PyTorch export`);
    const values = Object.entries(params).map(([k, v]) => `${k} = ${v}`);
    lines = [
      `# --- The function: ${fn.name}: ${fn.formula}${values.length ? `, ${values.join(', ')}` : ''}`,
      'def f(x, y):',
      indent(write(params)),
      '',
      '',
      'def gradient(p, k):',
      `    """The gradient every step takes: torch autograd's of f at the point."""`,
      '    return torch.autograd.grad(f(p[0], p[1]), p)[0]',
    ];
  }
  return { text: [...lines, '', '', 'test_f = None'].join('\n'), hasTest: false };
}

/** The entry's optimizers, one per phase: `(steps before it, lambda p: (optimizer, scheduler))`. */
function phasesOf(entry: OptimizerEntry): string {
  const stages = [
    { from: 0, type: entry.type, hyper: entry.hyper, schedule: entry.schedule },
    ...(entry.phases ?? []),
  ];
  const lines = stages.map(
    ({ from, type, hyper, schedule }) =>
      `            (${pyInt(from)}, lambda p: scheduled(${optimizerCall(type, hyper)},\n` +
      `                                       lambda o: ${schedulerCall(schedule)})),`,
  );
  return `[\n${lines.join('\n')}\n        ]`;
}

const runEntry = (entry: OptimizerEntry): string =>
  [
    '    {',
    `        'label': ${pyStr(entry.label)},`,
    `        'type': ${pyStr(entry.type)},`,
    `        'color': ${pyStr(entry.color)},`,
    `        'phases': ${phasesOf(entry)},`,
    '    },',
  ].join('\n');

/**
 * One self-contained Python script that runs `scene` with torch.optim and
 * torch.optim.lr_scheduler in float64: `python3 script.py --json` prints what
 * `descent-lab run --format json` prints for it; without --json it plots. Throws
 * TorchExportError, naming what is missing, for anything it cannot write as the lab runs it.
 */
export function torchScript(scene: Scene, input: TorchScriptInput = {}): string {
  if (scene.network) {
    // Its script would train the scene's 2-D function, which a network scene does not show.
    throw new TorchExportError(
      'it trains a network, which has no PyTorch export yet: `descent-lab data <link>` prints ' +
        'its data, θ₀ and every batch, to train it in PyTorch',
    );
  }
  for (const entry of scene.optimizers) {
    for (const stage of [entry, ...(entry.phases ?? [])]) {
      if (!getOptimizer(stage.type)) {
        throw new TorchExportError(`the optimizer "${stage.type}" has no PyTorch export`);
      }
    }
  }
  const fn = functionPart(scene, input);
  const data = getFunction(scene.fn.id)?.data !== undefined;
  const noise = scene.noise.sigma > 0;
  const lion = scene.optimizers.some((e) =>
    [e, ...(e.phases ?? [])].some((s) => s.type === 'lion'),
  );
  const name =
    scene.fn.id === CUSTOM_ID
      ? 'a typed function'
      : (getFunction(scene.fn.id)?.name ?? scene.fn.id);
  return [
    '#!/usr/bin/env python3',
    `"""A Descent Lab scene (${name}, ${scene.steps} steps, ${scene.optimizers.length} optimizer${scene.optimizers.length === 1 ? '' : 's'}) in PyTorch.`,
    '',
    'Written by `descent-lab export-torch`. Every run uses torch.optim and torch.optim.lr_scheduler',
    `in float64 and reproduces the lab's trajectory (tested with torch ${TESTED_TORCH}).`,
    '',
    '    python3 this.py          # plot the paths over the contours (needs matplotlib), or a table',
    '    python3 this.py --json   # print what `descent-lab run --format json` prints for the scene',
    '',
    'What the lab computes its own way, and how this script follows it: Lion is not in torch and is',
    "written out below from its authors' code; NAdam runs with foreach=True, whose formula is the",
    "one of today's torch (torch 1.13's single-tensor NAdam counted mu_t twice);",
    ...(noise || data
      ? ["the lab's random numbers come from its own generator, ported below bit for bit;"]
      : []),
    "math.cos in a cosine schedule and torch.sin, .cos, .exp, … may differ from the lab's portable",
    'functions in the last bit, and torch sums a batch mean in its own order, so a point can differ',
    'in its last digits.',
    ...(scene.sweep
      ? ['', "The scene's sweep view is not part of this script: `descent-lab sweep` computes it."]
      : []),
    '"""',
    'import json',
    'import math',
    'import struct',
    'import sys',
    'import warnings',
    '',
    'import torch',
    'from torch.optim.lr_scheduler import (CosineAnnealingLR, ExponentialLR, LinearLR, SequentialLR,',
    '                                      StepLR)',
    '',
    'torch.set_default_dtype(torch.float64)',
    '# SequentialLR steps its cosine part with an epoch at the milestone, which torch warns about.',
    "warnings.filterwarnings('ignore', message=r'The epoch parameter in `scheduler.step\\(\\)`')",
    '',
    `TITLE = ${pyStr(`Descent Lab: ${name}`)}`,
    `PICTURE = ${pyStr(`descent-lab-${scene.fn.id.replace(/_/g, '-')}.png`)}  # where the plot goes without a display`,
    `START = [${pyFloat(scene.start[0])}, ${pyFloat(scene.start[1])}]`,
    `STEPS = ${pyInt(scene.steps)}`,
    `VIEW = [[${pyFloat(scene.view.x[0])}, ${pyFloat(scene.view.x[1])}], [${pyFloat(scene.view.y[0])}, ${pyFloat(scene.view.y[1])}]]`,
    `SIGMA = ${pyFloat(scene.noise.sigma)}  # noise: sigma * xi is added to every gradient, xi ~ N(0, I)`,
    `SEED = ${pyInt(scene.noise.seed)}`,
    'TAU = 2 * math.pi',
    '',
    '',
    'def T(v):',
    '    """A constant as a float64 tensor."""',
    '    return torch.tensor(v)',
    '',
    '',
    ...(noise || data ? [NORMALS_PY.trim(), ''] : []),
    ...(data ? ['', BATCHES_PY.trim(), ''] : []),
    '',
    fn.text,
    `HAS_TEST = ${fn.hasTest ? 'True' : 'False'}`,
    noise ? 'XI = normals(SEED, 2 * STEPS)  # xi of step k is (XI[2k], XI[2k + 1])' : 'XI = None',
    ...(lion ? ['', LION_PY.trimEnd()] : []),
    '',
    '',
    'def scheduled(optimizer, scheduler):',
    '    """An optimizer with its scheduler (None: a constant rate)."""',
    '    return optimizer, scheduler(optimizer)',
    '',
    '',
    '# Every optimizer of the scene, in order: its label, torch name, colour, and the optimizers it',
    '# runs (a phase from k is a new optimizer and scheduler on the same tensor from step k + 1 on).',
    'RUNS = [',
    ...scene.optimizers.map(runEntry),
    ']',
    '',
    RUN_PY.trimEnd(),
    '',
    OUTPUT_PY.trimEnd(),
    '',
    '',
    "if __name__ == '__main__':",
    '    main(sys.argv[1:])',
    '',
  ].join('\n');
}
