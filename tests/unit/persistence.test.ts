import lz from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkExpression, defaultExpression } from '../../src/engine/expr/index.ts';
import { labHandle } from '../../src/devtools.ts';
import { PresetError, readLink, type LinkScene } from '../../src/preset/index.ts';
import { openingScene, STORAGE_KEY, syncScene, type Verdict } from '../../src/state/persistence.ts';
import { createLabStore, selectScene } from '../../src/state/store.ts';
import { refusedByCompilerOnly } from '../hostile.ts';

const hashOf = (preset: unknown) =>
  `#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(preset))}`;
const typed = (expr: string, extra: Record<string, unknown> = {}) => ({
  v: 1,
  fn: { id: 'custom', expr },
  steps: 50,
  optimizers: [{ type: 'adam', lr: 0.05, weight_decy: 1 }],
  ...extra,
});

/** The compiler's own verdict (mathjs in Node), answered asynchronously as the worker does. */
const compiler: Verdict = (expr) => Promise.resolve().then(() => checkExpression(expr));

/** A window with only what syncScene uses: the hash, replaceState and listeners. */
function fakeWindow(hash: string) {
  const listeners = new Map<string, ((event: { newURL: string }) => void)[]>();
  const win = {
    location: { hash },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => {
        win.location.hash = url;
      },
    },
    addEventListener: (type: string, f: (event: { newURL: string }) => void) =>
      listeners.set(type, [...(listeners.get(type) ?? []), f]),
    removeEventListener: (type: string, f: (event: { newURL: string }) => void) =>
      listeners.set(
        type,
        (listeners.get(type) ?? []).filter((g) => g !== f),
      ),
  };
  /** Dispatches `type`; a hashchange carries the URL navigated to, as a browser's does. */
  const fire = (type: string, newURL = `https://lab.test/${win.location.hash}`) =>
    (listeners.get(type) ?? []).forEach((f) => f({ newURL }));
  return { win, window: win as unknown as Window, fire };
}

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

/** Opens the page's way: the opening scene, a store holding it, and the URL and storage sync. */
function open(hash: string, verdict: Verdict = compiler, storage = memoryStorage()) {
  const page = fakeWindow(hash);
  const opening = openingScene(hash, storage);
  const store = createLabStore(opening.scene);
  store.getState().actions.notify(opening.notice);
  const sync = syncScene(store, page.window, storage, opening, verdict);
  return { ...page, store, storage, sync };
}

/** What the command line reads from the same link: the full compiler as the checker. */
const cliReading = (hash: string) =>
  readLink(hash, { checkExpression }) as LinkScene & { found: true };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a link whose typed function the compiler refuses', () => {
  it.each(refusedByCompilerOnly)(
    '%s: the page shows what the command line runs, and says why',
    async (expr) => {
      const hash = hashOf(typed(expr));
      const cli = cliReading(hash);
      expect(cli.scene.fn.id).toBe('rosenbrock');
      const { store, win, storage } = open(hash);
      // The first check lets it through: the store shows it until the compiler answers.
      expect(store.getState().fn.expr).toBe(expr);
      await vi.advanceTimersByTimeAsync(1_000);
      const state = store.getState();
      expect(selectScene(state)).toEqual(cli.scene);
      expect(state.notice?.title).toBe('Parts of this link were not valid, so they were left out');
      expect(state.notice?.lines).toEqual(cli.problems);
      expect(state.notice?.lines.join('\n')).toMatch(
        /^fn\.expr is not a valid function: .* \(used rosenbrock\)$/m,
      );
      expect(state.notice?.lines).toContain(
        'optimizers[0].weight_decy is not a known field (ignored)',
      );
      // Nothing keeps the refused text: not the URL, not the autosave, not the last typed function.
      expect(decodeURIComponent(win.location.hash)).toBe(win.location.hash);
      expect(readLink(win.location.hash)).toEqual({
        found: true,
        scene: cli.scene,
        problems: [],
        defaulted: false,
      });
      expect(storage.data.get(STORAGE_KEY)).not.toContain(JSON.stringify(expr));
      expect(JSON.parse(storage.data.get(STORAGE_KEY)!).fn.id).toBe('rosenbrock');
      expect(state.lastExpression).toBeNull();
      state.actions.setFunction('custom');
      expect(store.getState().fn.expr).toBe(defaultExpression);
    },
  );

  it('writes nothing while the verdict is pending, not even on leaving the page', async () => {
    let answer: (refusal: string | null) => void = () => undefined;
    const pending = new Promise<string | null>((resolve) => (answer = resolve));
    const hash = hashOf(typed('window'));
    const { win, storage, fire, store } = open(hash, () => pending);
    await vi.advanceTimersByTimeAsync(2_000);
    fire('pagehide');
    await vi.advanceTimersByTimeAsync(0);
    expect(win.location.hash).toBe(hash);
    expect(storage.data.size).toBe(0);
    answer('unknown name "window" (use x, y, pi, e) at column 1');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().fn.id).toBe('rosenbrock');
    expect(win.location.hash).not.toBe(hash);
    expect(storage.data.get(STORAGE_KEY)).not.toContain('window');
  });

  it('a link pasted into the open page is checked the same way', async () => {
    const { win, fire, store, storage } = open('');
    await vi.advanceTimersByTimeAsync(1_000);
    win.location.hash = hashOf(typed('resolve(x)'));
    fire('hashchange');
    expect(store.getState().fn.expr).toBe('resolve(x)');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().fn.id).toBe('rosenbrock');
    expect(store.getState().notice?.lines.join('\n')).toMatch(
      /fn\.expr is not a valid function: unknown function "resolve" at column 1 \(used rosenbrock\)/,
    );
    expect(win.location.hash).not.toMatch(/resolve/);
    expect(storage.data.get(STORAGE_KEY)).not.toContain('resolve');
  });

  it('a late refusal does not replace a scene loaded since', async () => {
    let answer: (refusal: string | null) => void = () => undefined;
    const verdict: Verdict = (expr) =>
      expr === 'window' ? new Promise((resolve) => (answer = resolve)) : compiler(expr);
    const { win, fire, store, storage } = open(hashOf(typed('window')), verdict);
    win.location.hash = hashOf(typed('sin(x) + y^2'));
    fire('hashchange');
    await vi.advanceTimersByTimeAsync(1_000);
    answer('refused');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().fn.expr).toBe('sin(x) + y^2');
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!).fn.expr).toBe('sin(x) + y^2');
  });
});

describe('a link pasted into the open page', () => {
  it('is loaded even when a write rewrites the address before the hashchange is dispatched', async () => {
    const { win, fire, store } = open(hashOf(typed('x^2 + y^2')));
    await vi.advanceTimersByTimeAsync(1_000);
    // An edit schedules a write; the link is pasted; the write runs first (a task already due).
    store.getState().actions.setSteps(60);
    const pasted = hashOf(typed('sin(x) + y^2'));
    win.location.hash = pasted;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(win.location.hash).not.toBe(pasted);
    fire('hashchange', `https://lab.test/${pasted}`);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().fn.expr).toBe('sin(x) + y^2');
    expect(readLink(win.location.hash)).toMatchObject({ scene: { fn: { expr: 'sin(x) + y^2' } } });
  });
});

describe('a preset loaded from the console (descentLab.load)', () => {
  /** The page as main.tsx starts it, with its console handle. */
  const withConsole = (verdict: Verdict = compiler) => {
    const page = open('', verdict);
    return { ...page, handle: labHandle(page.store, page.sync) };
  };

  it.each(refusedByCompilerOnly)(
    '%s: goes the way of a pasted link: Rosenbrock, and a notice saying why',
    async (expr) => {
      const { handle, store, win, storage } = withConsole();
      await vi.advanceTimersByTimeAsync(1_000);
      const preset = { ...typed(expr), optimizers: [{ type: 'adam', lr: 0.05 }] };
      handle.load(preset);
      expect(store.getState().fn.expr).toBe(expr);
      await vi.advanceTimersByTimeAsync(1_000);
      const state = store.getState();
      const cli = cliReading(hashOf(preset));
      expect(selectScene(state)).toEqual(cli.scene);
      expect(state.notice?.title).toBe(
        'Parts of this preset were not valid, so they were left out',
      );
      expect(state.notice?.lines).toEqual(cli.problems);
      expect(state.notice?.lines.join('\n')).toMatch(
        /^fn\.expr is not a valid function: .* \(used rosenbrock\)$/m,
      );
      expect(handle.preset()).toMatchObject({ fn: { id: 'rosenbrock' } });
      expect(readLink(win.location.hash)).toMatchObject({ scene: cli.scene, problems: [] });
      expect(storage.data.get(STORAGE_KEY)).not.toContain(JSON.stringify(expr));
    },
  );

  it('shows an accepted typed function, and writes it once accepted', async () => {
    const { handle, store, win } = withConsole();
    handle.load(typed('sin(x) * cos(y)', { optimizers: [{ type: 'sgd' }] }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().fn.expr).toBe('sin(x) * cos(y)');
    expect(store.getState().notice).toBeNull();
    expect(readLink(win.location.hash)).toMatchObject({ scene: selectScene(store.getState()) });
  });

  it.each([
    ['not an object', 42, /must be an object/],
    ['an unknown key', typed('x^2 + y^2'), /optimizers\[0\]: unknown key "weight_decy"/],
    ['a bad field', { v: 1, fn: { id: 'booth' }, steps: 'many' }, /steps must be a finite number/],
    [
      'a function the first check refuses',
      { v: 1, fn: { id: 'custom', expr: 'sin(x' } },
      /fn\.expr/,
    ],
  ])('throws a PresetError naming the fields of %s, and leaves the scene alone', (_, bad, why) => {
    const { handle, store } = withConsole();
    const before = selectScene(store.getState());
    let thrown: unknown;
    try {
      handle.load(bad);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PresetError);
    expect((thrown as PresetError).message).toMatch(why);
    expect(selectScene(store.getState())).toBe(before);
  });
});

describe('a typed function the compiler accepts', () => {
  it('is shown, written to the URL and saved once accepted', async () => {
    const hash = hashOf(typed('sin(x) * cos(y)', { optimizers: [{ type: 'sgd' }] }));
    const { store, win, storage } = open(hash);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().fn.expr).toBe('sin(x) * cos(y)');
    expect(store.getState().notice).toBeNull();
    expect(readLink(win.location.hash)).toMatchObject({ scene: selectScene(store.getState()) });
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!).fn.expr).toBe('sin(x) * cos(y)');
  });
});

describe('the autosave', () => {
  it('a saved scene whose typed function is refused keeps its optimizers on the default function, silently', async () => {
    const storage = memoryStorage();
    const saved = { ...typed('this'), optimizers: [{ type: 'sgd', lr: 0.02, label: 'mine' }] };
    storage.setItem(STORAGE_KEY, JSON.stringify(saved));
    const { store } = open('', compiler, storage);
    await vi.advanceTimersByTimeAsync(1_000);
    const state = store.getState();
    expect(state.fn.id).toBe('rosenbrock');
    expect(state.optimizers.map((o) => o.entry.label)).toEqual(['mine']);
    expect(state.notice).toBeNull();
    expect(storage.data.get(STORAGE_KEY)).not.toContain('"this"');
  });
});
