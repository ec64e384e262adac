/** The landscape's colour scale as the exports draw it: band colours and labelled positions. */
export interface ColourKey {
  /** One colour per band, low f first; each takes an equal share of the bar. */
  readonly colours: readonly string[];
  /** Labels and where they sit, in % of the bar. */
  readonly ticks: readonly { readonly text: string; readonly at: number }[];
}

/** Height of the key under the legend, in CSS pixels. */
export const KEY_HEIGHT = 40;
/** Width of its bar, at most; narrower canvases get a narrower bar. */
const BAR_WIDTH = 320;
/** Where the bar starts, after the "f" label. */
const BAR_LEFT = 40;
const BAR_HEIGHT = 10;

/** The bar's rectangle within a key whose top edge is at `top`, for a canvas `width` wide. */
export function keyBar(top: number, width: number) {
  return {
    left: BAR_LEFT,
    top: top + 8,
    width: Math.max(40, Math.min(BAR_WIDTH, width - BAR_LEFT - 12)),
    height: BAR_HEIGHT,
  };
}
