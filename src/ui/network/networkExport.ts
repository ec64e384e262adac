import { networkCsvChunks, networkJsonChunks } from '../../preset/networkFormats.ts';
import type { RunSet } from '../../workers/runs.ts';
import type { NetworkPicture } from './networkPicture.ts';

/**
 * A network scene's runs as `descent-lab run <link>` prints them (`--format csv` or JSON): the
 * loss curves, test losses and rates of the picture whose projections `set` holds; null when the
 * picture is of another scene. The same text, character for character, as the command line's.
 */
export function networkRunsText(
  set: RunSet,
  picture: NetworkPicture | null,
  format: 'csv' | 'json',
): string | null {
  if (!picture || picture.scene !== set.scene) return null;
  const { runs } = picture.plane;
  const chunks = format === 'csv' ? networkCsvChunks(runs) : networkJsonChunks(picture.scene, runs);
  return [...chunks].join('');
}
