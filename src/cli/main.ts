import type { Writable } from 'node:stream';
import { networkTraining } from '../engine/network/scene.ts';
import { trainNetwork } from '../engine/network/train.ts';
import { eachRun } from '../engine/simulate.ts';
import { networkCsvChunks, networkJsonChunks } from '../preset/networkFormats.ts';
import { csvChunks, jsonChunks } from '../preset/trajectoryFormats.ts';
import { parseArgs, USAGE } from './args.ts';
import { dataCommand } from './dataMain.ts';
import { sliceCommand } from './sliceMain.ts';
import { exportTorchCommand } from './exportTorchMain.ts';
import { objectiveOf } from './compiler.ts';
import { EXIT, failure, UsageError } from './failure.ts';
import { sceneOf } from './input.ts';
import { writeOut } from './output.ts';

/** The streams the command line talks to. */
export interface Io {
  /** Standard input, asked for only when the preset is read from `-`. */
  readonly stdin: () => AsyncIterable<Buffer | string>;
  /** Where the trajectories go; ended when they are written. */
  readonly stdout: Writable;
  /** Where the `descent-lab: …` lines go. */
  readonly stderr: { write(line: string): unknown };
}

const processIo = (): Io => ({
  stdin: () => process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});

/** Runs the command line; resolves to the exit status (failure.ts's EXIT) and never throws. */
export async function main(args: readonly string[], io: Io = processIo()): Promise<number> {
  const say = (line: string): void => void io.stderr.write(`descent-lab: ${line}\n`);
  try {
    const command = parseArgs(args);
    if (command.command === 'help') {
      await writeOut([`${USAGE}\n`], io.stdout);
      return EXIT.ok;
    }
    if (command.command === 'sweep') {
      // Loaded only for a sweep: `run` starts without the sweep kernel and formats.
      const { sweepCommand } = await import('./sweepMain.ts');
      await sweepCommand(command, io, say);
      return EXIT.ok;
    }
    if (command.command === 'export-torch') {
      await exportTorchCommand(command, io, say);
      return EXIT.ok;
    }
    if (command.command === 'data') {
      await dataCommand(command, io, say);
      return EXIT.ok;
    }
    if (command.command === 'slice') {
      await sliceCommand(command, io, say);
      return EXIT.ok;
    }
    const scene = await sceneOf(command.file, io.stdin, say);
    if (command.params && !scene.network) {
      throw new UsageError(
        "--params prints a network's parameters, and this scene has none (its points are x and y)",
      );
    }
    if (scene.network) {
      // A network scene prints its optimizers' loss curves on the network (engine/network).
      const runs = trainNetwork(networkTraining(scene, scene.network));
      const { params } = command;
      const chunks =
        command.format === 'csv'
          ? networkCsvChunks(runs, params)
          : networkJsonChunks(scene, runs, params);
      await writeOut(chunks, io.stdout);
      return EXIT.ok;
    }
    // Runs are computed one at a time, as the output asks for them.
    const runs = eachRun(scene, await objectiveOf(scene.fn));
    const chunks = command.format === 'csv' ? csvChunks(runs) : jsonChunks(scene, runs);
    await writeOut(chunks, io.stdout);
    return EXIT.ok;
  } catch (e) {
    const { line, status } = failure(e);
    if (line !== null) say(line);
    return status;
  }
}
