import type { LabStore } from '../../state/store.ts';
import type { KeyPress } from '../landscape/keys.ts';
import type { NetworkPicture } from './networkPicture.ts';

/**
 * The landscape's keys over a network's plane, before its usual ones: there is no start to move
 * (the arrows do nothing: θ₀ comes from the network's init seed), and 0 goes back to the part of
 * the plane that holds the paths. True when it handled the key.
 */
export function planeKeys(
  store: LabStore,
  picture: () => NetworkPicture | null,
): (e: KeyPress) => boolean {
  return (e) => {
    if (store.getState().network === null) return false;
    if (e.key.startsWith('Arrow')) return true;
    const view = picture()?.plane.view;
    if (e.key !== '0' || !view) return false;
    store.getState().actions.setView(view);
    return true;
  };
}
