export { OptimizerPanel } from './OptimizerPanel.tsx';
export { ScenePanel } from './ScenePanel.tsx';
