import { checkSizes } from '../engine/data/models.ts';
import {
  checkArchitecture,
  MAX_NETWORK_VALUES,
  networkValues,
  type Activation,
  type Head,
} from '../engine/network/architecture.ts';
import {
  getNetworkDataset,
  networkDataParams,
  networkDatasets,
} from '../engine/network/datasets.ts';
import { PLANE_KINDS } from '../engine/network/landscape.ts';
import {
  DEFAULT_SLICE,
  isDefaultSlice,
  SLICE_LOSSES,
  type NetworkScene,
  type NetworkSlice,
} from '../engine/network/scene.ts';
import { trainSize } from '../engine/data/examples.ts';
import { describe } from './describe.ts';
import { own } from './json.ts';
import type { Reader } from './schema.ts';

/** The hidden layers a network preset gets when it names none. */
export const DEFAULT_HIDDEN: readonly number[] = [8, 8];
const KEYS = ['data', 'params', 'hidden', 'activation', 'head', 'init', 'slice'];

/**
 * The preset's `network` field: `{"data": "spiral", "params"?: {n, test, batch, seed, noise},
 * "hidden"?: [8, 8], "activation"?: "tanh", "head"?: (the data set's), "init"?: 1, "slice"?:
 * {"plane"?: "pca" | "random", "run"?: 0, "loss"?: "train" | "test"}}` (`runs`: the scene's
 * optimizers, which `slice.run` picks from). Every problem names its field (`network.hidden`,
 * `network.params.batch`, `network.slice.run`, …); nothing is clamped.
 */
export function readNetwork(r: Reader, value: unknown, runs: number): NetworkScene | undefined {
  const obj = r.object('network', value, KEYS);
  if (!obj) return undefined;
  const dataIn = own(obj, 'data');
  const ids = networkDatasets.map((d) => d.id);
  if (dataIn === undefined) return r.fail('network.data', `is required (one of ${ids.join(', ')})`);
  const set = typeof dataIn === 'string' ? getNetworkDataset(dataIn) : undefined;
  if (!set)
    return r.fail('network.data', `must be one of ${ids.join(', ')}, got ${describe(dataIn)}`);

  const paramsIn = own(obj, 'params') ?? {};
  const paramsObj = r.object('network.params', paramsIn, Object.keys(networkDataParams));
  const params: Record<string, number> = {};
  let ok = paramsObj !== undefined;
  for (const [key, spec] of Object.entries(networkDataParams)) {
    const v = paramsObj ? own(paramsObj, key) : undefined;
    const read = v === undefined ? spec.default : r.number(`network.params.${key}`, v, spec);
    if (read === undefined) ok = false;
    else params[key] = read;
  }
  const sizes = ok ? checkSizes(params) : null;
  if (sizes) r.fail(`network.params.${sizes.key}`, sizes.message);

  const hidden = own(obj, 'hidden') ?? DEFAULT_HIDDEN;
  const activation = own(obj, 'activation') ?? 'tanh';
  const head = own(obj, 'head') ?? set.head;
  const arch = checkArchitecture({ hidden, activation, head });
  if (arch)
    return r.fail(
      `network.${arch.key}`,
      `${arch.message}, got ${describe(arch.key === 'hidden' ? hidden : arch.key === 'activation' ? activation : head)}`,
    );
  if (head !== set.head) {
    return r.fail(
      'network.head',
      `must be ${set.head} for the ${set.id} data set, got ${describe(head)}`,
    );
  }
  const initIn = own(obj, 'init');
  const init =
    initIn === undefined
      ? 1
      : r.number('network.init', initIn, { integer: true, min: 0, max: 2 ** 31 - 1 });
  const sliceIn = own(obj, 'slice');
  const slice = sliceIn === undefined ? DEFAULT_SLICE : readSlice(r, sliceIn, runs, params);
  if (!ok || sizes || init === undefined || !slice) return undefined;
  return {
    data: set.id,
    params,
    hidden: [...(hidden as number[])],
    activation: activation as Activation,
    head: head as Head,
    init,
    // The default slice is left out: a link that spells it out means the same as one without.
    ...(isDefaultSlice(slice) ? {} : { slice }),
  };
}

/** `network.slice`, its defaults filled; `params` are the data set's, or partly read. */
function readSlice(
  r: Reader,
  value: unknown,
  runs: number,
  params: Readonly<Record<string, number>>,
): NetworkSlice | undefined {
  const obj = r.object('network.slice', value, ['plane', 'run', 'loss']);
  if (!obj) return undefined;
  const plane = r.oneOf('network.slice.plane', own(obj, 'plane'), PLANE_KINDS, 'pca');
  const runIn = own(obj, 'run');
  const run =
    runIn === undefined
      ? 0
      : r.number('network.slice.run', runIn, { integer: true, min: 0, max: runs - 1 });
  const loss = r.oneOf('network.slice.loss', own(obj, 'loss'), SLICE_LOSSES, 'train');
  const { n, test } = params;
  if (loss === 'test' && n !== undefined && test !== undefined && trainSize(n, test) === n) {
    return r.fail(
      'network.slice.loss',
      `is "test" but the data set has no test split (network.params.test gives no test example)`,
    );
  }
  return plane === undefined || run === undefined || loss === undefined
    ? undefined
    : { plane, run, loss };
}

/** The network as preset JSON; `compact` leaves out what a reader fills in by default. */
export function networkJson(network: NetworkScene, compact: boolean): Record<string, unknown> {
  const set = getNetworkDataset(network.data);
  const params = Object.entries(network.params).filter(
    ([k, v]) => !compact || networkDataParams[k]?.default !== v,
  );
  const sameHidden =
    network.hidden.length === DEFAULT_HIDDEN.length &&
    network.hidden.every((u, i) => u === DEFAULT_HIDDEN[i]);
  return {
    data: network.data,
    ...(params.length ? { params: Object.fromEntries(params) } : {}),
    ...(compact && sameHidden ? {} : { hidden: [...network.hidden] }),
    ...(compact && network.activation === 'tanh' ? {} : { activation: network.activation }),
    ...(compact && network.head === set?.head ? {} : { head: network.head }),
    ...(compact && network.init === 1 ? {} : { init: network.init }),
    // Absent is the default in both forms: the JSON of every scene without one is unchanged.
    ...(network.slice && !isDefaultSlice(network.slice)
      ? { slice: sliceJson(network.slice, compact) }
      : {}),
  };
}

/** `network.slice` as preset JSON; `compact` leaves out its defaults. */
function sliceJson(slice: NetworkSlice, compact: boolean): Record<string, unknown> {
  const entries = Object.entries(slice) as [keyof NetworkSlice, unknown][];
  return Object.fromEntries(compact ? entries.filter(([k, v]) => DEFAULT_SLICE[k] !== v) : entries);
}

/**
 * What is wrong with training `runs` optimizers for `steps` steps on `network`, or null: more
 * parameter values to keep than MAX_NETWORK_VALUES, said with the numbers and what to lower.
 */
export function networkWorkProblem(
  network: Pick<NetworkScene, 'hidden'>,
  runs: number,
  steps: number,
): string | null {
  const values = networkValues(network, runs, steps);
  if (values <= MAX_NETWORK_VALUES) return null;
  const count = networkValues(network, 1, 0);
  const n = (v: number) => v.toLocaleString('en-US');
  return (
    `keeps ${n(runs)} runs × ${n(steps + 1)} points × ${n(count)} parameters = ` +
    `${n(values)} values; a network scene keeps at most ` +
    `${n(MAX_NETWORK_VALUES)} (fewer steps, optimizers or hidden units)`
  );
}
