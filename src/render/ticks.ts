/**
 * About `count` round tick values inside [lo, hi]: steps of 1, 2 or 5 times a power of ten; at
 * least two where a finer round step gives them ([−2, 2] in 2 is −2, 0, 2, not 0 alone).
 */
export function ticks(lo: number, hi: number, count: number): number[] {
  const out = roundTicks(lo, hi, count);
  return out.length < 2 && count < 16 && hi > lo ? ticks(lo, hi, count + 1) : out;
}

function roundTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || !(count > 0)) return [];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const step = (fraction >= 5 ? 10 : fraction >= 2 ? 5 : fraction >= 1.5 ? 2 : 1) * power;
  const out: number[] = [];
  // Integer multiples of the step avoid drift such as 0.30000000000000004.
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) out.push(k * step);
  return out;
}

/** A tick label: as few digits as the value needs, with a real minus sign. */
export function tickLabel(value: number): string {
  const text = Math.abs(value) < 1e-12 ? '0' : String(Number(value.toPrecision(6)));
  return text.replace('-', '\u2212');
}
