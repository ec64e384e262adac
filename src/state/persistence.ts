import type { Scene } from '../engine/scene.ts';
import {
  defaultScene,
  readLink,
  salvagePreset,
  sceneHash,
  toPreset,
  type LinkScene,
} from '../preset/index.ts';
import { syntaxProblem } from '../engine/expr/lex.ts';
import { selectScene, type LabStore, type Notice } from './store.ts';

/**
 * The page's first check of a typed function in a link or saved scene: length, characters and
 * parentheses, without loading mathjs. The compile worker checks the rest before anything runs.
 */
const reading = { checkExpression: syntaxProblem };

/** Where the last scene is kept between visits. */
export const STORAGE_KEY = 'descent-lab:scene';
/** Saved scenes larger than this are not read back (a preset file's own cap is 1 MB). */
const MAX_STORED_CHARS = 1_000_000;
/** The URL and storage follow the scene this long after it stops changing. */
const WRITE_DELAY_MS = 250;

/** The scene the page opens with, where it came from, and what to tell the reader about it. */
export interface Opening {
  readonly scene: Scene;
  readonly from: 'link' | 'storage' | 'default';
  readonly notice: Notice | null;
}

/** A link's scene always wins; else the scene saved on the last visit; else the default scene. */
export function openingScene(hash: string, storage: Storage | null): Opening {
  const link = readLink(hash, reading);
  if (link.found) return { scene: link.scene, from: 'link', notice: linkNotice(link) };
  const saved = readStored(storage);
  return saved
    ? { scene: saved, from: 'storage', notice: null }
    : { scene: defaultScene(), from: 'default', notice: null };
}

/** What to say about a link that was not entirely valid, or null when it was. */
export function linkNotice(link: LinkScene & { found: true }): Notice | null {
  if (link.problems.length === 0) return null;
  return {
    title: link.defaulted
      ? 'This link could not be opened'
      : 'Parts of this link were not valid, so they were left out',
    lines: link.problems,
  };
}

/**
 * Keeps the address bar's hash and the saved scene following the store, without adding history
 * entries; a link pasted into the address bar of an open page is loaded. Returns a function
 * that stops it.
 */
export function syncScene(store: LabStore, win: Window, storage: Storage | null): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scene: Scene | null = null;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const next = selectScene(store.getState());
    if (next === scene) return;
    scene = next;
    const hash = `#${sceneHash(next)}`;
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', hash);
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(toPreset(next)));
    } catch {
      // Storage full or disabled: the link still holds the scene.
    }
  };
  const schedule = () => {
    if (selectScene(store.getState()) === scene) return;
    clearTimeout(timer);
    timer = setTimeout(write, WRITE_DELAY_MS);
  };
  const onHashChange = () => {
    const link = readLink(win.location.hash, reading);
    if (!link.found) return;
    const { actions } = store.getState();
    actions.loadScene(link.scene);
    actions.notify(linkNotice(link));
    write();
  };
  write();
  const unsubscribe = store.subscribe(schedule);
  win.addEventListener('hashchange', onHashChange);
  // Leaving the page writes what is pending: no change is lost to the debounce.
  win.addEventListener('pagehide', write);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    win.removeEventListener('hashchange', onHashChange);
    win.removeEventListener('pagehide', write);
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
function readStored(storage: Storage | null): Scene | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text || text.length > MAX_STORED_CHARS) return null;
    const saved = salvagePreset(JSON.parse(text), reading);
    return saved.defaulted ? null : saved.scene;
  } catch {
    return null;
  }
}
