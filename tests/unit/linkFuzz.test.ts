import fc from 'fast-check';
import lz from 'lz-string';
import { afterAll, describe, expect, it } from 'vitest';
import { checkExpression } from '../../src/engine/expr/index.ts';
import { getFunction } from '../../src/engine/functions/index.ts';
import { getOptimizer } from '../../src/engine/optimizers/index.ts';
import type { Scene } from '../../src/engine/scene.ts';
import {
  defaultScene,
  parsePreset,
  readLink,
  salvagePreset,
  sceneHash,
  toCompactPreset,
  toPreset,
} from '../../src/preset/index.ts';
import { linkScene, type Shown } from '../../src/state/persistence.ts';
import { arbPreset } from './arbitraries.ts';
import {
  anyMutation,
  escaped,
  mutate,
  pathsOf,
  toDoc,
  writeDoc,
  type Doc,
  type DocPath,
} from './support/jsonDoc.ts';
import { typedFunction } from './support/typedGrammar.ts';

// Every input is a real link, read through the page's own entry point (`linkScene`: decompress,
// JSON, salvage with the lexer's check), and where each one stopped is counted and printed.

const linkOf = (json: string) =>
  `https://example.org/#s=1.${lz.compressToEncodedURIComponent(json)}`;

/** Where inputs stopped, by test. */
const stages = new Map<string, Map<string, number>>();
const tally = (test: string, stage: string) => {
  const counts = stages.get(test) ?? new Map<string, number>();
  counts.set(stage, (counts.get(stage) ?? 0) + 1);
  stages.set(test, counts);
};
const sum = (counts: Map<string, number> | undefined) =>
  [...(counts?.values() ?? [])].reduce((a, b) => a + b, 0);
afterAll(() => {
  const lines = [...stages].map(([test, counts]) => {
    const total = sum(counts);
    const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`);
    return `  ${test} (${total}): ${parts.join(', ')}`;
  });
  console.log(`link fuzz: where the inputs stopped\n${lines.join('\n')}`);
});

/** The stage a link reached: its decoding, the schema (nothing usable), salvage, or valid. */
function stageOf(shown: Shown): string {
  const lines = shown.notice?.lines ?? [];
  if (lines.length === 0) return 'schema: valid';
  if (/could not be opened/.test(shown.notice!.title)) {
    if (/^The link is damaged/.test(lines[0]!)) return 'decoder: damaged (lz-string or JSON)';
    if (/^The link/.test(lines[0]!)) return 'decoder: not a link of this version';
    return 'schema: nothing usable';
  }
  return 'schema: salvaged';
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = protoKeys();

/**
 * What must hold for any link: a scene is read (never a throw), valid by the schema and read back
 * the same from its own link; the default scene exactly when the notice says so; messages are
 * short lines; nothing reaches Object.prototype and no object of the scene has another prototype
 * or a key its spec does not know.
 */
function check(text: string): Shown {
  const shown = linkScene(text);
  if (!shown) throw new Error(`no scene in ${text}`);
  const { scene, notice } = shown;
  expect(parsePreset(toPreset(scene)).ok).toBe(true);
  // What was read is written as a link and read back the same (the default scene's own link is
  // tested in link.test.ts, not once per damaged input).
  if (!/could not be opened/.test(notice?.title ?? '')) {
    const back = linkScene(`#${sceneHash(scene)}`);
    expect(back?.notice ?? null).toBeNull();
    expect(back?.scene).toEqual(scene);
  }
  if (notice) {
    expect(notice.lines.length).toBeGreaterThan(0);
    for (const line of notice.lines) {
      expect(typeof line).toBe('string');
      expect(line.length).toBeGreaterThan(0);
      expect(line.length).toBeLessThan(400);
    }
    if (/could not be opened/.test(notice.title)) {
      expect(scene).toEqual(defaultScene());
      expect(notice.lines.at(-1)).toMatch(/default scene/);
    }
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(protoKeys()).toEqual(cleanPrototype);
  const objects: object[] = [scene, scene.fn, scene.fn.params, scene.view, scene.noise];
  for (const o of scene.optimizers) objects.push(o, o.hyper, o.schedule);
  for (const o of objects) expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  const fn = getFunction(scene.fn.id);
  expect(Object.keys(scene.fn.params).sort()).toEqual(Object.keys(fn?.params ?? {}).sort());
  for (const o of scene.optimizers) {
    expect(Object.keys(o.hyper).sort()).toEqual(Object.keys(getOptimizer(o.type)!.hyper).sort());
  }
  return shown;
}

/**
 * Valid presets (up to three optimizers) with the scene each one is, written in full or compact
 * (as links carry them). Salvage mends the few cross-field refusals of random hyperparameters
 * (Nesterov without momentum, …) far faster than filtering them out would.
 */
const validPreset = fc.tuple(arbPreset(3), fc.boolean()).map(([random, compact]) => {
  const { scene } = salvagePreset(random);
  return { preset: compact ? toCompactPreset(scene) : toPreset(scene), scene };
});

/** Fields of a preset that may be absent from one, so that mutations also add them. */
const schemaPaths: DocPath[] = [
  ['v'],
  ['fn'],
  ['fn', 'id'],
  ['fn', 'params'],
  ['fn', 'expr'],
  ['view'],
  ['view', 'x'],
  ['start'],
  ['steps'],
  ['noise'],
  ['noise', 'sigma'],
  ['noise', 'seed'],
  ['optimizers'],
  ['optimizers', 0],
  ['optimizers', 0, 'type'],
  ['optimizers', 0, 'lr'],
  ['optimizers', 0, 'betas'],
  ['optimizers', 0, 'schedule'],
  ['optimizers', 0, 'schedule', 'type'],
  ['optimizers', 0, 'label'],
  ['optimizers', 0, 'color'],
];

/** A valid preset's document with one to three mutations, at existing or schema paths. */
const mutatedPreset = validPreset.chain(({ preset, scene }) => {
  const paths = [...pathsOf(toDoc(preset)), ...schemaPaths];
  const edit = fc.record({ path: fc.constantFrom(...paths), mutation: anyMutation });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => ({ preset, scene, edits }));
});

describe('link fuzz', () => {
  it('decodes random strings: the decoder refuses them, never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        tally('random strings after #s=1.', stageOf(check(`#s=1.${s}`)));
        tally('random strings after #s=', stageOf(check(`#s=${s}`)));
      }),
      { numRuns: 200 },
    );
  });

  it('decodes valid links with characters cut and inserted', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 20 }),
      insert: fc.string({ maxLength: 6, unit: 'grapheme-ascii' }),
    });
    fc.assert(
      fc.property(validPreset, fc.array(edit, { minLength: 1, maxLength: 4 }), (p, edits) => {
        let text = sceneHash(p.scene);
        for (const { at, cut, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + cut);
        }
        // An edit before "s=" leaves a hash that is not a scene link at all.
        if (!/(^|&)s=/.test(text)) expect(linkScene(`#${text}`)).toBeNull();
        else tally('links with characters cut and inserted', stageOf(check(`#${text}`)));
      }),
      { numRuns: 200 },
    );
  });

  it('reads links whose JSON has subtrees replaced, deleted, repeated, escaped and prototype keys added', () => {
    fc.assert(
      fc.property(mutatedPreset, ({ preset, scene, edits }) => {
        // A fresh document each run: fast-check runs a value again while shrinking.
        const doc = toDoc(preset);
        for (const { path, mutation } of edits) mutate(doc, path, mutation);
        const json = writeDoc(doc);
        const shown = check(linkOf(json));
        const stage = stageOf(shown);
        tally('valid presets with subtrees mutated', stage);
        if (json === JSON.stringify(preset))
          tally('mutated presets whose text is unchanged', stage);
        for (const { path, mutation } of edits)
          tally('mutations', `${mutation.kind} ${String(path[0])}`);
        // Only a version can make a valid preset hopeless: every other field has a default.
        if (edits.every((e) => e.path[0] !== 'v')) expect(stage).not.toBe('schema: nothing usable');
        // One mutation inside one of several optimizers leaves the rest of the scene as it was
        // (default colours follow the index, so they may move up when one is left out).
        const [only] = edits;
        if (
          edits.length === 1 &&
          scene.optimizers.length > 1 &&
          only!.path[0] === 'optimizers' &&
          typeof only!.path[1] === 'number'
        ) {
          const s = shown.scene;
          expect({ ...s, optimizers: [] }).toEqual({ ...scene, optimizers: [] });
          const others = (list: Scene['optimizers']) =>
            list.filter((_, i) => i !== only!.path[1]).map(({ color: _c, ...o }) => o);
          const kept = s.optimizers.length === scene.optimizers.length;
          const got = kept ? others(s.optimizers) : s.optimizers.map(({ color: _c, ...o }) => o);
          expect(got).toEqual(others(scene.optimizers));
        }
      }),
      { numRuns: 600 },
    );
    // The fuzz reaches the schema: none is damaged, most are salvaged, few are left unchanged.
    const counts = stages.get('valid presets with subtrees mutated')!;
    expect(counts.get('decoder: damaged (lz-string or JSON)') ?? 0).toBe(0);
    const total = sum(counts);
    expect(counts.get('schema: salvaged') ?? 0).toBeGreaterThan(total / 2);
    expect(sum(stages.get('mutated presets whose text is unchanged'))).toBeLessThan(total / 10);
  });

  it('reads a link whose every key and text is \\u-escaped as the same scene', () => {
    fc.assert(
      fc.property(
        validPreset,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        (p, mask) => {
          const doc: Doc = toDoc(p.preset);
          // Deepest first: escaping a key hides it from the paths below it.
          const paths = pathsOf(doc).sort((a, b) => b.length - a.length);
          for (const path of paths) mutate(doc, path, { kind: 'escape', mask });
          const shown = check(linkOf(writeDoc(doc)));
          tally('valid presets with every text escaped', stageOf(shown));
          expect(shown.notice).toBeNull();
          expect(shown.scene).toEqual(p.scene);
        },
      ),
      { numRuns: 100 },
    );
    expect(escaped('custom', [true]).text).toBe('"\\u0063\\u0075\\u0073\\u0074\\u006f\\u006d"');
  });

  it('reads typed functions from a grammar as the command line does, whichever stage refuses them', () => {
    fc.assert(
      fc.property(validPreset, typedFunction, (p, expr) => {
        const preset = { ...p.preset, fn: { id: 'custom', expr } };
        const link = linkOf(JSON.stringify(preset));
        const first = check(link);
        // The page's second step: the compiler's verdict, then the CLI's reading if refused.
        let shown = first;
        let stage = 'compiled';
        if (first.scene.fn.expr === undefined) stage = 'refused by the lexer';
        else {
          const refusal = checkExpression(expr);
          if (refusal !== null) {
            stage = 'refused by the compiler';
            shown = first.instead!(refusal);
            expect(shown.scene.fn.expr).toBeUndefined();
            expect(shown.notice?.lines).toContain(
              `fn.expr is not a valid function: ${refusal} (used rosenbrock)`,
            );
          }
        }
        tally('typed functions', stage);
        const cli = readLink(link, { checkExpression });
        if (!cli.found) throw new Error('no scene');
        expect(shown.scene).toEqual(cli.scene);
        expect(shown.notice?.lines ?? []).toEqual(cli.problems);
      }),
      { numRuns: 250 },
    );
    // Every stage is reached (measured: lexer 5–12%, compiler 13–17%, compiled 70–80%).
    const counts = stages.get('typed functions')!;
    for (const stage of ['refused by the lexer', 'refused by the compiler', 'compiled']) {
      expect(counts.get(stage) ?? 0, stage).toBeGreaterThan(sum(counts) / 60);
    }
  });
});
