/** The nonlinearity after each hidden layer. */
export type Activation = 'tanh' | 'relu';

/**
 * What the single output unit is read as: `regression` (squared error, torch.nn.MSELoss) or
 * `classification` (one logit, log-loss, torch.nn.BCEWithLogitsLoss); both mean over the batch.
 */
export type Head = 'regression' | 'classification';

/** A multilayer perceptron on two inputs with one output: [2, ...hidden, 1]. */
export interface Architecture {
  /** Units of each hidden layer, input side first. */
  readonly hidden: readonly number[];
  readonly activation: Activation;
  readonly head: Head;
}

/** The caps a scene may ask for: enough for the landscapes of Playground's data, small enough to train live. */
export const MAX_HIDDEN_LAYERS = 3;
export const MAX_UNITS = 32;
export const MAX_PARAMETERS = 2000;
/**
 * The most parameter values one network scene keeps: every run's θ at every point (runs × (steps
 * + 1) × parameters), 128 MB of float64, which the worker and the page each hold. Within it:
 * [2, 16, 16, 1] with 6 runs × 7,900 steps, or 2,000 parameters with 6 × 1,300. Without it a link
 * could ask the worker for 32 GB (20 runs × 100,001 points × 2,000 parameters).
 */
export const MAX_NETWORK_VALUES = 16_000_000;
export const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu'];
export const HEADS: readonly Head[] = ['regression', 'classification'];

/** Units of every layer, inputs and output included: [2, ...hidden, 1]. */
export const layerSizes = (arch: Pick<Architecture, 'hidden'>): number[] => [2, ...arch.hidden, 1];

/** Weights and biases in all: Σ (in + 1)·out over the layers. */
export function parameterCount(arch: Pick<Architecture, 'hidden'>): number {
  const s = layerSizes(arch);
  let n = 0;
  for (let l = 0; l + 1 < s.length; l++) n += (s[l]! + 1) * s[l + 1]!;
  return n;
}

/**
 * Where each layer's parameters sit in the flat vector, in torch's `named_parameters()` order for
 * `nn.Sequential(Linear, act, Linear, act, …, Linear)`: layer l's weight [out, in] row-major at
 * `weight[l]` (named `${2l}.weight`), then its bias at `bias[l]` (`${2l}.bias`), then layer l + 1.
 */
export interface Layout {
  readonly sizes: readonly number[];
  readonly weight: readonly number[];
  readonly bias: readonly number[];
  /** Length of the vector. */
  readonly count: number;
}

/** The layout of `arch`'s parameter vector. */
export function layoutOf(arch: Pick<Architecture, 'hidden'>): Layout {
  const sizes = layerSizes(arch);
  const weight: number[] = [];
  const bias: number[] = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    weight.push(at);
    at += sizes[l]! * sizes[l + 1]!;
    bias.push(at);
    at += sizes[l + 1]!;
  }
  return { sizes, weight, bias, count: at };
}

/** torch's names of the parameter tensors, in the vector's order: "0.weight", "0.bias", "2.weight", … */
export const parameterNames = (arch: Pick<Architecture, 'hidden'>): string[] =>
  arch.hidden.concat(1).flatMap((_, l) => [`${2 * l}.weight`, `${2 * l}.bias`]);

/**
 * What is wrong with an architecture read from outside (a preset, the command line), naming the
 * field, or null. Anything not a string or array of the right kind is refused, never coerced.
 */
export function checkArchitecture(arch: {
  readonly hidden: unknown;
  readonly activation: unknown;
  readonly head: unknown;
}): { key: string; message: string } | null {
  const { hidden, activation, head } = arch;
  if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > MAX_HIDDEN_LAYERS) {
    return { key: 'hidden', message: `must list 1 to ${MAX_HIDDEN_LAYERS} hidden layers` };
  }
  for (const [i, units] of hidden.entries()) {
    if (typeof units !== 'number' || !Number.isInteger(units) || units < 1 || units > MAX_UNITS) {
      return {
        key: 'hidden',
        message: `layer ${i + 1} must have 1 to ${MAX_UNITS} units (an integer)`,
      };
    }
  }
  const count = parameterCount({ hidden: hidden as number[] });
  if (count > MAX_PARAMETERS) {
    return {
      key: 'hidden',
      message: `gives ${count} parameters; at most ${MAX_PARAMETERS} are allowed`,
    };
  }
  if (!ACTIVATIONS.includes(activation as Activation)) {
    return { key: 'activation', message: `must be one of ${ACTIVATIONS.join(', ')}` };
  }
  if (!HEADS.includes(head as Head)) {
    return { key: 'head', message: `must be one of ${HEADS.join(', ')}` };
  }
  return null;
}

/** The parameter values a scene of `runs` optimizers × `steps` steps on `arch` keeps: runs × points × θ. */
export const networkValues = (
  arch: Pick<Architecture, 'hidden'>,
  runs: number,
  steps: number,
): number => runs * (steps + 1) * layoutOf(arch).count;
