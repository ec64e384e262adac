type Json = Record<string, unknown>;
type Token = string | number;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Mends the preset's `sweep` at a problem's path (tokens, `sweep` first) and says how, keeping the
 * rest of the sweep: a bad axis becomes the default axis in its place, any other bad setting its
 * default. When that cannot help (the field is already at its default, or the sweep is not an
 * object) the sweep is left out, so the scene always opens. Each call changes `json`, so repeated
 * passes end.
 */
export function repairSweep(json: Json, path: readonly Token[]): string {
  const sweep = json['sweep'];
  const leaveOut = (): string => {
    delete json['sweep'];
    return 'left the sweep out';
  };
  if (!isObject(sweep) || path.length < 2) return leaveOut();
  const [, part, key, index] = path;
  const section = sweep[part as string];
  // An axis is replaced whole: its keys only mean something together.
  if (part === 'map' && key === 'axes' && typeof index === 'number' && isObject(section)) {
    const axes = section['axes'];
    if (Array.isArray(axes) && hasKeys(axes[index])) {
      axes[index] = {};
      return 'used the default axis';
    }
  }
  if (part === 'curves' && key === 'axis' && isObject(section) && hasKeys(section['axis'])) {
    section['axis'] = {};
    return 'used the default axis';
  }
  // Any other setting falls back to its default, a section that is wrong as a whole too.
  const [holder, name] = path.length === 2 ? [sweep, part] : [section, key];
  if (!isObject(holder) || typeof name !== 'string' || !Object.hasOwn(holder, name))
    return leaveOut();
  delete holder[name];
  return 'used the default';
}

const hasKeys = (v: unknown): boolean => !isObject(v) || Object.keys(v).length > 0;
