import { SHARPNESS } from '../../engine/network/sharpness.ts';
import { formatNumber, formatShort } from '../format.ts';

/** One run's end as the flatness table shows it. */
export interface RunEnd {
  readonly label: string;
  /** Full-batch training and test loss at its last point (test null without a test set). */
  readonly train: number;
  readonly test: number | null;
  /** SHARPNESS's mean loss rise around its last point; null for a diverged run. */
  readonly sharpness: number | null;
}

/** How sharpness is measured, in words (the gallery's claims use the same). */
export const SHARPNESS_TEXT =
  'Sharpness is how much the training loss rises, on average, when every unit’s incoming ' +
  `weights move by ${100 * SHARPNESS.radius}% of their length along ` +
  `${SHARPNESS.directions} random filter-normalised directions, both ways (Li et al. 2018; ` +
  `directions from seed ${SHARPNESS.seed}, as the gallery’s claims measure it): lower is flatter.`;

/** The run with the least (sign 1: most) of `value`, over runs where it is a number. */
function pick(ends: readonly RunEnd[], value: (e: RunEnd) => number | null, sign: 1 | -1) {
  let best: RunEnd | null = null;
  for (const e of ends) {
    const v = value(e);
    if (v === null || !Number.isFinite(v)) continue;
    if (best === null || sign * (v - value(best)!) < 0) best = e;
  }
  return best;
}

const gap = (e: RunEnd): number | null => (e.test === null ? null : e.test - e.train);

/**
 * Which run ends flattest and which sharpest, which tests best and which has the largest gap
 * between test and training loss: from the numbers, so a reader can tell them apart.
 */
export function flatnessSentence(ends: readonly RunEnd[]): string[] {
  const out: string[] = [];
  const flat = pick(ends, (e) => e.sharpness, 1);
  const sharp = pick(ends, (e) => e.sharpness, -1);
  if (flat && sharp && flat !== sharp) {
    const times = sharp.sharpness! / flat.sharpness!;
    out.push(
      `${flat.label} ends flattest (sharpness ${formatNumber(flat.sharpness!)}), ` +
        `${sharp.label} sharpest (${formatNumber(sharp.sharpness!)}` +
        (flat.sharpness! > 0 ? `, ${formatShort(times)} times as much).` : ').'),
    );
  }
  for (const e of ends) {
    if (e.sharpness !== null && e.sharpness < 0) {
      out.push(
        `${e.label}’s sharpness is negative: the loss falls on average around its end, which ` +
          'is not (yet) at a minimum.',
      );
    }
  }
  const tests = pick(ends, (e) => e.test, 1);
  const fits = pick(ends, (e) => e.train, 1);
  const wide = pick(ends, gap, -1);
  if (tests && fits && wide && ends.length > 1) {
    out.push(
      `The lowest training loss is ${fits.label}’s (${formatNumber(fits.train)}), the lowest ` +
        `test loss ${tests.label}’s (${formatNumber(tests.test!)}); the largest gap between ` +
        `test and training loss is ${wide.label}’s (${formatNumber(gap(wide)!)}).`,
    );
  }
  return out;
}
