/**
 * The loop every run of the script takes, as src/engine/trajectory.ts and stepLoop.ts take it:
 * from the start, each step k (0-based) takes the gradient at the point (gradient(p, k)), adds sigma·xi of step k (x then y) when the scene has noise, records the rate the
 * step uses, steps the optimizer, then its scheduler; a phase from k makes a new optimizer and
 * scheduler on the same tensor before step k + 1. A run stops before the first point where x, y
 * or f is not finite, and reports that index as diverged_at.
 */
export const RUN_PY = String.raw`
def run(entry):
    """One optimizer's trajectory: points [x, y, f], the rate of every step, and where it diverged."""
    p = torch.tensor(START, requires_grad=True)
    out = {'points': [], 'lrs': [], 'diverged_at': None}
    if HAS_TEST:
        out['test_f'] = []

    def record(k):
        with torch.no_grad():
            x, y = p.tolist()
            fx = float(f(p[0], p[1]))
        if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(fx)):
            out['diverged_at'] = k
            return False
        out['points'].append([x, y, fx])
        if HAS_TEST:
            with torch.no_grad():
                out['test_f'].append(float(test_f(p[0], p[1])))
        return True

    if not record(0):
        return out
    phases = dict(entry['phases'])
    for k in range(STEPS):
        if k in phases:
            optimizer, scheduler = phases[k](p)
        p.grad = gradient(p, k)
        if XI is not None:
            with torch.no_grad():
                p.grad.add_(torch.tensor([SIGMA * XI[2 * k], SIGMA * XI[2 * k + 1]]))
        out['lrs'].append(optimizer.param_groups[0]['lr'])
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        if not record(k + 1):
            break
    return out
`;
