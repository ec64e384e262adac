export {
  numberProblem,
  parsePreset,
  parsePresetText,
  sceneFromPreset,
  PresetError,
  PRESET_VERSION,
} from './schema.ts';
export type { ParseResult } from './schema.ts';
export { toPreset, type PresetJson } from './serialize.ts';
export { defaultScene, defaultPreset } from './defaults.ts';
export { palette, defaultColor, defaultLabel } from './appearance.ts';
export * from './limits.ts';
