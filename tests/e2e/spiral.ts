import { Network } from '../../src/engine/network/model.ts';
import { networkTraining } from '../../src/engine/network/scene.ts';
import { SHARPNESS, sharpness } from '../../src/engine/network/sharpness.ts';
import { trainNetwork } from '../../src/engine/network/train.ts';
import { network } from '../../src/gallery/network.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { run } from '../unit/support/cliInProcess.ts';
import { linkTo } from './sameNumbers.ts';

/** The gallery's spiral: SGD, Adam and Adam → SGD on [2, 8, 8, 1], 500 steps (issue 15). */
export const spiralPreset = network.find((g) => g.id === 'network-spiral-optimizers')!.preset;

/** The spiral's link hash. */
export const spiralHash = linkTo(spiralPreset);

/** The spiral's scene, as the page reads the link. */
export const spiralScene = sceneFromPreset(spiralPreset);

/**
 * `descent-lab slice --plane line` from run `from`'s end to run `to`'s, on the page's 81 points:
 * what the page's "Line as JSON" saves.
 */
export async function cliLineText(from: number, to: number): Promise<string> {
  const args = ['slice', spiralHash, '--plane', 'line', '--run', `${from}`, '--to', `${to}`];
  const { status, stdout, stderr } = await run([...args, '--grid', '81']);
  if (status !== 0) throw new Error(`descent-lab slice exited ${status}: ${stderr}`);
  return stdout;
}

/**
 * The spiral trained by the engine in this process, and each run's end: its final training and
 * test loss and its sharpness with the page's measure (SHARPNESS).
 */
export function trainedSpiral() {
  const training = networkTraining(spiralScene, spiralScene.network!);
  const runs = trainNetwork(training);
  const net = new Network(training.arch);
  const { radius, directions, seed } = SHARPNESS;
  const ends = runs.map((r) => {
    const k = r.loss.length - 1;
    const end = r.params.subarray(k * r.count, (k + 1) * r.count);
    return {
      train: r.loss[k]!,
      test: r.testLoss![k]!,
      sharp: sharpness(net, training.data.train, end, radius, directions, seed),
    };
  });
  return { training, runs, net, ends };
}

/**
 * In the page: the numbers of a table's rows as the page wrote them (each cell's data-value).
 * For Playwright's evaluateAll and Puppeteer's $$eval over `<table> tbody tr`.
 */
export const cellValues = (rows: Element[]): string[][] =>
  rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.getAttribute('data-value') ?? ''));
