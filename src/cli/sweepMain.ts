import {
  basinsAreClusters,
  cellCount,
  createColumns,
  reportedColumns,
  runsOf,
  sweepCells,
} from '../engine/sweep/index.ts';
import type { SweepColumns } from '../engine/sweep/types.ts';
import { sweepCsvChunks, sweepJsonChunks } from '../preset/sweepFormats.ts';
import { objectiveOf } from './compiler.ts';
import { sceneOf } from './input.ts';
import type { Io } from './main.ts';
import { writeOut } from './output.ts';
import type { SweepCommand } from './sweepArgs.ts';
import { sweepPlanOf } from './sweepPlan.ts';

/**
 * `descent-lab sweep`: reads the scene, checks the sweep, and writes its cells as they are
 * computed, a chunk of cells at a time as the output takes them (a reader that stops early stops
 * the computing). A typed function's basins are clusters of every run's end, so its sweep is
 * computed whole before the first line. Throws as `main` expects (UsageError, OutputError).
 */
export async function sweepCommand(
  command: SweepCommand,
  io: Io,
  say: (line: string) => void,
): Promise<void> {
  const scene = await sceneOf(command.file, io.stdin, say);
  const objective = await objectiveOf(scene.fn);
  const plan = sweepPlanOf(scene, command, objective);
  const cells = cellCount(plan.axes);
  const computed = createColumns(cells, runsOf(plan).length);
  const fill = (from: number, to: number): void => {
    const list = new Int32Array(to - from);
    for (let i = 0; i < list.length; i++) list[i] = from + i;
    sweepCells(plan, list, computed);
  };
  let columns = computed;
  let lazy: typeof fill | undefined = fill;
  if (basinsAreClusters(plan.scene)) {
    // Basins are clusters of every run's end: the whole sweep first.
    fill(0, cells);
    columns = reportedColumns(plan, computed);
    lazy = undefined;
  }
  const chunks =
    command.format === 'csv'
      ? sweepCsvChunks(plan, columns, lazy)
      : sweepJsonChunks(plan, columns, lazy);
  await writeOut(chunks, io.stdout);
  if (allDiverged(columns)) {
    say(
      `every run of this sweep diverged (${columns.divergedAt.length} runs in ${cells} cells); ` +
        'its losses are those of the last finite points: try smaller values',
    );
  }
}

const allDiverged = (columns: SweepColumns): boolean => columns.divergedAt.every((d) => d >= 0);
