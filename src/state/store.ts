import { createStore } from 'zustand/vanilla';
import { CUSTOM_ID, customStart, customView, defaultExpression } from '../engine/expr/custom.ts';
import { functionOf, getFunction, defaultParams } from '../engine/functions/index.ts';
import { getOptimizer } from '../engine/optimizers/index.ts';
import { phasesWithin } from '../engine/phases.ts';
import type { Hyper, OptimizerEntry, Phase, Schedule, Scene } from '../engine/scene.ts';
import type { NetworkScene } from '../engine/network/scene.ts';
import type { SweepSpec } from '../engine/sweep/types.ts';
import type { Box, Vec2 } from '../engine/types.ts';
import { defaultColor, defaultLabel, palette } from '../preset/appearance.ts';
import { MAX_OPTIMIZERS } from '../preset/limits.ts';
import { optimizerChoices } from './choices.ts';
import { followSliceRun } from './followRun.ts';
import { keepScene, sceneOf } from './keepScene.ts';

/** One optimizer of the lab: its preset entry plus what only the page needs. */
export interface LabOptimizer {
  /** Stable for the optimizer's life (keys, focus, hidden state); not part of the preset. */
  readonly id: number;
  readonly hidden: boolean;
  readonly entry: OptimizerEntry;
}

/** Where the race's playback cursor is. */
export interface Playback {
  readonly playing: boolean;
  /** The last step shown, 0…steps. */
  readonly step: number;
  /** Steps per second. */
  readonly speed: number;
}

/** The lab's one store: the scene (everything a preset holds) and the page's own state. */
export interface LabState {
  readonly fn: Scene['fn'];
  readonly view: Box;
  readonly start: Vec2;
  readonly steps: number;
  readonly noise: Scene['noise'];
  readonly optimizers: readonly LabOptimizer[];
  /** The open sweep's settings (preset field `sweep`), or null when no sweep is open. */
  readonly sweep: SweepSpec | null;
  /** The network the optimizers train instead of the function (preset field `network`), or null. */
  readonly network: NetworkScene | null;
  readonly playback: Playback;
  /** The step under the pointer on the loss chart or a path, or null. */
  readonly hoverStep: number | null;
  /** The id of the optimizer being inspected, or null (an id no longer present selects none). */
  readonly selected: number | null;
  /** A message for the reader (what was wrong with a link), until dismissed. */
  readonly notice: Notice | null;
  /** The last typed function, kept when another function is picked so switching back restores it. */
  readonly lastExpression: string | null;
  /**
   * The scene the fields above describe, kept by the store: the same object while they are
   * unchanged, so subscribers can compare by identity (hiding an optimizer does not change it).
   */
  readonly scene: Scene;
  readonly actions: LabActions;
}

/** A dismissible message: a title and what it is about, a line each. */
export interface Notice {
  readonly title: string;
  readonly lines: readonly string[];
}

/** Everything that changes the lab. Values are valid already: controls validate what users type. */
export interface LabActions {
  loadScene(scene: Scene): void;
  setFunction(id: string): void;
  setFnParam(name: string, value: number): void;
  /** Sets the typed function's text (checked by the compiler already). */
  setExpression(expr: string): void;
  /** Forgets `expr` as the last typed function (the compiler refused it), so it is not typed back. */
  forgetExpression(expr: string): void;
  setView(view: Box): void;
  resetView(): void;
  setStart(start: Vec2): void;
  setSteps(steps: number): void;
  setNoise(noise: Partial<Scene['noise']>): void;
  /** Adds a choice from `optimizerChoices` by key; false when the scene is full. */
  addOptimizer(key: string): boolean;
  duplicateOptimizer(id: number): boolean;
  removeOptimizer(id: number): void;
  /** Sets hyperparameter `key` of optimizer `id`, or of its later phase `phase` (0-based). */
  setHyper(id: number, key: string, value: Hyper[string], phase?: number): void;
  /** Sets the schedule of optimizer `id`, or of its later phase `phase` (0-based). */
  setSchedule(id: number, schedule: Schedule, phase?: number): void;
  /** Replaces optimizer `id`'s later phases (valid for the scene's steps), or removes them. */
  setPhases(id: number, phases: readonly Phase[] | undefined): void;
  setLabel(id: number, label: string): void;
  setColor(id: number, color: string): void;
  toggleHidden(id: number): void;
  play(): void;
  pause(): void;
  /** Moves the cursor to a step (clamped), pausing playback. */
  seek(step: number): void;
  setSpeed(stepsPerSecond: number): void;
  setHoverStep(step: number | null): void;
  /** Inspects optimizer `id`, or nothing. */
  select(id: number | null): void;
  notify(notice: Notice | null): void;
  /** Opens a sweep with these settings, or closes it (null). */
  setSweep(sweep: SweepSpec | null): void;
  /** Trains this network (valid already: ui/network checks what users type), or none (null). */
  setNetwork(network: NetworkScene | null): void;
}

/** `o` with a cosine schedule whose T_max equalled the old step count moved to the new one. */
function followSteps(o: LabOptimizer, before: number, after: number): LabOptimizer {
  const sc = o.entry.schedule;
  if (sc.type === 'cosine' && sc.T_max === before) {
    return { ...o, entry: { ...o.entry, schedule: { ...sc, T_max: after } } };
  }
  if (
    sc.type === 'warmup_cosine' &&
    sc.warmup_steps + sc.T_max === before &&
    after > sc.warmup_steps
  ) {
    return { ...o, entry: { ...o.entry, schedule: { ...sc, T_max: after - sc.warmup_steps } } };
  }
  return o;
}

/** A fresh entry of a type with torch's defaults, `hyper` on top. */
function newEntry(
  type: string,
  hyper: Hyper,
  index: number,
  taken: readonly string[],
): OptimizerEntry {
  const spec = getOptimizer(type);
  if (!spec) throw new Error(`unknown optimizer "${type}"`);
  const full: Record<string, Hyper[string]> = {};
  for (const [k, s] of Object.entries(spec.hyper)) full[k] = hyper[k] ?? s.default;
  // The first colour of the palette no run of the scene uses yet.
  const color = palette.find((c) => !taken.includes(c)) ?? defaultColor(index);
  return {
    type,
    hyper: full,
    schedule: { type: 'constant' },
    label: defaultLabel(type, full),
    color,
  };
}

/** A lab store holding `scene`; playback starts at the end, or at 0 to animate the first race. */
export function createLabStore(scene: Scene, { animate = false } = {}) {
  // The store's own counter: two stores (the page's, a test's) never share one.
  let nextId = 1;
  const wrap = (entry: OptimizerEntry): LabOptimizer => ({ id: nextId++, hidden: false, entry });
  const sceneFields = (s: Scene) => ({
    fn: s.fn,
    view: s.view,
    start: s.start,
    steps: s.steps,
    noise: s.noise,
    optimizers: s.optimizers.map(wrap),
    sweep: s.sweep ?? null,
    network: s.network ?? null,
  });
  return createStore<LabState>()((_, get, store) => {
    const set = keepScene(store);
    /** `entry` with `change` applied to its own settings, or to those of its later phase `phase`. */
    const inPhase = (
      entry: OptimizerEntry,
      phase: number | undefined,
      change: <T extends OptimizerEntry | Phase>(settings: T) => T,
    ): OptimizerEntry =>
      phase === undefined
        ? change(entry)
        : { ...entry, phases: entry.phases?.map((p, i) => (i === phase ? change(p) : p)) };
    const update = (id: number, change: (entry: OptimizerEntry) => OptimizerEntry) =>
      set((s) => ({
        optimizers: s.optimizers.map((o) => (o.id === id ? { ...o, entry: change(o.entry) } : o)),
      }));
    const clampStep = (step: number) => Math.max(0, Math.min(get().steps, Math.round(step)));
    const actions: LabActions = {
      loadScene: (next) =>
        set({
          ...sceneFields(next),
          lastExpression: next.fn.expr ?? get().lastExpression,
          playback: { ...get().playback, step: next.steps },
          hoverStep: null,
        }),
      setFunction: (id) => {
        if (id === CUSTOM_ID) {
          const expr = get().fn.expr ?? get().lastExpression ?? defaultExpression;
          set({ fn: { id, params: {}, expr }, view: customView, start: customStart });
          return;
        }
        const fn = getFunction(id);
        if (!fn) return;
        set({ fn: { id, params: defaultParams(fn) }, view: fn.view, start: fn.start });
      },
      setFnParam: (name, value) =>
        set((s) => ({ fn: { ...s.fn, params: { ...s.fn.params, [name]: value } } })),
      setExpression: (expr) =>
        set((s) =>
          s.fn.id === CUSTOM_ID
            ? { fn: { id: CUSTOM_ID, params: {}, expr }, lastExpression: expr }
            : {},
        ),
      forgetExpression: (expr) =>
        set((s) => (s.lastExpression === expr ? { lastExpression: null } : {})),
      setView: (view) => set({ view }),
      resetView: () => {
        const id = get().fn.id;
        const fn = functionOf(get().fn);
        if (fn) set({ view: fn.view });
        else if (id === CUSTOM_ID) set({ view: customView });
      },
      setStart: (start) => set({ start }),
      setSteps: (steps) =>
        set((s) => ({
          steps,
          // A cosine schedule that spanned the whole run keeps spanning it.
          // Phases past the new last step are dropped: they would never start.
          optimizers: s.optimizers.map((o) => {
            const kept = followSteps(o, s.steps, steps);
            const entry = phasesWithin(kept.entry, steps);
            return entry === kept.entry ? kept : { ...kept, entry };
          }),
          // A cursor at the end stays at the end.
          playback: {
            ...s.playback,
            step: s.playback.step >= s.steps ? steps : Math.min(s.playback.step, steps),
          },
        })),
      setNoise: (noise) => set((s) => ({ noise: { ...s.noise, ...noise } })),
      addOptimizer: (key) => {
        const choice = optimizerChoices.find((c) => c.key === key);
        const s = get();
        if (!choice || s.optimizers.length >= MAX_OPTIMIZERS) return false;
        const taken = s.optimizers.map((o) => o.entry.color);
        const entry = newEntry(choice.type, choice.hyper, s.optimizers.length, taken);
        set({ optimizers: [...s.optimizers, wrap(entry)] });
        return true;
      },
      duplicateOptimizer: (id) => {
        const s = get();
        const i = s.optimizers.findIndex((o) => o.id === id);
        if (i < 0 || s.optimizers.length >= MAX_OPTIMIZERS) return false;
        const source = s.optimizers[i]!.entry;
        const taken = s.optimizers.map((o) => o.entry.color);
        const color = palette.find((c) => !taken.includes(c)) ?? defaultColor(s.optimizers.length);
        const copy = wrap({ ...source, label: `${source.label} (copy)`.slice(0, 60), color });
        const optimizers = [...s.optimizers.slice(0, i + 1), copy, ...s.optimizers.slice(i + 1)];
        set({ optimizers, network: followSliceRun(s.network, s.optimizers, optimizers) });
        return true;
      },
      removeOptimizer: (id) =>
        set((s) => {
          if (s.optimizers.length <= 1) return {};
          const optimizers = s.optimizers.filter((o) => o.id !== id);
          return { optimizers, network: followSliceRun(s.network, s.optimizers, optimizers) };
        }),
      setHyper: (id, key, value, phase) =>
        update(id, (e) =>
          inPhase(e, phase, (p) => ({ ...p, hyper: { ...p.hyper, [key]: value } })),
        ),
      setSchedule: (id, schedule, phase) =>
        update(id, (e) => inPhase(e, phase, (p) => ({ ...p, schedule }))),
      setPhases: (id, phases) =>
        update(id, (e) => ({ ...e, phases: phases?.length ? phases : undefined })),
      setLabel: (id, label) => update(id, (e) => ({ ...e, label })),
      setColor: (id, color) => update(id, (e) => ({ ...e, color })),
      toggleHidden: (id) =>
        set((s) => ({
          optimizers: s.optimizers.map((o) => (o.id === id ? { ...o, hidden: !o.hidden } : o)),
        })),
      play: () =>
        set((s) => ({
          // Playing from the end starts the race again.
          playback: {
            ...s.playback,
            playing: true,
            step: s.playback.step >= s.steps ? 0 : s.playback.step,
          },
        })),
      pause: () => set((s) => ({ playback: { ...s.playback, playing: false } })),
      seek: (step) =>
        set((s) => ({ playback: { ...s.playback, playing: false, step: clampStep(step) } })),
      setSpeed: (speed) => set((s) => ({ playback: { ...s.playback, speed } })),
      setHoverStep: (hoverStep) => set({ hoverStep }),
      select: (selected) => set({ selected }),
      notify: (notice) => set({ notice }),
      setSweep: (sweep) => set({ sweep }),
      // The sweeps run on the function: a network scene has none open.
      setNetwork: (network) => set(network ? { network, sweep: null } : { network }),
    };
    const fields = sceneFields(scene);
    return {
      ...fields,
      scene: sceneOf(fields, null),
      playback: { playing: animate, step: animate ? 0 : scene.steps, speed: 250 },
      hoverStep: null,
      selected: null,
      notice: null,
      lastExpression: scene.fn.expr ?? null,
      actions,
    };
  });
}

/** The store's type. */
export type LabStore = ReturnType<typeof createLabStore>;

/**
 * The scene the store describes: the same object while its fields are unchanged, so subscribers
 * can compare by identity (hiding an optimizer does not change the scene).
 */
export const selectScene = (s: LabState): Scene => s.scene;
