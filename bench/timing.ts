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

/**
 * time(a) / time(b) for calls that each return a large fresh result: the two interleaved call by
 * call (a, b, then b, a, …), each call timed on its own, and each side's figure its least call over
 * `rounds` batches of ≈ 80 ms and at least 40 pairs. Batches of one side at a time do not work for
 * such calls under load: whether a call's fresh memory comes back from the system page by page (a
 * 100,000-step run's 2.4 MB of columns is 586 page faults, 6–9 ms a call here against 0.7 ms
 * without them), and which call sets off a collection, is the allocator's state and the machine's,
 * not the code's. Under load 4–6 more than half the calls of both sides faulted, in stretches of
 * a second or more, and a side whose batches drew more of them came out 0.1–9× the other. A call
 * without faults or a collection is the code's own time, its allocation and the zeroing of its
 * memory included; what each side allocates is compared apart (`freshBytes`), so a side that
 * allocated more could not hide it here.
 */
export function interleaved(
  a: () => unknown,
  b: () => unknown,
  rounds: number,
): { ratio: number; a: number; b: number } {
  // At least 40 pairs a batch, however slow the calls: a stretch of load can fault in the memory
  // of every call for a second or more, and a batch of a few calls inside it has no clean one.
  const reps = Math.max(
    40,
    repsFor(() => (a(), b()), 80),
  );
  let ta = Infinity;
  let tb = Infinity;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < reps; i++) {
      const [first, second] = i % 2 ? [b, a] : [a, b];
      const t0 = cpuMs();
      first();
      const t1 = cpuMs();
      second();
      const t2 = cpuMs();
      const [da, db] = i % 2 ? [t2 - t1, t1 - t0] : [t1 - t0, t2 - t1];
      ta = Math.min(ta, da);
      tb = Math.min(tb, db);
    }
  }
  return { ratio: ta / tb, a: ta, b: tb };
}

/**
 * Bytes of ArrayBuffer memory one call of `fn` allocates, the most over a few calls: what a call
 * drops is freed only by a later collection, and a collection during a call frees older calls'
 * memory and lowers the count.
 */
export function freshBytes(fn: () => unknown): number {
  let most = -Infinity;
  for (let i = 0; i < 5; i++) {
    const before = process.memoryUsage().arrayBuffers;
    fn();
    most = Math.max(most, process.memoryUsage().arrayBuffers - before);
  }
  return most;
}
