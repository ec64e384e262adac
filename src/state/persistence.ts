import type { Scene } from '../engine/scene.ts';
import {
  defaultScene,
  parsePreset,
  PresetError,
  readLink,
  salvagePreset,
  sceneHash,
  toPreset,
  type ParseOptions,
} from '../preset/index.ts';
import { syntaxProblem } from '../engine/expr/lex.ts';
import type { CompileClient } from '../workers/compileClient.ts';
import { selectScene, type LabStore, type Notice } from './store.ts';

/**
 * The page's first check of a typed function in a link or saved scene: length, characters and
 * parentheses, without loading mathjs. The compile worker checks the rest (see `syncScene`).
 */
const reading = { checkExpression: syntaxProblem };

/** Where the last scene is kept between visits. */
export const STORAGE_KEY = 'descent-lab:scene';
/** Saved scenes larger than this are not read back (a preset file's own cap is 1 MB). */
const MAX_STORED_CHARS = 1_000_000;
/** The URL and storage follow the scene this long after it stops changing. */
const WRITE_DELAY_MS = 250;

/** The compiler's verdict on a typed function: null when it compiles, else why not. */
export type Verdict = (expr: string) => Promise<string | null>;

/** The compile worker's verdict (mathjs loads on first use; answers are cached by text). */
export const compilerVerdict =
  (compiler: CompileClient): Verdict =>
  (expr) =>
    compiler.compile(expr).then((result) => (result.ok ? null : result.message));

/** A scene to show, what to say about it, and what to show instead if its function is refused. */
export interface Shown {
  readonly scene: Scene;
  readonly notice: Notice | null;
  /**
   * The same source read again as the command line reads it once the compiler has refused the
   * scene's typed function: salvage replaces the function and names the refusal. Absent when the
   * scene has no typed function.
   */
  readonly instead?: (refusal: string) => Shown;
}

/** The scene the page opens with, where it came from, and what to tell the reader about it. */
export interface Opening extends Shown {
  readonly from: 'link' | 'storage' | 'default';
}

/** A link's scene always wins; else the scene saved on the last visit; else the default scene. */
export function openingScene(hash: string, storage: Storage | null): Opening {
  const link = linkScene(hash);
  if (link) return { ...link, from: 'link' };
  const saved = storedScene(storage);
  return saved
    ? { ...saved, from: 'storage' }
    : { scene: defaultScene(), from: 'default', notice: null };
}

/** A link's scene as the page first reads it, or null when the hash holds none. */
export function linkScene(hash: string): Shown | null {
  return checked((options) => {
    const link = readLink(hash, options);
    return link.found ? { scene: link.scene, notice: readNotice(link) } : null;
  });
}

/**
 * A preset object as `descentLab.load` takes it: the schema and the page's first check at once
 * (throws a PresetError naming every bad field), then the compiler as for a link: a typed
 * function it refuses is replaced as the command line replaces it, with a notice.
 */
export function presetScene(preset: unknown): Shown {
  const strict = parsePreset(preset, reading);
  if (!strict.ok) throw new PresetError(strict.errors);
  return checked((options) => {
    const read = salvagePreset(preset, options);
    return { scene: read.scene, notice: readNotice(read, 'preset') };
  })!;
}

/** What to say about a link (or preset) that was not entirely valid, or null when it was. */
export function readNotice(
  read: { readonly problems: readonly string[]; readonly defaulted: boolean },
  what: 'link' | 'preset' = 'link',
): Notice | null {
  if (read.problems.length === 0) return null;
  return {
    title: read.defaulted
      ? `This ${what} could not be opened`
      : `Parts of this ${what} were not valid, so they were left out`,
    lines: read.problems,
  };
}

/** `read` with the page's first check, and how to read it again once the compiler refuses. */
function checked(read: (options: ParseOptions) => Shown | null): Shown | null {
  const first = read(reading);
  const expr = first?.scene.fn.expr;
  if (!first || expr === undefined) return first;
  return {
    ...first,
    // Once the compiler has refused `expr`, the command line's reading: its checker says the same.
    instead: (refusal) =>
      read({
        checkExpression: (text) => syntaxProblem(text) ?? (text === expr ? refusal : null),
      }) ?? { scene: defaultScene(), notice: null },
  };
}

/** The page's URL and storage sync, as `syncScene` starts it. */
export interface SceneSync {
  /** Shows a scene read from a link or preset, and checks its typed function as a link's. */
  show(shown: Shown): void;
  /** Stops following the store and the address bar. */
  stop(): void;
}

/**
 * Once the compiler has judged the typed function of `shown` (a scene just loaded into `store`):
 * if it refuses it, and that function is still shown, the scene the command line runs for the
 * same source instead (Rosenbrock, with the refusal in the notice).
 */
export function replaceIfRefused(store: LabStore, shown: Shown, verdict: Verdict): void {
  const { fn } = shown.scene;
  const { expr } = fn;
  const instead = shown.instead;
  if (expr === undefined || !instead) return;
  const { actions } = store.getState();
  void verdict(expr).then((refusal) => {
    if (refusal === null) return;
    // Only while that function is shown: a newer link or a function picked since wins.
    if (store.getState().fn === fn) {
      const next = instead(refusal);
      actions.loadScene(next.scene);
      actions.notify(next.notice);
    }
    actions.forgetExpression(expr);
  });
}

/**
 * Keeps the address bar's hash and the saved scene following the store, without adding history
 * entries; a link pasted into the address bar of an open page is loaded. `opening` is the scene
 * the store was made with; `verdict` is the compile worker's (see `compilerVerdict`).
 *
 * A typed function is checked in two steps: the lexer at once (a scene it refuses never reaches
 * the store), the compile worker later. The worker's answer takes 80–400 ms the first time
 * (mathjs loads), up to 10 s on a slow device, so a link's scene is shown at once rather than
 * holding the page back, and two rules keep the rest true:
 * - nothing is written with a typed function the compiler has not accepted, so a refused one
 *   never reaches the URL or the autosave, even for a moment;
 * - when the compiler refuses the function of a scene just loaded, that scene is replaced by the
 *   one the command line runs for the same link (Rosenbrock, with `fn.expr is not a valid
 *   function: … (used rosenbrock)` in the notice), in the same task as the verdict, so the plot
 *   is never left empty.
 */
export function syncScene(
  store: LabStore,
  win: Window,
  storage: Storage | null,
  opening: Shown | null,
  verdict: Verdict,
): SceneSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scene: Scene | null = null;
  const { actions } = store.getState();
  const commit = (next: Scene) => {
    const hash = `#${sceneHash(next)}`;
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(toPreset(next)));
    } catch {
      // Storage full or disabled: the link still holds the scene.
    }
  };
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const next = selectScene(store.getState());
    if (next === scene) return;
    scene = next;
    const expr = next.fn.expr;
    if (expr === undefined) return commit(next);
    void verdict(expr).then((refusal) => {
      if (refusal === null && selectScene(store.getState()) === next) commit(next);
    });
  };
  const schedule = () => {
    if (selectScene(store.getState()) === scene) return;
    clearTimeout(timer);
    timer = setTimeout(write, WRITE_DELAY_MS);
  };
  const check = (shown: Shown) => replaceIfRefused(store, shown, verdict);
  const show = (shown: Shown) => {
    actions.loadScene(shown.scene);
    actions.notify(shown.notice);
    check(shown);
    write();
  };
  // The URL navigated to, not the address bar's: a write due in the same moment (the debounce, or
  // a verdict) may rewrite the address to the scene on screen before this event is dispatched.
  const onHashChange = (event: HashChangeEvent) => {
    const link = linkScene(new URL(event.newURL).hash);
    if (link) show(link);
  };
  if (opening) check(opening);
  write();
  const unsubscribe = store.subscribe(schedule);
  win.addEventListener('hashchange', onHashChange);
  // Leaving the page writes what is pending: no change is lost to the debounce.
  win.addEventListener('pagehide', write);
  return {
    show,
    stop: () => {
      unsubscribe();
      clearTimeout(timer);
      win.removeEventListener('hashchange', onHashChange);
      win.removeEventListener('pagehide', write);
    },
  };
}

/** The window's localStorage, or null where the browser refuses it. */
export function browserStorage(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/** The saved scene, or null when there is none or it is unusable: storage is never fatal. */
function storedScene(storage: Storage | null): Shown | null {
  let json: unknown;
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text || text.length > MAX_STORED_CHARS) return null;
    json = JSON.parse(text);
  } catch {
    return null;
  }
  // The reader's own scene: what had to be left out of it is not worth a notice.
  return checked((options) => {
    const saved = salvagePreset(json, options);
    return saved.defaulted ? null : { scene: saved.scene, notice: null };
  });
}
