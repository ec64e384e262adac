import { getOptimizer } from '../../engine/optimizers/index.ts';
import type { Hyper } from '../../engine/scene.ts';
import { TorchExportError } from './error.ts';
import { pyBool, pyFloat } from './python.ts';

/** torch's class for each optimizer type of the lab (Lion: the script's own, see LION_PY). */
const CLASSES: Readonly<Record<string, string>> = {
  sgd: 'torch.optim.SGD',
  adam: 'torch.optim.Adam',
  adamw: 'torch.optim.AdamW',
  rmsprop: 'torch.optim.RMSprop',
  adagrad: 'torch.optim.Adagrad',
  adadelta: 'torch.optim.Adadelta',
  adamax: 'torch.optim.Adamax',
  nadam: 'torch.optim.NAdam',
  radam: 'torch.optim.RAdam',
  lion: 'Lion',
};

/** A hyperparameter as Python: a float, True/False, or a pair as a tuple (betas). */
const value = (v: Hyper[string]): string =>
  typeof v === 'boolean'
    ? pyBool(v)
    : typeof v === 'number'
      ? pyFloat(v)
      : `(${pyFloat(v[0])}, ${pyFloat(v[1])})`;

/**
 * `torch.optim.X([p], name=value, …)` for one optimizer of the scene: every hyperparameter by
 * torch's own name (the lab's names are torch's), in the lab's order, none left to a default that
 * differs between torch versions (SGD's lr had none before torch 2.2).
 */
export function optimizerCall(type: string, hyper: Hyper): string {
  const spec = getOptimizer(type);
  const cls = Object.hasOwn(CLASSES, type) ? CLASSES[type] : undefined;
  if (!spec || !cls) throw new TorchExportError(`the optimizer "${type}" has no PyTorch export`);
  const args = Object.keys(spec.hyper).map((key) => {
    const v = hyper[key];
    if (v === undefined) throw new TorchExportError(`the optimizer "${type}" lacks ${key}`);
    return `${key}=${value(v)}`;
  });
  // torch 1.13's single-tensor NAdam counts mu_t twice (pytorch/pytorch#92699); its foreach
  // version, like every NAdam of torch >= 2.0, has the formula the lab follows.
  if (type === 'nadam') args.push('foreach=True');
  return `${cls}([p], ${args.join(', ')})`;
}

/** Lion, which torch lacks: the authors' PyTorch code (google/automl lion/lion_pytorch.py). */
export const LION_PY = String.raw`
class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2), as the
    authors' PyTorch code writes it (google/automl, lion/lion_pytorch.py); torch has no Lion."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        if not 0.0 <= lr:
            raise ValueError('Invalid learning rate: {}'.format(lr))
        if not 0.0 <= betas[0] < 1.0:
            raise ValueError('Invalid beta parameter at index 0: {}'.format(betas[0]))
        if not 0.0 <= betas[1] < 1.0:
            raise ValueError('Invalid beta parameter at index 1: {}'.format(betas[1]))
        defaults = dict(lr=lr, betas=betas, weight_decay=weight_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group['params']:
                if p.grad is None:
                    continue
                # Perform stepweight decay
                p.data.mul_(1 - group['lr'] * group['weight_decay'])
                grad = p.grad
                state = self.state[p]
                # State initialization
                if len(state) == 0:
                    # Exponential moving average of gradient values
                    state['exp_avg'] = torch.zeros_like(p)
                exp_avg = state['exp_avg']
                beta1, beta2 = group['betas']
                # Weight update
                update = exp_avg * beta1 + grad * (1 - beta1)
                p.add_(torch.sign(update), alpha=-group['lr'])
                # Decay the momentum running average coefficient
                exp_avg.mul_(beta2).add_(grad, alpha=1 - beta2)
        return loss
`;
