import type { OptimizerEntry } from '../../engine/scene.ts';
import type { Vec2 } from '../../engine/types.ts';
import { texNumber as n } from './texNumber.ts';

/** An update rule typeset in TeX (rows of an `aligned` block), with notes on conventions. */
export interface Rule {
  /** Rows of `\begin{aligned}…\end{aligned}`, each with one `&` before its relation. */
  readonly rows: readonly string[];
  /** Short notes where common texts differ from torch. */
  readonly notes: readonly string[];
}

const num = (e: OptimizerEntry, key: string): number => e.hyper[key] as number;
const flag = (e: OptimizerEntry, key: string): boolean => e.hyper[key] as boolean;
const betas = (e: OptimizerEntry): Vec2 => e.hyper['betas'] as Vec2;

/** γ with its value for a constant rate, γ_t for a schedule. */
const gamma = (e: OptimizerEntry): string =>
  e.schedule.type === 'constant' ? n(num(e, 'lr')) : '\\gamma_t';

/** The gradient row, with L2 weight decay folded in when it is on. */
function gradientRow(e: OptimizerEntry, coupled = true): string {
  const wd = num(e, 'weight_decay');
  return wd !== 0 && coupled
    ? `g_t &= \\nabla f(\\theta_{t-1}) + ${n(wd)}\\,\\theta_{t-1}`
    : 'g_t &= \\nabla f(\\theta_{t-1})';
}

const L2_NOTE =
  'weight_decay here is L2: λθ is added to g before the adaptive scaling, which weakens it where gradients are large (AdamW decouples it).';

function sgd(e: OptimizerEntry): Rule {
  const mu = num(e, 'momentum');
  const tau = num(e, 'dampening');
  const lr = gamma(e);
  if (mu === 0)
    return {
      rows: [gradientRow(e), `\\theta_t &= \\theta_{t-1} - ${lr}\\, g_t`],
      notes: ['Plain gradient descent: each step is −γ·g, straight down the slope.'],
    };
  const buffer =
    tau === 0 ? `${n(mu)}\\, b_{t-1} + g_t` : `${n(mu)}\\, b_{t-1} + ${n(1 - tau)}\\, g_t`;
  const nesterov = flag(e, 'nesterov');
  return {
    rows: [
      gradientRow(e),
      `b_1 &= g_1,\\quad b_t = ${buffer}`,
      nesterov
        ? `\\theta_t &= \\theta_{t-1} - ${lr}\\,(g_t + ${n(mu)}\\, b_t)`
        : `\\theta_t &= \\theta_{t-1} - ${lr}\\, b_t`,
    ],
    notes: [
      'torch sums gradients into the buffer, b = μb + g, with γ outside. Texts that use the moving average v = βv + (1 − β)g take the same path with γ/(1 − β).',
      ...(nesterov
        ? [
            'torch’s Nesterov steps along g + μb at the current point (Sutskever’s form), not along a gradient taken at a look-ahead point.',
          ]
        : []),
    ],
  };
}

function adam(e: OptimizerEntry, decoupled: boolean): Rule {
  const [b1, b2] = betas(e);
  const wd = num(e, 'weight_decay');
  const lr = gamma(e);
  const amsgrad = flag(e, 'amsgrad');
  const vUsed = amsgrad ? 'v^{\\max}_t' : 'v_t';
  return {
    rows: [
      gradientRow(e, !decoupled),
      ...(decoupled && wd !== 0
        ? [`\\theta_{t-1} &\\leftarrow (1 - ${lr}\\cdot${n(wd)})\\,\\theta_{t-1}`]
        : []),
      `m_t &= ${n(b1)}\\, m_{t-1} + ${n(1 - b1)}\\, g_t`,
      `v_t &= ${n(b2)}\\, v_{t-1} + ${n(1 - b2)}\\, g_t^2`,
      ...(amsgrad ? ['v^{\\max}_t &= \\max(v^{\\max}_{t-1}, v_t)'] : []),
      `\\hat m_t &= \\frac{m_t}{1 - ${n(b1)}^t},\\quad \\hat v_t = \\frac{${vUsed}}{1 - ${n(b2)}^t}`,
      `\\theta_t &= \\theta_{t-1} - ${lr}\\,\\frac{\\hat m_t}{\\sqrt{\\hat v_t} + ${n(num(e, 'eps'))}}`,
    ],
    notes: [
      'ε sits outside the square root and after bias correction, as in torch and the paper; some texts put it inside the root or before the correction.',
      'At step 1, m̂ = g and v̂ = g², so m̂/√v̂ = sign(g): every coordinate moves by γ, whatever the gradient’s size.',
      decoupled
        ? 'AdamW decouples weight decay: θ shrinks by (1 − γλ) directly, outside the adaptive scaling; Adam’s weight_decay adds λθ to g instead (L2).'
        : wd !== 0
          ? L2_NOTE
          : 'Adam’s weight_decay would add λθ to g (L2); AdamW shrinks θ directly instead.',
    ],
  };
}

function rmsprop(e: OptimizerEntry): Rule {
  const alpha = num(e, 'alpha');
  const mu = num(e, 'momentum');
  const centered = flag(e, 'centered');
  const lr = gamma(e);
  const denom = centered
    ? `\\sqrt{v_t - \\bar g_t^2} + ${n(num(e, 'eps'))}`
    : `\\sqrt{v_t} + ${n(num(e, 'eps'))}`;
  return {
    rows: [
      gradientRow(e),
      `v_t &= ${n(alpha)}\\, v_{t-1} + ${n(1 - alpha)}\\, g_t^2`,
      ...(centered ? [`\\bar g_t &= ${n(alpha)}\\, \\bar g_{t-1} + ${n(1 - alpha)}\\, g_t`] : []),
      ...(mu > 0
        ? [
            `b_t &= ${n(mu)}\\, b_{t-1} + \\frac{g_t}{${denom}}`,
            `\\theta_t &= \\theta_{t-1} - ${lr}\\, b_t`,
          ]
        : [`\\theta_t &= \\theta_{t-1} - ${lr}\\,\\frac{g_t}{${denom}}`]),
    ],
    notes: [
      'No bias correction: v starts at 0, so early steps are larger than γ. ε sits outside the root (TensorFlow puts it inside).',
    ],
  };
}

function adagrad(e: OptimizerEntry): Rule {
  const decay = num(e, 'lr_decay');
  const lr = gamma(e);
  return {
    rows: [
      gradientRow(e),
      `s_t &= s_{t-1} + g_t^2,\\quad s_0 = ${n(num(e, 'initial_accumulator_value'))}`,
      decay !== 0
        ? `\\tilde\\gamma_t &= \\frac{${lr}}{1 + (t-1)\\cdot${n(decay)}}`
        : `\\tilde\\gamma_t &= ${lr}`,
      `\\theta_t &= \\theta_{t-1} - \\tilde\\gamma_t\\,\\frac{g_t}{\\sqrt{s_t} + ${n(num(e, 'eps'))}}`,
    ],
    notes: ['The sum only grows, so the effective rate only falls. ε sits outside the root.'],
  };
}

function adadelta(e: OptimizerEntry): Rule {
  const rho = num(e, 'rho');
  const eps = n(num(e, 'eps'));
  return {
    rows: [
      gradientRow(e),
      `v_t &= ${n(rho)}\\, v_{t-1} + ${n(1 - rho)}\\, g_t^2`,
      `\\Delta_t &= \\frac{\\sqrt{u_{t-1} + ${eps}}}{\\sqrt{v_t + ${eps}}}\\, g_t`,
      `u_t &= ${n(rho)}\\, u_{t-1} + ${n(1 - rho)}\\, \\Delta_t^2`,
      `\\theta_t &= \\theta_{t-1} - ${gamma(e)}\\, \\Delta_t`,
    ],
    notes: [
      'torch keeps a learning rate (default 1.0) that Zeiler’s paper does not have. ε sits inside both roots.',
    ],
  };
}

function adamax(e: OptimizerEntry): Rule {
  const [b1, b2] = betas(e);
  return {
    rows: [
      gradientRow(e),
      `m_t &= ${n(b1)}\\, m_{t-1} + ${n(1 - b1)}\\, g_t`,
      `u_t &= \\max(${n(b2)}\\, u_{t-1},\\ |g_t| + ${n(num(e, 'eps'))})`,
      `\\theta_t &= \\theta_{t-1} - \\frac{${gamma(e)}}{1 - ${n(b1)}^t}\\,\\frac{m_t}{u_t}`,
    ],
    notes: ['torch adds ε to |g| inside the max; the paper adds nothing.'],
  };
}

function nadam(e: OptimizerEntry): Rule {
  const [b1, b2] = betas(e);
  const lr = gamma(e);
  const eps = n(num(e, 'eps'));
  return {
    rows: [
      gradientRow(e),
      `\\mu_t &= ${n(b1)}\\,(1 - \\tfrac12\\, 0.96^{t\\cdot${n(num(e, 'momentum_decay'))}})`,
      `m_t &= ${n(b1)}\\, m_{t-1} + ${n(1 - b1)}\\, g_t,\\quad v_t = ${n(b2)}\\, v_{t-1} + ${n(1 - b2)}\\, g_t^2`,
      `\\hat v_t &= \\frac{v_t}{1 - ${n(b2)}^t}`,
      `\\theta_t &= \\theta_{t-1} - ${lr}\\,\\frac{1 - \\mu_t}{1 - \\prod_{i\\le t}\\mu_i}\\,\\frac{g_t}{\\sqrt{\\hat v_t} + ${eps}} - ${lr}\\,\\frac{\\mu_{t+1}}{1 - \\prod_{i\\le t+1}\\mu_i}\\,\\frac{m_t}{\\sqrt{\\hat v_t} + ${eps}}`,
    ],
    notes: [
      'torch ≥ 2.0’s formula, with a momentum μₜ that warms up (momentum_decay ψ); Dozat’s paper uses a constant μ.',
    ],
  };
}

function radam(e: OptimizerEntry): Rule {
  const [b1, b2] = betas(e);
  const lr = gamma(e);
  return {
    rows: [
      gradientRow(e),
      `m_t &= ${n(b1)}\\, m_{t-1} + ${n(1 - b1)}\\, g_t,\\quad v_t = ${n(b2)}\\, v_{t-1} + ${n(1 - b2)}\\, g_t^2`,
      `\\hat m_t &= \\frac{m_t}{1 - ${n(b1)}^t},\\quad \\rho_t = \\rho_\\infty - \\frac{2t\\,${n(b2)}^t}{1 - ${n(b2)}^t},\\quad \\rho_\\infty = ${n(2 / (1 - b2) - 1)}`,
      `\\theta_t &= \\theta_{t-1} - ${lr}\\,\\hat m_t\\, r_t\\,\\frac{\\sqrt{1 - ${n(b2)}^t}}{\\sqrt{v_t} + ${n(num(e, 'eps'))}}\\ \\text{if } \\rho_t > 5,\\ \\text{else } \\theta_{t-1} - ${lr}\\,\\hat m_t`,
      `r_t &= \\sqrt{\\frac{(\\rho_t - 4)(\\rho_t - 2)\\,\\rho_\\infty}{(\\rho_\\infty - 4)(\\rho_\\infty - 2)\\,\\rho_t}}`,
    ],
    notes: [
      'While the variance estimate is too young (ρₜ ≤ 5, the first few steps) RAdam takes plain momentum steps γ·m̂.',
    ],
  };
}

function lion(e: OptimizerEntry): Rule {
  const [b1, b2] = betas(e);
  const wd = num(e, 'weight_decay');
  const lr = gamma(e);
  return {
    rows: [
      'g_t &= \\nabla f(\\theta_{t-1})',
      `c_t &= ${n(b1)}\\, m_{t-1} + ${n(1 - b1)}\\, g_t`,
      wd !== 0
        ? `\\theta_t &= (1 - ${lr}\\cdot${n(wd)})\\,\\theta_{t-1} - ${lr}\\,\\operatorname{sign}(c_t)`
        : `\\theta_t &= \\theta_{t-1} - ${lr}\\,\\operatorname{sign}(c_t)`,
      `m_t &= ${n(b2)}\\, m_{t-1} + ${n(1 - b2)}\\, g_t`,
    ],
    notes: [
      'Not part of torch.optim: the authors’ code. Every coordinate moves by exactly γ each step; weight decay is decoupled.',
    ],
  };
}

const RULES: Readonly<Record<string, (e: OptimizerEntry) => Rule>> = {
  sgd,
  adam: (e) => adam(e, false),
  adamw: (e) => adam(e, true),
  rmsprop,
  adagrad,
  adadelta,
  adamax,
  nadam,
  radam,
  lion,
};

/** The update rule of an optimizer entry with its hyperparameters filled in. */
export function ruleOf(entry: OptimizerEntry): Rule {
  const make = RULES[entry.type];
  if (!make) return { rows: [], notes: [`No rule for “${entry.type}”.`] };
  const rule = make(entry);
  if (entry.schedule.type === 'constant') return rule;
  return {
    rows: rule.rows,
    notes: [
      ...rule.notes,
      `γₜ follows the ${entry.schedule.type.replace('_', ' ')} schedule from ${entry.hyper['lr'] as number}.`,
    ],
  };
}

/** The rule as one TeX string. */
export const ruleTex = (rule: Rule): string =>
  `\\begin{aligned}${rule.rows.join('\\\\')}\\end{aligned}`;
