import { describe, expect, it } from 'vitest';
import { sameSetting, sameTrajectories, type Scene } from '../../src/engine/scene.ts';
import { defaultScene } from '../../src/preset/index.ts';

describe('sameSetting and sameTrajectories', () => {
  const scene = defaultScene();
  const [a, b, c] = scene.optimizers as [Scene['optimizers'][0], ...Scene['optimizers']];

  it('a scene with only its view or labels replaced keeps the setting', () => {
    const zoomed = { ...scene, view: { x: [0, 1], y: [0, 1] } } as const;
    expect(sameSetting(scene, zoomed)).toBe(true);
    expect(sameTrajectories(scene, zoomed)).toBe(true);
    const relabelled = { ...scene, optimizers: [a, b!, { ...c!, label: 'other' }] };
    expect(sameSetting(scene, relabelled)).toBe(true);
    expect(sameTrajectories(scene, relabelled)).toBe(false);
  });

  it.each([
    ['fn', { fn: { ...scene.fn } }],
    ['start', { start: [...scene.start] }],
    ['steps', { steps: scene.steps + 1 }],
    ['noise', { noise: { ...scene.noise } }],
  ])('replacing %s changes the setting, even for an equal value', (_, change) => {
    const other = { ...scene, ...change } as Scene;
    expect(sameSetting(scene, other)).toBe(false);
    expect(sameTrajectories(scene, other)).toBe(false);
  });

  it('compares optimizer entries by identity, in order, and by count', () => {
    expect(sameTrajectories(scene, { ...scene, optimizers: [a, b!, c!] })).toBe(true);
    expect(sameTrajectories(scene, { ...scene, optimizers: [b!, a, c!] })).toBe(false);
    expect(sameTrajectories(scene, { ...scene, optimizers: [a, b!] })).toBe(false);
    expect(sameTrajectories(scene, { ...scene, optimizers: [a, b!, { ...c! }] })).toBe(false);
  });
});
