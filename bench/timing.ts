/**
 * Side-by-side timing for the engine benches, in CPU time: this machine is shared (load 3–10 on
 * two cores while other work runs), and wall time then mostly measures who else ran. CPU time
 * (getrusage, process-wide, so a GC thread's work counts too) is not charged while the process
 * waits for a core; each timed batch runs ≈ 40 ms.
 */

/** Milliseconds of CPU this process has used. */
export const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** What the figures are measured in, for the printed header. */
export const CLOCK = 'CPU time';

/** How many calls of `fn` take about `ms` milliseconds of wall time (at least one). */
function repsFor(fn: () => unknown, ms: number): number {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const t = performance.now() - t0;
    if (t >= ms / 4 || reps >= 1 << 20)
      return Math.max(1, Math.ceil((reps * ms) / Math.max(t, 1e-3)));
    reps *= 2;
  }
}

/**
 * time(a) / time(b) per call, each the least over `rounds` batches of ≈ 40 ms, the two alternating
 * which goes first; the per-call times (ms) of the least batches come with it.
 */
export function sideBySide(
  a: () => unknown,
  b: () => unknown,
  rounds: number,
): { ratio: number; a: number; b: number } {
  const ra = repsFor(a, 40);
  const rb = repsFor(b, 40);
  let ta = Infinity;
  let tb = Infinity;
  const batch = (fn: () => unknown, reps: number): number => {
    const t0 = cpuMs();
    for (let i = 0; i < reps; i++) fn();
    return (cpuMs() - t0) / reps;
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      tb = Math.min(tb, batch(b, rb));
      ta = Math.min(ta, batch(a, ra));
    } else {
      ta = Math.min(ta, batch(a, ra));
      tb = Math.min(tb, batch(b, rb));
    }
  }
  return { ratio: ta / tb, a: ta, b: tb };
}
