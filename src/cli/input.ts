import { readFile, stat } from 'node:fs/promises';
import type { Scene } from '../engine/scene.ts';
import { MAX_PRESET_BYTES, parsePresetText, readLink } from '../preset/index.ts';
import { readChecked } from './compiler.ts';
import { UsageError } from './failure.ts';

/**
 * The scene an argument names: a link, a preset file (or a file holding a link), or `-` for
 * standard input (a preset or a link). Problems of a partly bad link go to `warn`, one line each;
 * anything unusable throws UsageError.
 */
export async function sceneOf(
  arg: string,
  stdin: () => AsyncIterable<Buffer | string>,
  warn: (line: string) => void,
): Promise<Scene> {
  return (await sceneOfLink(arg, warn)) ?? (await sceneOfFile(arg, stdin, warn));
}

async function sceneOfFile(
  file: string,
  stdin: () => AsyncIterable<Buffer | string>,
  warn: (line: string) => void,
): Promise<Scene> {
  const text = file === '-' ? await readStdin(stdin()) : await readPresetFile(file);
  // A link in a file or on standard input: one with a user's 10,000 rows can pass the 128 KiB a
  // single argument may have on Linux.
  const link = LINK.test(text.trim()) ? await sceneOfLink(text.trim(), warn) : undefined;
  if (link) return link;
  const parsed = await readChecked((options) => parsePresetText(text, options));
  if (!parsed.ok)
    throw new UsageError(`invalid preset ${label(file)}: ${parsed.errors.join('; ')}`);
  return parsed.scene;
}

/** The scene of a link argument, or undefined when the argument is a file (or `-`). */
async function sceneOfLink(arg: string, warn: (line: string) => void): Promise<Scene | undefined> {
  if (!LINK.test(arg) || (await exists(arg))) return undefined;
  const link = await readChecked((options) => readLink(arg, options));
  if (!link.found) return undefined;
  // Nothing usable is an error here: the default scene is the page's fallback, not an answer.
  if (link.defaulted) throw new UsageError(`bad link: ${link.problems.slice(0, -1).join('; ')}`);
  for (const problem of link.problems) warn(`link: ${problem}`);
  return link.scene;
}

/** A link's shape: a URL whose hash starts with `s=`, or the hash alone. */
const LINK = /^(https?:\/\/[^#]*)?#?s=/;

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

const label = (file: string): string => (file === '-' ? 'on standard input' : `in ${file}`);
const tooLarge = (what: string, size: number): UsageError =>
  new UsageError(`${what} is ${size} bytes; a preset is at most ${MAX_PRESET_BYTES} bytes`);

async function readStdin(stdin: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > MAX_PRESET_BYTES) throw tooLarge('standard input', size);
      chunks.push(bytes);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read standard input: ${describeFsError(e)}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readPresetFile(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`cannot read ${file}: not a file`);
    if (info.size > MAX_PRESET_BYTES) throw tooLarge(file, info.size);
    return await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${describeFsError(e)}`);
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return (e as Error).message;
}
