import { describe, expect, it } from 'vitest';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { figureCaption, figureTitle } from '../../src/ui/figureText.ts';

const preset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 300,
  optimizers: [
    { type: 'sgd', lr: 0.1, label: 'SGD' },
    { type: 'adam', lr: 0.03, label: 'Adam' },
  ],
};

describe('a figure’s default title and caption', () => {
  it('name the function, the start and the rates of a function’s scene', () => {
    const scene = sceneFromPreset(preset);
    expect(figureTitle(scene)).toBe('Rosenbrock: SGD and Adam');
    expect(figureCaption(scene)).toBe(
      '300 steps from (−1.5, 2). Learning rates: SGD 0.1, Adam 0.03. Made with Descent Lab.',
    );
  });

  it('name the network and its plane, not the function it does not show', () => {
    const scene = sceneFromPreset({ ...preset, network: { data: 'spiral', hidden: [8, 8] } });
    expect(figureTitle(scene)).toBe('Network [2, 8, 8, 1] tanh on Spiral: SGD and Adam');
    expect(figureCaption(scene)).toBe(
      '300 steps, on the plane of the runs’ first two principal components. ' +
        'Learning rates: SGD 0.1, Adam 0.03. Made with Descent Lab.',
    );
  });

  it('say which plane a network’s figure shows: a random one through a run, as its slice asks', () => {
    const scene = sceneFromPreset({
      ...preset,
      network: { data: 'spiral', hidden: [8, 8], slice: { plane: 'random', run: 1 } },
    });
    expect(figureCaption(scene)).toBe(
      '300 steps, on a plane through Adam’s last point along two filter-normalised random ' +
        'directions. Learning rates: SGD 0.1, Adam 0.03. Made with Descent Lab.',
    );
  });
});
