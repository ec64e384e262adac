import { describe, expect, it } from 'vitest';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { sceneName } from '../../src/ui/sceneName.ts';

const preset = { v: 1, fn: { id: 'rosenbrock' }, steps: 10, optimizers: [{ type: 'sgd' }] };

describe('a scene’s name (the status line, the embed’s bar and snippet, a figure’s title)', () => {
  it('is its function’s, or “Custom f(x, y)” for a typed one', () => {
    expect(sceneName(sceneFromPreset(preset))).toBe('Rosenbrock');
    const typed = sceneFromPreset({ ...preset, fn: { id: 'custom', expr: 'x^2 + y^2' } });
    expect(sceneName(typed)).toBe('Custom f(x, y)');
  });

  it('is its network’s, not the function a network scene does not show', () => {
    const scene = sceneFromPreset({ ...preset, network: { data: 'spiral', hidden: [8, 8] } });
    expect(sceneName(scene)).toBe('Network [2, 8, 8, 1] tanh on Spiral');
  });
});
