/** Stops of the fill scale in OKLCH (lightness 0–1, chroma, hue in degrees), low f first. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0.985, 0.02, 95],
  [0.93, 0.04, 150],
  [0.85, 0.045, 200],
  [0.75, 0.05, 250],
  [0.64, 0.06, 285],
];

const toByte = (linear: number): number => {
  const c = Math.min(1, Math.max(0, linear));
  const srgb = c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
  return Math.round(srgb * 255);
};

/** OKLCH → linear sRGB [r, g, b] (Björn Ottosson's OKLab matrices), unclipped: outside [0, 1] is out of gamut. */
export function oklchLinear(l: number, c: number, hueDegrees: number): [number, number, number] {
  const h = (hueDegrees * Math.PI) / 180;
  const a = c * Math.cos(h);
  const b = c * Math.sin(h);
  const l1 = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m1 = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s1 = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const r = 4.0767416621 * l1 - 3.3077118576 * m1 + 0.2309699292 * s1;
  const g = -1.2684380046 * l1 + 2.6097574011 * m1 - 0.3413193965 * s1;
  const bl = -0.0041960863 * l1 - 0.7034186147 * m1 + 1.707614701 * s1;
  return [r, g, bl];
}

/** OKLCH → sRGB bytes [r, g, b], clipped to the sRGB gamut. */
export function oklch(l: number, c: number, hueDegrees: number): [number, number, number] {
  const [r, g, b] = oklchLinear(l, c, hueDegrees);
  return [toByte(r), toByte(g), toByte(b)];
}

/**
 * A calm sequential scale for t ∈ [0, 1] as sRGB bytes: light for low f, darker for high,
 * lightness falling evenly (perceptually) and low chroma so the optimizers' colours stand out on it.
 */
export function fillRgb(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(u));
  const s = u - k;
  const [l0, c0, h0] = STOPS[k]!;
  const [l1, c1, h1] = STOPS[k + 1]!;
  return oklch(l0 + (l1 - l0) * s, c0 + (c1 - c0) * s, h0 + (h1 - h0) * s);
}

/** The fill scale at t as a CSS colour, "rgb(r g b)". */
export function fillColor(t: number): string {
  return `rgb(${fillRgb(t).join(' ')})`;
}
