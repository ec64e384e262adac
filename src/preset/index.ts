export {
  numberProblem,
  parsePreset,
  parsePresetText,
  sceneFromPreset,
  PresetError,
  PRESET_VERSION,
} from './schema.ts';
export type { ParseOptions, ParseResult } from './schema.ts';
export { toPreset, type PresetJson } from './serialize.ts';
export { defaultScene, defaultPreset } from './defaults.ts';
export { palette, defaultColor, defaultLabel } from './appearance.ts';
export * from './limits.ts';
export { toCompactPreset } from './serialize.ts';
export { salvagePreset, type Salvaged } from './salvage.ts';
export { readLink, sceneHash, LONG_LINK_CHARS, MAX_LINK_CHARS, type LinkScene } from './link.ts';
export { csvChunks, jsonChunks, writeCsv, writeJson, type Sink } from './trajectoryFormats.ts';
