import lz from 'lz-string';
import type { Scene } from '../engine/scene.ts';
import { defaultScene } from './defaults.ts';
import { decompressBounded } from './lzBounded.ts';
import { salvagePreset, type Salvaged } from './salvage.ts';
import { PRESET_VERSION, type ParseOptions } from './schema.ts';
import { toCompactPreset } from './serialize.ts';

/**
 * Longest link text read, before decompression: a scene of 20 optimizers needs about 3,000 (16,000
 * were read before links carried data), and 10,000 rows of the longest numbers JSON writes
 * (−1.2345678901234567e−123) about 280,000; 10,000 rows of three decimals about 64,000.
 */
export const MAX_LINK_CHARS = 300_000;
/**
 * Largest preset a link may decompress to, in characters: 200,000 for the scene, and 10,000 rows of
 * at most 54 characters each. Decompression stops there (lzBounded): lz-string can expand a text
 * quadratically.
 */
export const MAX_LINK_JSON = 750_000;
/** Links longer than this may be cut short by chat apps and mail clients. */
export const LONG_LINK_CHARS = 2_000;

/** What a link holds: nothing for Descent Lab, or a scene with what was wrong with the link. */
export type LinkScene = { readonly found: false } | ({ readonly found: true } & Salvaged);

/** The URL hash of a scene, without `#`: `s=1.<lz-string of the compact preset JSON>`. */
export function sceneHash(scene: Scene): string {
  const json = JSON.stringify(toCompactPreset(scene));
  return `s=${PRESET_VERSION}.${lz.compressToEncodedURIComponent(json)}`;
}

/**
 * Reads a scene from a link: a whole URL, its hash (`#s=1.…`) or the hash without `#`. A bad or
 * partly bad link gives what is valid, or the default scene, and says what was wrong. Never throws.
 */
export function readLink(link: string, options: ParseOptions = {}): LinkScene {
  const value = hashParam(link);
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
  return { found: true, ...salvagePreset(preset, options) };
}

/** The `s` parameter of a link's hash (`#s=…&…`), or undefined when it has none. */
function hashParam(link: string): string | undefined {
  const hash = link.includes('#') ? link.slice(link.indexOf('#') + 1) : link;
  const part = hash.split('&').find((p) => p.startsWith('s='));
  if (part === undefined) return undefined;
  // Some apps percent-encode characters lz-string's alphabet keeps as they are (`$`, `+`).
  try {
    return decodeURIComponent(part.slice(2));
  } catch {
    return part.slice(2);
  }
}
