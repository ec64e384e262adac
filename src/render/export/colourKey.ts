/** The landscape's colour scale as the exports draw it: band colours and labelled positions. */
export interface ColourKey {
  /** What the colours are of, written before the bar: "f", "training loss", "test loss". */
  readonly name: string;
  /** One colour per band, low f first; each takes an equal share of the bar. */
  readonly colours: readonly string[];
  /** Labels and where they sit, in % of the bar. */
  readonly ticks: readonly { readonly text: string; readonly at: number }[];
}

/** Height of the key under the legend, in CSS pixels. */
export const KEY_HEIGHT = 40;
/** Width of its bar, at most; narrower canvases get a narrower bar. */
const BAR_WIDTH = 320;
/** Where the bar starts at the least, after a one-letter name ("f"). */
const BAR_LEFT = 40;
const BAR_HEIGHT = 10;
/** Where the name starts, and its size in px. */
export const NAME_LEFT = 16;
export const NAME_SIZE = 13;

/**
 * The bar's rectangle within a key whose top edge is at `top`, for a canvas `width` wide: after
 * the key's name, its width estimated at 0.55 em a character (as the figure's wrapText does).
 */
export function keyBar(top: number, width: number, name: string) {
  const left = Math.max(BAR_LEFT, Math.ceil(NAME_LEFT + 0.55 * NAME_SIZE * name.length + 8));
  return {
    left,
    top: top + 8,
    width: Math.max(40, Math.min(BAR_WIDTH, width - left - 12)),
    height: BAR_HEIGHT,
  };
}

/** A one-letter name is a variable, set in italics as the axes' x and y; words are not. */
export const italicName = (name: string): boolean => name.length === 1;
