import { describe, expect, it } from 'vitest';
import { inspectionAt, inspectRun } from '../../../src/engine/inspect.ts';
import { phaseEntry } from '../../../src/engine/phases.ts';
import { inspectGeometry } from '../../../src/render/layers/inspect.ts';
import { phaseText } from '../../../src/ui/inspect/phaseText.ts';
import { termRows } from '../../../src/ui/inspect/terms.ts';
import { frameOf, runSetOf, soloScene } from '../support/scene.ts';

/** Adam for 20 steps, then SGD with momentum: two optimizers with different state. */
const scene = soloScene(
  { type: 'adam', lr: 0.05, phases: [{ from: 20, type: 'sgd', lr: 1e-4, momentum: 0.9 }] },
  40,
);
const entry = scene.optimizers[0]!;
const ins = inspectRun(scene, 0);

describe('the inspector on a run with phases', () => {
  it('draws the direction of the optimizer that made the step: m̂, then the momentum buffer', () => {
    const inspection = { scene, index: 0, inspection: ins };
    const at = (cursor: number) =>
      inspectGeometry(frameOf(scene, { runs: runSetOf(scene), inspection, cursor }))!;
    const label = (cursor: number) => at(cursor).arrows.find((a) => a.kind === 'direction')?.label;
    expect(label(20)).toBe('−m̂');
    expect(label(21)).toBe('−momentum');
    // The effective-rate glyph: Adam's differs by coordinate, SGD's is its one rate.
    expect(at(20).glyph!.hx).not.toBe(at(20).glyph!.hy);
    expect(at(21).glyph!.hx).toBe(at(21).glyph!.hy);
  });

  it('shows the terms of the phase’s own rule, from the phase’s own state', () => {
    const sgd = phaseEntry(entry, 1);
    const rows = termRows(sgd, inspectionAt(ins, entry, 21), 21);
    const buffer = rows.find((r) => r.key === 'momentum_buffer');
    expect(buffer).toBeDefined();
    expect(rows.find((r) => r.key === 'exp_avg')).toBeUndefined();
  });

  it('names the phase the step belongs to', () => {
    expect(phaseText(entry, 20)).toEqual({
      index: 0,
      which: 'Phase 1 of 2',
      name: 'Adam',
      steps: 'steps 1–20',
      fresh: false,
    });
    expect(phaseText(entry, 21)).toEqual({
      index: 1,
      which: 'Phase 2 of 2',
      name: 'SGD',
      steps: 'steps 21 on',
      fresh: true,
    });
    expect(phaseText(phaseEntry(entry, 0), 3)).toBeNull();
  });
});
