import type { Hyper } from '../engine/scene.ts';

/** An optimizer a user can add: a torch type with a few settings ("Momentum" is sgd with 0.9). */
export interface OptimizerChoice {
  readonly key: string;
  readonly label: string;
  readonly type: string;
  readonly hyper: Hyper;
}

/** The add-optimizer menu, in order: torch's defaults except where a named setting says more. */
export const optimizerChoices: readonly OptimizerChoice[] = [
  { key: 'sgd', label: 'SGD', type: 'sgd', hyper: {} },
  { key: 'momentum', label: 'Momentum', type: 'sgd', hyper: { momentum: 0.9 } },
  { key: 'nesterov', label: 'Nesterov', type: 'sgd', hyper: { momentum: 0.9, nesterov: true } },
  { key: 'adam', label: 'Adam', type: 'adam', hyper: {} },
  { key: 'adamw', label: 'AdamW', type: 'adamw', hyper: {} },
  { key: 'rmsprop', label: 'RMSprop', type: 'rmsprop', hyper: {} },
  { key: 'adagrad', label: 'Adagrad', type: 'adagrad', hyper: {} },
  { key: 'adadelta', label: 'Adadelta', type: 'adadelta', hyper: {} },
  { key: 'adamax', label: 'Adamax', type: 'adamax', hyper: {} },
  { key: 'nadam', label: 'NAdam', type: 'nadam', hyper: {} },
  { key: 'radam', label: 'RAdam', type: 'radam', hyper: {} },
  { key: 'lion', label: 'Lion', type: 'lion', hyper: {} },
];
