import type { Examples } from '../../engine/data/examples.ts';
import type { DataSpec, Params } from '../../engine/types.ts';
import { TorchExportError } from './error.ts';
import { WELLS } from '../../engine/data/wells.ts';
import { pyFloat, pyFloats, pyInt } from './python.ts';

/** What a loss made of data adds to the script: its examples, batch order and losses. */
export interface DataPart {
  /** Python defining TRAIN, TEST, BATCHES, f(x, y), test_f(x, y) and gradient(p, k). */
  readonly text: string;
  /** True when the scene holds examples out (the output then has "test_f"). */
  readonly hasTest: boolean;
}

const columns = (name: string, ex: Examples, inputs: 1 | 2): string =>
  [
    `${name} = {`,
    `    'a': torch.tensor(${pyFloats(ex.a, 6, '        ').replace(/\n\]$/, '\n    ]')}),`,
    ...(inputs === 2
      ? [`    'b': torch.tensor(${pyFloats(ex.b, 6, '        ').replace(/\n\]$/, '\n    ]')}),`]
      : []),
    `    't': torch.tensor(${pyFloats(ex.t, 12, '        ').replace(/\n\]$/, '\n    ]')}),`,
    '}',
  ].join('\n');

const { q, sharp, flat } = WELLS;
/** One well of W, A·exp(−‖(u, v) − c‖² / 2w²), in Python over the shifted u and v. */
const well = ({ depth, width, at }: (typeof WELLS)['sharp' | 'flat']): string =>
  `${pyFloat(depth)} * torch.exp(-((u - ${pyFloat(at[0])}) ** 2 + (v - ${pyFloat(at[1])}) ** 2) * ${pyFloat(1 / (2 * width * width))})`;

/** Per-example losses over the last axis (x, y of any shape, broadcast against the examples). */
const LOSSES = {
  squared: String.raw`def losses(x, y, ex):
    """(x·a + y − t)² per example: x is the slope, y the intercept."""
    return (x[..., None] * ex['a'] + y[..., None] - ex['t']) ** 2`,
  logistic: String.raw`def losses(x, y, ex):
    """The log-loss of z = x·a + y·b against t per example (torch's stable BCE with logits)."""
    z = x[..., None] * ex['a'] + y[..., None] * ex['b']
    return torch.nn.functional.binary_cross_entropy_with_logits(z, ex['t'].expand_as(z), reduction='none')`,
  wells: String.raw`def losses(x, y, ex):
    """W(x − a, y − b) per example: a sharp and a flat well in a bowl, shifted by each example."""
    u = x[..., None] - ex['a']
    v = y[..., None] - ex['b']
    return ${pyFloat(q)} * (u * u + v * v) - ${well(sharp)} - ${well(flat)}`,
};

/** Each data model's loss (the engine's LinearRegression, LogisticRegression and ShiftedWells). */
const MODELS: Readonly<Record<string, keyof typeof LOSSES>> = {
  linear_regression: 'squared',
  user_regression: 'squared',
  sparse_logistic: 'logistic',
  user_logistic: 'logistic',
  shifted_wells: 'wells',
};

/**
 * The data part of the script: the examples as the lab generates them (`descent-lab data` prints
 * the same), the batch order computed by the ported generator (noise.ts BATCHES_PY), f the mean
 * loss over the training set, step k's gradient torch autograd's of its batch's mean loss.
 */
export function dataPart(id: string, spec: DataSpec, params: Params): DataPart {
  const loss = Object.hasOwn(MODELS, id) ? MODELS[id] : undefined;
  if (!loss || spec.inputs !== (loss === 'squared' ? 1 : 2)) {
    throw new TorchExportError(`the data model "${id}" has no PyTorch export`);
  }
  const { train, test } = spec.dataset(params);
  const batch = params['batch']!;
  const text = [
    `# --- The data: ${spec.model}; ${spec.loss}.`,
    `# ${train.n} training and ${test.n} test examples, as \`descent-lab data\` prints them.`,
    columns('TRAIN', train, spec.inputs),
    columns('TEST', test, spec.inputs),
    `BATCHES = BatchOrder(${pyInt(train.n)}, ${pyInt(batch)}, SEED)  # batch size ${batch}, shuffled by the noise seed`,
    '',
    '',
    LOSSES[loss],
    '',
    '',
    'def f(x, y):',
    '    """The training loss: the mean over the training set."""',
    '    return losses(x, y, TRAIN).mean(-1)',
    '',
    '',
    'def test_f(x, y):',
    '    """The test loss: the mean over the held-out examples."""',
    '    return losses(x, y, TEST).mean(-1)',
    '',
    '',
    'def gradient(p, k):',
    `    """The gradient of step k + 1: torch autograd's of the mean loss over its mini-batch."""`,
    '    batch = torch.tensor(BATCHES.indices(k))',
    '    ex = {key: column[batch] for key, column in TRAIN.items()}',
    '    return torch.autograd.grad(losses(p[0], p[1], ex).mean(-1), p)[0]',
  ].join('\n');
  return { text, hasTest: test.n > 0 };
}
