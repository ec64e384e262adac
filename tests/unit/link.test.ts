import fc from 'fast-check';
import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  defaultScene,
  LONG_LINK_CHARS,
  MAX_LINK_CHARS,
  parsePreset,
  readLink,
  sceneHash,
  toPreset,
  type LinkScene,
} from '../../src/preset/index.ts';
import { arbScene } from './arbitraries.ts';

// The fuzz tests are in linkFuzz.test.ts.

const link = (json: unknown) =>
  `https://example.org/#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(json))}`;

const base = { v: 1, fn: { id: 'rosenbrock' }, steps: 10, optimizers: [{ type: 'adam' }] };

/** The scene and problems of a link that must hold a scene. */
function read(text: string): { scene: LinkScene & { found: true }; problems: readonly string[] } {
  const result = readLink(text);
  if (!result.found) throw new Error(`no scene in ${text}`);
  return { scene: result, problems: result.problems };
}

describe('scene links', () => {
  it('round-trips random valid scenes exactly', () => {
    fc.assert(
      fc.property(arbScene(), (scene) => {
        const back = read(`#${sceneHash(scene)}`);
        expect(back.problems).toEqual([]);
        expect(back.scene.scene).toEqual(scene);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the default scene short', () => {
    const hash = sceneHash(defaultScene());
    expect(hash).toMatch(/^s=1\.[A-Za-z0-9+\-$]+$/);
    expect(hash.length).toBeLessThan(200);
  });

  it('keeps a six-optimizer scene with schedules and labels under the long-link mark', () => {
    const preset = {
      ...base,
      steps: 2000,
      noise: { sigma: 0.5, seed: 7 },
      optimizers: ['sgd', 'adam', 'adamw', 'rmsprop', 'lion', 'nadam'].map((type, i) => ({
        type,
        lr: 0.01 * (i + 1),
        label: `run ${i}`,
        schedule: { type: 'cosine', T_max: 2000, eta_min: 0.0001 },
      })),
    };
    const result = parsePreset(preset);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(sceneHash(result.scene).length).toBeLessThan(LONG_LINK_CHARS);
  });

  it('reads a whole URL, a hash and a bare parameter alike', () => {
    const hash = sceneHash(defaultScene());
    for (const text of [`http://localhost:5173/#${hash}`, `#${hash}`, hash, `#x=2&${hash}`]) {
      expect(read(text).scene.scene).toEqual(defaultScene());
    }
    expect(readLink('http://localhost:5173/').found).toBe(false);
    expect(readLink('#other=1').found).toBe(false);
  });

  it('ignores unknown keys, and names each one by its path', () => {
    const { scene, problems } = read(
      link({
        ...base,
        theme: 'dark',
        'odd key': 1,
        fn: { id: 'booth', x: 1, params: { q: 2 } },
        view: { x: [-1, 1], y: [-1, 1], z: [0, 1] },
        noise: { sigma: 0.1, mu: 0 },
        optimizers: [
          { type: 'adamw', lr: 0.1, weight_decy: 0.5 },
          { type: 'sgd', schedule: { type: 'step', step_size: 5, gama: 0.5 } },
        ],
      }),
    );
    expect(problems).toEqual([
      'theme is not a known field (ignored)',
      '["odd key"] is not a known field (ignored)',
      'fn.x is not a known field (ignored)',
      'fn.params.q is not a known field (ignored)',
      'view.z is not a known field (ignored)',
      'noise.mu is not a known field (ignored)',
      'optimizers[0].weight_decy is not a known field (ignored)',
      'optimizers[1].schedule.gama is not a known field (ignored)',
    ]);
    const s = scene.scene;
    expect(scene.defaulted).toBe(false);
    expect(s.fn.id).toBe('booth');
    expect(s.noise.sigma).toBe(0.1);
    // The typo is dropped, not read: AdamW keeps its own weight decay.
    expect(s.optimizers[0]!.hyper['weight_decay']).toBe(0.01);
    expect(s.optimizers[0]!.hyper['lr']).toBe(0.1);
    expect(s.optimizers[1]!.schedule).toEqual({ type: 'step', step_size: 5, gamma: 0.1 });
  });

  it("names a hostile link's hundreds of unknown keys in a bounded list", () => {
    const junk = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const { problems } = read(link({ ...base, ...junk }));
    expect(problems).toHaveLength(51);
    expect(problems[0]).toBe('k0 is not a known field (ignored)');
    expect(problems.at(-1)).toBe('…and 450 more unknown fields (ignored)');
  });
});

describe('bad links', () => {
  const fallsBack = (text: string, message: RegExp) => {
    const { scene, problems } = read(text);
    expect(scene.scene).toEqual(defaultScene());
    expect(problems.join(' ')).toMatch(message);
    expect(problems.at(-1)).toMatch(/default scene/);
    expect(scene.defaulted).toBe(true);
  };

  it('says what is wrong and shows the default scene', () => {
    fallsBack('#s=', /not a Descent Lab scene/);
    fallsBack('#s=1.', /damaged/);
    fallsBack('#s=1.!!!!', /damaged/);
    fallsBack(`#${sceneHash(defaultScene()).slice(0, 40)}`, /damaged|JSON/);
    fallsBack(`#s=1.${lz.compressToEncodedURIComponent('{"v":1,')}`, /not valid JSON/);
    fallsBack(link([1, 2]), /must be an object/);
    fallsBack(link(null), /must be an object/);
  });

  it('says when a link comes from a newer version', () => {
    fallsBack(`#s=2.${lz.compressToEncodedURIComponent(JSON.stringify(base))}`, /newer/);
    fallsBack(link({ ...base, v: 3 }), /newer Descent Lab/);
  });

  it('caps the link before and after decompression', () => {
    fallsBack(`#s=1.${'A'.repeat(MAX_LINK_CHARS)}`, /at most/);
    const bomb = lz.compressToEncodedURIComponent(`{"v":1,"x":"${'a'.repeat(1_000_000)}"}`);
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    fallsBack(`#s=1.${bomb}`, /unpacks to over/);
  });

  it('loads what is valid of a partly bad link and names the rest', () => {
    const { scene, problems } = read(
      link({
        ...base,
        fn: { id: 'narrow_valley', params: { kappa: -5, angle: 10 } },
        start: [1, 'x'],
        optimizers: [
          { type: 'adam', lr: 0.1, betas: [1.5, 0.999], label: 'keep me' },
          { type: 'nonsense', lr: 1 },
          { type: 'sgd', lr: 0.2, nesterov: true },
          { type: 'rmsprop', schedule: { type: 'cosine', T_max: -1 } },
        ],
      }),
    );
    const s = scene.scene;
    expect(s.fn).toEqual({ id: 'narrow_valley', params: { kappa: 20, angle: 10 } });
    expect(s.start).toEqual([-3, 1.5]);
    expect(s.optimizers.map((o) => o.type)).toEqual(['adam', 'sgd', 'rmsprop']);
    expect(s.optimizers[0]!.label).toBe('keep me');
    expect(s.optimizers[0]!.hyper['lr']).toBe(0.1);
    expect(s.optimizers[0]!.hyper['betas']).toEqual([0.9, 0.999]);
    expect(s.optimizers[1]!.hyper['lr']).toBe(0.2);
    expect(s.optimizers[1]!.hyper['nesterov']).toBe(false);
    expect(s.optimizers[2]!.schedule).toEqual({ type: 'constant' });
    const text = problems.join('\n');
    expect(text).toMatch(/fn\.params\.kappa .*\(used the default\)/);
    expect(text).toMatch(/start\[1\] must be a finite number/);
    expect(text).toMatch(/optimizers\[0\]\.betas\[0\] must be in \[0, 1\), got 1\.5/);
    expect(text).toMatch(/optimizers\[1\]\.type .*\(left this optimizer out\)/);
    expect(text).toMatch(/nesterov/);
    expect(text).toMatch(/schedule.*constant learning rate/);
    expect(text).not.toMatch(/default scene/);
  });

  it('fills what is missing and keeps the first 20 optimizers', () => {
    const { scene, problems } = read(
      link({ v: 1, optimizers: Array.from({ length: 25 }, () => ({ type: 'sgd' })) }),
    );
    expect(scene.scene.fn.id).toBe('rosenbrock');
    expect(scene.scene.steps).toBe(500);
    expect(scene.scene.optimizers).toHaveLength(20);
    expect(problems.join(' ')).toMatch(/first 20/);
  });

  it('is not fooled by prototype keys', () => {
    const text = `#s=1.${lz.compressToEncodedURIComponent(
      '{"v":1,"fn":{"id":"rosenbrock","__proto__":{"id":"x"}},"steps":10,"__proto__":{"steps":5},' +
        '"optimizers":[{"type":"adam","constructor":{"prototype":{"polluted":true}}}]}',
    )}`;
    const { scene } = read(text);
    expect(scene.scene.steps).toBe(10);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(parsePreset(toPreset(scene.scene)).ok).toBe(true);
  });
});
