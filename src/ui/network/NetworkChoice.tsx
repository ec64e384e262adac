import { useLabStore } from '../../state/useLab.ts';
import { defaultNetworkScene } from './networkScene.ts';

/** The way from a function to a network: a default network scene (networkScene.ts). */
export function NetworkChoice() {
  const store = useLabStore();
  return (
    <div className="ctl-field">
      <button
        type="button"
        className="ctl-button"
        onClick={() => {
          const { scene, actions } = store.getState();
          actions.loadScene(defaultNetworkScene(scene));
        }}
      >
        Train a network instead
      </button>
      <p className="ctl-note">
        A small MLP on Playground&apos;s data, seen on a plane of its parameters.
      </p>
    </div>
  );
}
