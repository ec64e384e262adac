import { useId } from 'react';
import { sliceOf, withSlice, type NetworkScene } from '../../engine/network/scene.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { hasTestSplit } from './networkScene.ts';

/** The plane select's value for the principal plane; a random one's is its run's index. */
const PCA = 'pca';

/**
 * The landscape's plane and loss for a network scene (preset field `network.slice`): the
 * principal plane of all the paths, or Li et al.'s random plane through one run's end (one entry
 * per optimizer); and the test loss instead of the training loss, when the data set has a test
 * split. Each choice is a new scene, and so a new link.
 */
export function SliceChoice({ network }: { readonly network: NetworkScene }) {
  const { setNetwork } = useLabActions();
  const optimizers = useLab((s) => s.optimizers);
  const ids = { plane: useId(), test: useId() };
  const slice = sliceOf(network);
  const testable = hasTestSplit(network);
  return (
    <>
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={ids.plane}>
          Landscape plane
        </label>
        <select
          id={ids.plane}
          className="ctl-select"
          value={slice.plane === 'random' ? String(slice.run) : PCA}
          onChange={(e) => {
            const v = e.target.value;
            setNetwork(
              withSlice(
                network,
                v === PCA
                  ? { ...slice, plane: 'pca', run: 0 }
                  : { ...slice, plane: 'random', run: Number(v) },
              ),
            );
          }}
        >
          <option value={PCA}>Principal components of all paths</option>
          {optimizers.map((o, k) => (
            <option key={o.id} value={String(k)}>
              Random directions through {o.entry.label}’s end
            </option>
          ))}
        </select>
      </div>
      <div className="ctl-field">
        <div className="ctl-check">
          <input
            id={ids.test}
            type="checkbox"
            checked={slice.loss === 'test'}
            disabled={!testable}
            onChange={(e) =>
              setNetwork(
                withSlice(network, { ...slice, loss: e.target.checked ? 'test' : 'train' }),
              )
            }
          />
          <label htmlFor={ids.test}>
            Contours of the test loss{testable ? '' : ' (this data set has no test split)'}
          </label>
        </div>
      </div>
    </>
  );
}
