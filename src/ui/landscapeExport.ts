import type { RefObject } from 'react';
import type { ColourKey } from '../render/export/colourKey.ts';
import { legendEntries, type LegendEntry } from '../render/export/legend.ts';
import type { Frame } from '../render/frame.ts';
import { sameTrajectories } from '../engine/scene.ts';
import { selectScene, type LabStore } from '../state/store.ts';
import type { RunFeed, RunSet } from '../workers/runs.ts';
import { colourScale } from './colourScale.ts';
import { formatNumber } from './format.ts';

/** What the landscape last drew: its canvas and frame, for exports. */
export interface LandscapeSnapshot {
  readonly canvas: HTMLCanvasElement;
  readonly frame: Frame;
}

/** What an image of the landscape is made from, once every run of the scene is complete. */
export interface LandscapeExport {
  readonly set: RunSet;
  readonly shot: LandscapeSnapshot;
  readonly legend: readonly LegendEntry[];
  readonly key: ColourKey | null;
  /** A file name without extension, e.g. "descent-lab-rosenbrock". */
  readonly base: string;
}

/** The scene's file name stem: "descent-lab-rosenbrock", "descent-lab-network-spiral". */
export function exportBase(store: LabStore): string {
  const { fn, network } = selectScene(store.getState());
  const name = network ? `network-${network.data}` : fn.id;
  return `descent-lab-${name.replace(/_/g, '-')}`;
}

/** Why an export of the runs cannot be made yet. */
export const STILL_COMPUTING = 'Still computing: try again when the paths are complete.';

/**
 * The scene's runs once all are complete, or why they are not at hand. The view may have moved
 * since they were computed (a network scene's view is set once its runs arrive): they are still
 * the scene's runs.
 */
export function completeSet(store: LabStore, feed: RunFeed): RunSet | string {
  const set = feed.current;
  return set?.complete && sameTrajectories(set.scene, selectScene(store.getState()))
    ? set
    : STILL_COMPUTING;
}

/** What an image export needs, or why there is nothing to export yet. */
export function landscapeExport(
  store: LabStore,
  feed: RunFeed,
  snapshot: RefObject<LandscapeSnapshot | null>,
): LandscapeExport | string {
  const set = completeSet(store, feed);
  if (typeof set === 'string') return set;
  const shot = snapshot.current;
  if (!shot) return 'The landscape has not been drawn yet.';
  const hidden = store.getState().optimizers.map((o) => o.hidden);
  const legend = legendEntries(set.scene.optimizers, set.runs, hidden, formatNumber);
  const { field, plane } = shot.frame.content;
  // The key names what was drawn, as the page's scale does: a network plane's loss, else f.
  const key = field ? colourScale(field, plane?.field) : null;
  return { set, shot, legend, key, base: exportBase(store) };
}
