export * from './architecture.ts';
export { getNetworkDataset, networkDataParams, networkDatasets } from './datasets.ts';
export type { NetworkDataset } from './datasets.ts';
export { initialParameters } from './init.ts';
export { Network } from './model.ts';
export { NetworkTrajectory, trainNetwork } from './train.ts';
export type { NetworkEntry, NetworkRun, NetworkTraining } from './train.ts';
export { networkTraining } from './scene.ts';
export type { NetworkScene } from './scene.ts';
