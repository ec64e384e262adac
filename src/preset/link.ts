import lz from 'lz-string';
import type { Examples } from '../engine/data/examples.ts';
import { userInputs } from '../engine/data/userModel.ts';
import type { Scene } from '../engine/scene.ts';
import { defaultScene } from './defaults.ts';
import { isObject } from './json.ts';
import { decompressBounded } from './lzBounded.ts';
import { rowsJson } from './rows.ts';
import { salvagePreset, type Salvaged } from './salvage.ts';
import { PRESET_VERSION, type ParseOptions } from './schema.ts';
import { toCompactPreset } from './serialize.ts';

/** Longest scene text a link's `s` holds, before decompression: 20 optimizers need about 3,000. */
export const MAX_LINK_CHARS = 16_000;
/** Largest preset `s` may decompress to, in characters (lz-string can expand a text quadratically). */
export const MAX_LINK_JSON = 200_000;
/**
 * Longest rows text a link's `r` holds: 10,000 rows of the longest numbers JSON writes
 * (−1.2345678901234567e−123) take about 280,000 characters; of three decimals about 64,000.
 */
export const MAX_ROWS_LINK_CHARS = 290_000;
/** Largest rows JSON `r` may decompress to: 10,000 rows of at most 54 characters each. */
export const MAX_ROWS_JSON = 550_000;
/** Links longer than this may be cut short by chat apps and mail clients. */
export const LONG_LINK_CHARS = 2_000;

/** What a link holds: nothing for Descent Lab, or a scene with what was wrong with the link. */
export type LinkScene = { readonly found: false } | ({ readonly found: true } & Salvaged);

/**
 * The URL hash of a scene, without `#`: `s=1.<lz-string of the compact preset JSON>`, and for a
 * scene of the user's rows `&r=<lz-string of fn.rows as JSON>` after it. The rows travel apart so
 * that a change to the scene recompresses the scene alone: compressing 10,000 rows takes
 * 50–250 ms, once per data set (rowsHash), where the address bar follows every change.
 */
export function sceneHash(scene: Scene): string {
  const preset = toCompactPreset(scene);
  const rows = scene.fn.rows;
  if (rows) delete (preset['fn'] as Record<string, unknown>)['rows'];
  const json = JSON.stringify(preset);
  const hash = `s=${PRESET_VERSION}.${lz.compressToEncodedURIComponent(json)}`;
  return rows ? `${hash}&r=${rowsHash(scene.fn.id, rows)}` : hash;
}

/** The rows' part of a link, compressed once per rows object. */
const rowsHash = (() => {
  const packed = new WeakMap<Examples, string>();
  return (id: string, rows: Examples): string => {
    let text = packed.get(rows);
    if (text === undefined) {
      const json = JSON.stringify(rowsJson(rows, userInputs(id) ?? 1));
      packed.set(rows, (text = lz.compressToEncodedURIComponent(json)));
    }
    return text;
  };
})();

/**
 * Reads a scene from a link: a whole URL, its hash (`#s=1.…`) or the hash without `#`. A bad or
 * partly bad link gives what is valid, or the default scene, and says what was wrong. Never throws.
 */
export function readLink(link: string, options: ParseOptions = {}): LinkScene {
  const value = hashParam(link, 's');
  if (value === undefined) return { found: false };
  const bad = (problem: string): LinkScene => ({
    found: true,
    scene: defaultScene(),
    problems: [problem, 'Showing the default scene instead.'],
    defaulted: true,
  });
  if (value.length > MAX_LINK_CHARS) {
    return bad(
      `The link's scene is ${value.length} characters; at most ${MAX_LINK_CHARS} are read.`,
    );
  }
  const match = /^(\d{1,6})\.(.*)$/s.exec(value);
  if (!match) return bad('The link is not a Descent Lab scene (it should start with "#s=1.").');
  const version = Number(match[1]);
  if (version > PRESET_VERSION) {
    return bad(
      `The link comes from a newer Descent Lab (format ${version}); this one reads format ${PRESET_VERSION}.`,
    );
  }
  if (version !== PRESET_VERSION) return bad(`The link's format ${version} is not known.`);
  const unpacked = decompressBounded(match[2]!, MAX_LINK_JSON);
  if ('problem' in unpacked && unpacked.problem === 'too long') {
    return bad(`The link's scene unpacks to over ${MAX_LINK_JSON} characters; it is not read.`);
  }
  if (!('text' in unpacked) || unpacked.text === '')
    return bad('The link is damaged: its scene cannot be decompressed (cut short?).');
  const json = unpacked.text;
  let preset: unknown;
  try {
    preset = JSON.parse(json);
  } catch {
    return bad('The link is damaged: its scene is not valid JSON.');
  }
  const rows = linkRows(hashParam(link, 'r'));
  if (rows !== undefined && isObject(preset) && isObject(preset['fn'])) {
    const fn = preset['fn'];
    if ('rows' in rows && !Object.hasOwn(fn, 'rows')) fn['rows'] = rows.rows;
  }
  const salvaged = salvagePreset(preset, options);
  const problem = rows && 'problem' in rows ? [rows.problem] : [];
  return { found: true, ...salvaged, problems: [...problem, ...salvaged.problems] };
}

/**
 * The rows a link's `r` holds (checked later with the rest of the preset), what is wrong with it,
 * or undefined without one.
 */
function linkRows(
  value: string | undefined,
): { readonly rows: unknown } | { readonly problem: string } | undefined {
  if (value === undefined) return undefined;
  if (value.length > MAX_ROWS_LINK_CHARS) {
    return {
      problem: `The link's rows are ${value.length} characters; at most ${MAX_ROWS_LINK_CHARS} are read.`,
    };
  }
  const unpacked = decompressBounded(value, MAX_ROWS_JSON);
  if ('problem' in unpacked && unpacked.problem === 'too long') {
    return {
      problem: `The link's rows unpack to over ${MAX_ROWS_JSON} characters; they are not read.`,
    };
  }
  if (!('text' in unpacked) || unpacked.text === '') {
    return { problem: "The link's rows are damaged: they cannot be decompressed (cut short?)." };
  }
  try {
    return { rows: JSON.parse(unpacked.text) as unknown };
  } catch {
    return { problem: "The link's rows are damaged: they are not valid JSON." };
  }
}

/**
 * The parameter `name` of a link's hash (`#s=…&r=…&controls=…`), percent-decoded where it can be,
 * or undefined when it has none. `link` is a whole URL, its hash, or the hash without `#`.
 */
export function hashParam(link: string, name: string): string | undefined {
  const hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link;
  const part = hash.split('&').find((p) => p.startsWith(`${name}=`));
  if (part === undefined) return undefined;
  // Some apps percent-encode characters lz-string's alphabet keeps as they are (`$`, `+`).
  try {
    return decodeURIComponent(part.slice(name.length + 1));
  } catch {
    return part.slice(name.length + 1);
  }
}
