/**
 * Command-line startup (`npm run bench`): `descent-lab run` on a 100-step preset, as the built bin
 * (dist-cli/ behind bin/descent-lab.mjs) and as TypeScript loaded through tsx at run time (how
 * it ran before it was bundled), against a bare `node -e 0`. Every figure is a fresh process; the
 * three run side by side in each round, in a rotating order. Wall time and CPU time are both
 * printed; the target (the built bin costs at most 3× a bare Node) is judged on CPU time, which a
 * busy shared machine disturbs far less, in the median round and in the worst.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUNDS = 21;
const TARGET = 3;
const root = fileURLToPath(new URL('..', import.meta.url));

const build = spawnSync('npm', ['run', 'build:cli'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build:cli failed:\n${build.stderr}`);

const preset = join(mkdtempSync(join(tmpdir(), 'descent-lab-bench-')), 'preset.json');
writeFileSync(
  preset,
  JSON.stringify({
    v: 1,
    fn: { id: 'rosenbrock' },
    steps: 100,
    optimizers: [
      { type: 'adam', lr: 0.01 },
      { type: 'sgd', lr: 0.001, momentum: 0.9 },
    ],
  }),
);

const commands = {
  'node -e 0': ['-e', '0'],
  'built bin': [join(root, 'bin/descent-lab.mjs'), 'run', preset],
  'tsx at run time': ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'run', preset],
} as const;
type Name = keyof typeof commands;
const names = Object.keys(commands) as Name[];

interface Sample {
  /** Wall time, ms. */
  wall: number;
  /** CPU time (user + system) of the process and its threads, ms: what load on the machine
   * disturbs least. From bash's `times`, as Node reports no child's resource usage. */
  cpu: number;
}

/** One fresh process; throws if it fails. */
function sample(name: Name): Sample {
  const t0 = performance.now();
  const r = spawnSync(
    'bash',
    ['-c', '"$0" "$@" >/dev/null || exit; times', process.execPath, ...commands[name]],
    { cwd: root, encoding: 'utf8' },
  );
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${name} failed (${r.status}): ${r.stderr}`);
  // The second line of `times`: the children's user and system time, "0m0.052s 0m0.007s".
  const children = r.stdout.trim().split('\n')[1]!;
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, [, m, s]) => sum + (Number(m) * 60 + Number(s)) * 1000,
    0,
  );
  return { wall, cpu };
}

// One unmeasured round: the file cache warm for everyone.
for (const name of names) sample(name);
const samples = Object.fromEntries(names.map((n) => [n, [] as Sample[]])) as Record<Name, Sample[]>;
for (let round = 0; round < ROUNDS; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + k) % names.length]!;
    samples[name].push(sample(name));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
const times = (name: Name, key: keyof Sample) => samples[name].map((s) => s[key]);
const ratios = (name: Name, key: keyof Sample) => {
  const base = times('node -e 0', key);
  return times(name, key).map((t, i) => t / base[i]!);
};
const x = (r: number) => `${r.toFixed(2)}×`.padStart(7);

console.log(
  `descent-lab run on a 100-step preset: ${ROUNDS} rounds of fresh processes side by side\n` +
    'command            wall: median   worst  ratio*  |  CPU: median   worst  ratio*  worst round',
);
for (const name of names) {
  const cells = (['wall', 'cpu'] as const).map((key) => {
    const t = times(name, key);
    const r = ratios(name, key);
    return {
      text: `${ms(median(t))} ${ms(Math.max(...t))} ${x(median(r))}`,
      worst: Math.max(...r),
    };
  });
  console.log(`${name.padEnd(16)} ${cells[0]!.text}  |  ${cells[1]!.text}  ${x(cells[1]!.worst)}`);
}
console.log('* ratio to node -e 0: the median of the per-round ratios');
const cpu = ratios('built bin', 'cpu');
const met = median(cpu) <= TARGET && Math.max(...cpu) <= TARGET;
console.log(
  `built bin, CPU time to a bare node: median ${median(cpu).toFixed(2)}×, worst round ` +
    `${Math.max(...cpu).toFixed(2)}× (target ≤ ${TARGET}×): ${met ? 'met' : 'MISSED'}`,
);
if (!met) process.exitCode = 1;
