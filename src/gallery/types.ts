/** A curated scene: a preset and the one idea it teaches. */
export interface GalleryScene {
  /** Stable id, also used in tests. */
  readonly id: string;
  readonly title: string;
  /** A few sentences: what to look at and why it happens. Every number it quotes is a figure. */
  readonly lesson: string;
  /** A version-1 preset (checked by the schema in the tests and when opened). */
  readonly preset: Readonly<Record<string, unknown>>;
  /**
   * The measured numbers the lesson quotes, each written into the lesson as `String(value)`; the
   * unit tests measure every one again and fail when a figure or the lesson drifts from the code.
   */
  readonly figures?: Readonly<Record<string, number>>;
}

/**
 * How many noise seeds a counted claim is tried on: seeds 1…SEEDS, the seeds the seed ensemble
 * draws by default, so what the lesson counts is what the screen shows.
 */
export const SEEDS = 50;

/** "47 of 50": a count over the seeds, as a lesson writes it. */
export const ofSeeds = (count: number): string => `${count} of ${SEEDS}`;
