import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { getOptimizer, optimizers } from '../../src/engine/optimizers/index.ts';
import {
  decayPower,
  slotsOf,
  type HyperValues,
  type Optimizer,
  type OptimizerSpec,
} from '../../src/engine/optimizers/spec.ts';
import { parsePreset } from '../../src/preset/index.ts';
import { torchState, type TorchStateCase, type TorchStep } from './torchState.ts';

/** One whole step of `optimizer` from the point `p` (updated in place) with the gradient `g` at p. */
function stepPoint(optimizer: Optimizer, p: Float64Array, g: Float64Array, lr: number): void {
  optimizer.begin(lr);
  p[0] = optimizer.update(0, p[0]!, g[0]!, lr);
  p[1] = optimizer.update(1, p[1]!, g[1]!, lr);
}

type Value = number | readonly [number, number];

/** Every hyperparameter at torch's default, overridden by `hyper`. */
const resolve = (spec: OptimizerSpec, hyper: TorchStateCase['hyper']): HyperValues => ({
  ...Object.fromEntries(Object.entries(spec.hyper).map(([k, h]) => [k, h.default])),
  ...hyper,
});

/** inspect()'s output split by field key: a pair per coordinate field, a number per scalar. */
function inspected(opt: Optimizer, lr: number): Record<string, Value> {
  const out = new Float64Array(slotsOf(opt.fields)).fill(-12345);
  opt.inspect(out, lr);
  const byKey: Record<string, Value> = {};
  let k = 0;
  for (const f of opt.fields) {
    expect(['coordinate', 'scalar']).toContain(f.per);
    byKey[f.key] = f.per === 'coordinate' ? [out[k++]!, out[k++]!] : out[k++]!;
  }
  // slotsOf counts exactly the slots inspect writes.
  expect(k).toBe(out.length);
  expect(out.includes(-12345)).toBe(false);
  return byKey;
}

/**
 * The fields the engine derives from torch's state for display, by the formulas of torch's step
 * (bias corrections, m̂, v̂, the effective rate, RAdam's ρₜ and rₜ, NAdam's μₜ, Lion's c).
 */
function derived(c: TorchStateCase, hp: HyperValues, t: number): Record<string, Value> {
  const lr = hp.lr as number;
  const eps = hp.eps as number;
  const s = c.steps[t - 1]!.state;
  const prev: TorchStep['state'] = t > 1 ? c.steps[t - 2]!.state : {};
  const pair = (key: string, from = s) => (from[key] as [number, number] | undefined) ?? [0, 0];
  const map = (v: readonly [number, number], f: (x: number) => number) =>
    [f(v[0]), f(v[1])] as const;
  const [b1, b2] = (hp.betas as [number, number] | undefined) ?? [0, 0];
  const bc1 = 1 - b1 ** t;
  const bc2 = 1 - b2 ** t;
  switch (c.type) {
    case 'sgd':
      return { lr_eff: [lr, lr] };
    case 'lion': {
      // c = β₁·m_{t−1} + (1 − β₁)·g_t, the interpolation whose sign was the step.
      const m = pair('exp_avg', prev);
      const g = torchState.grads[t - 1]!;
      return { lr_eff: [lr, lr], c: [b1 * m[0] + (1 - b1) * g[0], b1 * m[1] + (1 - b1) * g[1]] };
    }
    case 'adam':
    case 'adamw': {
      const vHat = map(pair(hp.amsgrad ? 'max_exp_avg_sq' : 'exp_avg_sq'), (v) => v / bc2);
      return {
        m_hat: map(pair('exp_avg'), (m) => m / bc1),
        v_hat: vHat,
        lr_eff: map(vHat, (v) => lr / (Math.sqrt(v) + eps)),
        bias_correction1: bc1,
        bias_correction2: bc2,
      };
    }
    case 'rmsprop': {
      const avg = pair('grad_avg');
      const sq = pair('square_avg');
      return {
        lr_eff: [0, 1].map((i) => lr / (Math.sqrt(sq[i]! - avg[i]! ** 2) + eps)) as [
          number,
          number,
        ],
      };
    }
    case 'adagrad': {
      const clr = lr / (1 + (t - 1) * (hp.lr_decay as number));
      return { clr, lr_eff: map(pair('sum'), (v) => clr / (Math.sqrt(v) + eps)) };
    }
    case 'adadelta': {
      const u = pair('acc_delta', prev);
      const v = pair('square_avg');
      return {
        lr_eff: [0, 1].map((i) => (lr * Math.sqrt(u[i]! + eps)) / Math.sqrt(v[i]! + eps)) as [
          number,
          number,
        ],
      };
    }
    case 'adamax':
      return {
        m_hat: map(pair('exp_avg'), (m) => m / bc1),
        lr_eff: map(pair('exp_inf'), (u) => lr / u),
        bias_correction1: bc1,
      };
    case 'nadam': {
      const vHat = map(pair('exp_avg_sq'), (v) => v / bc2);
      return {
        v_hat: vHat,
        lr_eff: map(vHat, (v) => lr / (Math.sqrt(v) + eps)),
        mu_t: b1 * (1 - 0.5 * 0.96 ** (t * (hp.momentum_decay as number))),
      };
    }
    case 'radam': {
      const rhoInf = 2 / (1 - b2) - 1;
      const rho = rhoInf - (2 * t * b2 ** t) / bc2;
      const rect =
        rho > 5
          ? Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho))
          : 0;
      return {
        m_hat: map(pair('exp_avg'), (m) => m / bc1),
        lr_eff: map(pair('exp_avg_sq'), (v) =>
          rect > 0 ? lr * rect * (Math.sqrt(bc2) / (Math.sqrt(v) + eps)) : lr,
        ),
        rho_t: rho,
        rect,
      };
    }
    default:
      throw new Error(`no derived fields for ${c.type}`);
  }
}

/** |actual − expected| ≤ tol·|expected| (exact when expected is 0). */
function expectClose(actual: Value, expected: Value, what: string, tol = 1e-12): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  expect(a.length, what).toBe(e.length);
  e.forEach((ei, i) => {
    const err = Math.abs(a[i]! - ei);
    expect(err <= tol * Math.abs(ei), `${what}[${i}] = ${a[i]}, expected ${ei}`).toBe(true);
  });
}

describe(`optimizers match torch ${torchState.torch}: p and state after each step (tests/fixtures/torch-state)`, () => {
  for (const c of torchState.cases) {
    it(`${c.type} ${JSON.stringify(c.hyper)}`, () => {
      const spec = getOptimizer(c.type)!;
      const hp = resolve(spec, c.hyper);
      const lr = hp.lr as number;
      const opt = spec.create(hp);
      const keys = opt.fields.map((f) => f.key);
      const torchKeys = Object.keys(c.steps[0]!.state);
      const derivedKeys = Object.keys(derived(c, hp, 1));
      // The engine shows exactly torch's state plus what it derives from it: no more, no less.
      expect(new Set(keys)).toEqual(new Set([...torchKeys, ...derivedKeys]));
      expect(keys).toHaveLength(torchKeys.length + derivedKeys.length);
      const p = Float64Array.from(torchState.start);
      const g = new Float64Array(2);
      c.steps.forEach((step, k) => {
        g.set(torchState.grads[k]!);
        stepPoint(opt, p, g, lr);
        expectClose([p[0]!, p[1]!], step.p, `p after step ${k + 1}`);
        const got = inspected(opt, lr);
        for (const [key, value] of Object.entries(step.state)) {
          expectClose(got[key]!, value, `${key} after step ${k + 1}`);
        }
        // Derived values: RAdam's rₜ near ρₜ = 5 amplifies the rounding of β₂ᵗ (a running product
        // in the engine, a power here).
        for (const [key, value] of Object.entries(derived(c, hp, k + 1))) {
          expectClose(got[key]!, value, `${key} after step ${k + 1}`, 1e-10);
        }
      });
    });
  }

  it('covers every optimizer type', () => {
    expect(new Set(torchState.cases.map((c) => c.type))).toEqual(
      new Set(optimizers.map((o) => o.type)),
    );
  });
});

describe('before the first step', () => {
  const fresh = (type: string, hyper: TorchStateCase['hyper'] = {}) => {
    const spec = getOptimizer(type)!;
    return inspected(spec.create(resolve(spec, hyper)), 0.5);
  };

  it('what is not defined yet is NaN; accumulators hold their initial values', () => {
    const sgd = fresh('sgd', { momentum: 0.9 });
    expect(sgd.momentum_buffer).toEqual([NaN, NaN]);
    expect(sgd.lr_eff).toEqual([0.5, 0.5]);
    const adam = fresh('adam', { amsgrad: true });
    expect(adam.exp_avg).toEqual([0, 0]);
    expect(adam.max_exp_avg_sq).toEqual([0, 0]);
    expect(adam.m_hat).toEqual([NaN, NaN]);
    expect(adam.v_hat).toEqual([NaN, NaN]);
    expect(adam.bias_correction1).toBe(0);
    const radam = fresh('radam');
    expect(radam.rho_t).toBeNaN();
    expect(radam.rect).toBeNaN();
    expect(radam.m_hat).toEqual([NaN, NaN]);
    const nadam = fresh('nadam');
    expect(nadam.mu_t).toBeNaN();
    expect(nadam.mu_product).toBe(1);
    // Adagrad's step 1 is undecayed, and its sum starts at initial_accumulator_value.
    const adagrad = fresh('adagrad', { lr_decay: 0.5, initial_accumulator_value: 4 });
    expect(adagrad.clr).toBe(0.5);
    expect(adagrad.sum).toEqual([4, 4]);
    expect(adagrad.lr_eff).toEqual([0.5 / (2 + 1e-10), 0.5 / (2 + 1e-10)]);
    const lion = fresh('lion');
    expect(lion.exp_avg).toEqual([0, 0]);
    expect(lion.c).toEqual([0, 0]);
  });
});

describe('the optimizer table', () => {
  it("lists torch's ten optimizers (and Lion) in display order, each found by its type", () => {
    expect(optimizers.map((o) => o.type)).toEqual([
      'sgd',
      'adam',
      'adamw',
      'rmsprop',
      'adagrad',
      'adadelta',
      'adamax',
      'nadam',
      'radam',
      'lion',
    ]);
    for (const o of optimizers) expect(getOptimizer(o.type)).toBe(o);
    for (const type of ['__proto__', 'constructor', 'toString', '', 'Adam']) {
      expect(getOptimizer(type), type).toBeUndefined();
    }
  });

  it('every optimizer has a display name and lr first among its hyperparameters', () => {
    expect(optimizers.map((o) => o.name)).toEqual([
      'SGD',
      'Adam',
      'AdamW',
      'RMSprop',
      'Adagrad',
      'Adadelta',
      'Adamax',
      'NAdam',
      'RAdam',
      'Lion',
    ]);
    for (const o of optimizers) expect(Object.keys(o.hyper)[0]).toBe('lr');
  });

  it('every state field has a key, a label and TeX that KaTeX renders; one effective rate', () => {
    for (const c of torchState.cases) {
      const spec = getOptimizer(c.type)!;
      const { fields } = spec.create(resolve(spec, c.hyper));
      const what = `${c.type} ${JSON.stringify(c.hyper)}`;
      expect(new Set(fields.map((f) => f.key)).size, what).toBe(fields.length);
      for (const f of fields) {
        expect(f.key, what).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(f.label.trim(), `${what} ${f.key}`).not.toBe('');
        expect(f.tex.trim(), `${what} ${f.key}`).not.toBe('');
        expect(() => katex.renderToString(f.tex, { throwOnError: true }), f.tex).not.toThrow();
        expect(['linear', 'log'], `${what} ${f.key}`).toContain(f.scale);
        // A field without a role carries no `role` key at all.
        expect('role' in f, `${what} ${f.key}`).toBe(f.role !== undefined);
      }
      expect(fields.filter((f) => f.role === 'lrEff').map((f) => f.key)).toEqual(['lr_eff']);
      expect(fields.filter((f) => f.role === 'direction').length, what).toBeLessThanOrEqual(1);
    }
  });

  it('the momentum arrow follows what the step follows', () => {
    const direction = (type: string, hyper: TorchStateCase['hyper'] = {}) => {
      const spec = getOptimizer(type)!;
      return spec.create(resolve(spec, hyper)).fields.find((f) => f.role === 'direction')?.key;
    };
    expect(direction('sgd')).toBeUndefined();
    expect(direction('sgd', { momentum: 0.9 })).toBe('momentum_buffer');
    expect(direction('rmsprop')).toBeUndefined();
    expect(direction('rmsprop', { momentum: 0.9 })).toBe('momentum_buffer');
    for (const type of ['adam', 'adamw', 'adamax', 'radam']) expect(direction(type)).toBe('m_hat');
    expect(direction('nadam')).toBe('exp_avg');
    expect(direction('lion')).toBe('c');
    expect(direction('adagrad')).toBeUndefined();
    expect(direction('adadelta')).toBeUndefined();
  });
});

describe("hyperparameter ranges are torch's (checked through the preset schema)", () => {
  /** The schema's errors for one optimizer with these hyperparameters (none when accepted). */
  const errorsFor = (opt: Record<string, unknown>): string[] => {
    const r = parsePreset({ v: 1, fn: { id: 'booth' }, steps: 3, optimizers: [opt] });
    return r.ok ? [] : [...r.errors];
  };
  const accepts = (opt: Record<string, unknown>) =>
    expect(errorsFor(opt), JSON.stringify(opt)).toEqual([]);
  const refuses = (opt: Record<string, unknown>, key: string) =>
    expect(errorsFor(opt).join('\n'), JSON.stringify(opt)).toContain(`optimizers[0].${key}`);

  /** Non-negative in torch ("Invalid ... value"): every lr, eps, weight_decay, momentum, … */
  const nonNegative: Record<string, string[]> = {
    sgd: ['lr', 'momentum', 'weight_decay'],
    adam: ['lr', 'eps', 'weight_decay'],
    adamw: ['lr', 'eps', 'weight_decay'],
    rmsprop: ['lr', 'alpha', 'eps', 'weight_decay', 'momentum'],
    adagrad: ['lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps'],
    adadelta: ['lr', 'eps', 'weight_decay'],
    adamax: ['lr', 'eps', 'weight_decay'],
    nadam: ['lr', 'eps', 'weight_decay', 'momentum_decay'],
    radam: ['lr', 'eps', 'weight_decay'],
    lion: ['lr', 'weight_decay'],
  };

  it('refuses negative values of the non-negative ones and accepts 0', () => {
    for (const [type, keys] of Object.entries(nonNegative)) {
      for (const key of keys) {
        accepts({ type, [key]: 0 });
        refuses({ type, [key]: -1e-12 }, key);
      }
      const numeric = Object.entries(getOptimizer(type)!.hyper)
        .filter(([, h]) => h.kind === 'number')
        .map(([k]) => k);
      expect(
        numeric.filter((k) => !keys.includes(k)),
        type,
      ).toEqual(type === 'sgd' ? ['dampening'] : type === 'adadelta' ? ['rho'] : []);
    }
  });

  it('betas in [0, 1); Adadelta rho in [0, 1]; SGD dampening unbounded', () => {
    for (const type of ['adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion']) {
      accepts({ type, betas: [0, 0] });
      accepts({ type, betas: [0.999999, 0.999999] });
      refuses({ type, betas: [1, 0.9] }, 'betas');
      refuses({ type, betas: [0.9, 1] }, 'betas');
      refuses({ type, betas: [-0.1, 0.9] }, 'betas');
    }
    accepts({ type: 'adadelta', rho: 0 });
    accepts({ type: 'adadelta', rho: 1 });
    refuses({ type: 'adadelta', rho: 1.0001 }, 'rho');
    refuses({ type: 'adadelta', rho: -0.1 }, 'rho');
    accepts({ type: 'sgd', momentum: 0.9, dampening: -3 });
    accepts({ type: 'sgd', momentum: 0.9, dampening: 7 });
  });

  it("Nesterov needs a momentum and zero dampening (torch's ValueError)", () => {
    accepts({ type: 'sgd', momentum: 0.9, nesterov: true });
    accepts({ type: 'sgd', momentum: 1e-9, nesterov: true, dampening: 0 });
    for (const bad of [
      { momentum: 0, nesterov: true },
      { nesterov: true },
      { momentum: 0.9, dampening: 0.1, nesterov: true },
      { momentum: 0.9, dampening: -0.1, nesterov: true },
    ]) {
      expect(errorsFor({ type: 'sgd', ...bad }), JSON.stringify(bad)).toContain(
        'optimizers[0].nesterov is refused: Nesterov momentum requires a momentum and zero dampening',
      );
    }
    accepts({ type: 'sgd', momentum: 0, dampening: 0.5 });
  });
});

describe('edge cases of the update rules', () => {
  const create = (type: string, hyper: TorchStateCase['hyper'] = {}) => {
    const spec = getOptimizer(type)!;
    return spec.create(resolve(spec, hyper));
  };

  it('Lion stays put where the gradient is 0 from the start: sign(0) = 0, like torch.sign', () => {
    const lion = create('lion', { lr: 0.1 });
    const p = Float64Array.of(1.5, -2);
    stepPoint(lion, p, Float64Array.of(0, 0), 0.1);
    expect(Array.from(p)).toEqual([1.5, -2]);
    expect(inspected(lion, 0.1).c).toEqual([0, 0]);
  });

  it('RAdam is not rectified at ρₜ = 5 exactly, only above it (torch: rho_t > 5)', () => {
    // With this β₂ the engine's ρ₆ is exactly 5 (torch's rounds to 4.999999999999998): step 6
    // is plain momentum in both, step 7 is rectified.
    const radam = create('radam', { lr: 0.01, betas: [0.9, 0.8397685748659787] });
    const p = Float64Array.of(1, 1);
    const rects: number[] = [];
    const rhos: number[] = [];
    for (let t = 1; t <= 7; t++) {
      stepPoint(radam, p, Float64Array.of(0.3, -0.2), 0.01);
      const ins = inspected(radam, 0.01);
      rects.push(ins.rect as number);
      rhos.push(ins.rho_t as number);
    }
    expect(rhos[5]).toBe(5);
    expect(rects.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(rects[6]).toBeGreaterThan(0);
  });
});

describe('decayPower: a running β^t kept out of the denormal range', () => {
  it('multiplies, and flushes to 0 what falls below 1e-300 (not 1e-300 itself)', () => {
    expect(decayPower(1, 0.9)).toBe(0.9);
    expect(decayPower(0.5, 0.5)).toBe(0.25);
    // 1e-160 · 1e-150 would be the denormal 1e-310.
    expect(decayPower(1e-160, 1e-150)).toBe(0);
    expect(decayPower(1e-300, 1)).toBe(1e-300);
    expect(decayPower(0, 0.9)).toBe(0);
  });
});
