import { common } from '../data/models.ts';
import { memoized, type Dataset, type Draw } from '../data/examples.ts';
import { cos, sin } from '../math/index.ts';
import type { NormalSource } from '../noise.ts';
import type { ParamSpec, Params } from '../types.ts';
import type { Head } from './architecture.ts';

/**
 * TensorFlow Playground's data sets (tensorflow/playground src/dataset.ts), on its scale (inputs in
 * about ±6), drawn one example at a time from the lab's generator. Two changes, both because the
 * lab splits train and test by position (the first trainSize(n, test) examples train): each
 * example's class is drawn (Playground makes all of one class, then all of the other, and shuffles
 * before splitting), and the spiral's position along its arm is drawn rather than i/n. Labels are
 * 1 and 0 (Playground's 1 and −1) for the log-loss. Playground's noise (0…0.5) moves the point by
 * which a label is decided, not the point itself: near a boundary, labels come out wrong.
 */
export interface NetworkDataset {
  readonly id: string;
  readonly name: string;
  /** The head its targets are for. */
  readonly head: Head;
  /** Examples of these parameters (n, test, batch, seed, noise), memoized per parameter object. */
  readonly dataset: (params: Params) => Dataset;
}

/** A uniform draw in [lo, hi). */
const uniform = (source: NormalSource, lo: number, hi: number): number =>
  lo + (hi - lo) * source.nextUniform();

const RADIUS = 5;

/** Inside a disc of radius 2.5 (label 1) or in the ring 3.5…5 around it (label 0). */
const circleDraw: Draw = (source, params) => {
  const inner = source.nextUniform() < 0.5;
  const r = inner ? uniform(source, 0, RADIUS * 0.5) : uniform(source, RADIUS * 0.7, RADIUS);
  const angle = uniform(source, 0, 2 * Math.PI);
  const x = r * sin(angle);
  const y = r * cos(angle);
  const noise = params['noise']!;
  const nx = uniform(source, -RADIUS, RADIUS) * noise;
  const ny = uniform(source, -RADIUS, RADIUS) * noise;
  const u = x + nx;
  const v = y + ny;
  return [x, y, Math.sqrt(u * u + v * v) < RADIUS * 0.5 ? 1 : 0];
};

/** Uniform on ±5, kept 0.3 off the axes; label 1 where x·y ≥ 0 (first and third quadrants). */
const xorDraw: Draw = (source, params) => {
  const pad = (v: number): number => v + (v > 0 ? 0.3 : -0.3);
  const x = pad(uniform(source, -5, 5));
  const y = pad(uniform(source, -5, 5));
  const noise = params['noise']!;
  const nx = uniform(source, -5, 5) * noise;
  const ny = uniform(source, -5, 5) * noise;
  return [x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0];
};

/**
 * Two normal clusters, around (2, 2) (label 1) and (−2, −2) (label 0), of variance 0.5 at noise 0
 * to 4 at noise 0.5 (Playground's linear scale).
 */
const gaussDraw: Draw = (source, params) => {
  const positive = source.nextUniform() < 0.5;
  const sd = Math.sqrt(0.5 + 7 * params['noise']!);
  const c = positive ? 2 : -2;
  return [c + sd * source.nextNormal(), c + sd * source.nextNormal(), positive ? 1 : 0];
};

/** Two interleaved arms of 1.75 turns out to radius 5; noise moves each point by ±noise. */
const spiralDraw: Draw = (source, params) => {
  const positive = source.nextUniform() < 0.5;
  const s = source.nextUniform();
  const r = s * RADIUS;
  const t = 1.75 * s * 2 * Math.PI + (positive ? 0 : Math.PI);
  const noise = params['noise']!;
  const x = r * sin(t) + uniform(source, -1, 1) * noise;
  const y = r * cos(t) + uniform(source, -1, 1) * noise;
  return [x, y, positive ? 1 : 0];
};

/** Regression on a tilted plane: target (x + y)/10 at the noise-moved point, x and y uniform on ±6. */
const planeDraw: Draw = (source, params) => {
  const x = uniform(source, -6, 6);
  const y = uniform(source, -6, 6);
  const noise = params['noise']!;
  const nx = uniform(source, -6, 6) * noise;
  const ny = uniform(source, -6, 6) * noise;
  return [x, y, (x + nx + y + ny) / 10];
};

/** The parameters of every network data set: common's, and Playground's noise (0…0.5). */
export const networkDataParams: Readonly<Record<string, ParamSpec>> = {
  ...common(500, 10),
  noise: { default: 0, min: 0, max: 0.5, label: 'noise' },
};

const set = (id: string, name: string, head: Head, draw: Draw): NetworkDataset => ({
  id,
  name,
  head,
  dataset: memoized(draw),
});

/** Every network data set, in display order. */
export const networkDatasets: readonly NetworkDataset[] = [
  set('circle', 'Circle', 'classification', circleDraw),
  set('xor', 'Exclusive or', 'classification', xorDraw),
  set('gauss', 'Two Gaussian clusters', 'classification', gaussDraw),
  set('spiral', 'Spiral', 'classification', spiralDraw),
  set('plane', 'Tilted plane (regression)', 'regression', planeDraw),
];

const byId = new Map(networkDatasets.map((d) => [d.id, d]));

/** The network data set of this id, or undefined. */
export const getNetworkDataset = (id: string): NetworkDataset | undefined => byId.get(id);
