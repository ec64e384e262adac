/**
 * What the script prints: with --json exactly what \`descent-lab run --format json\` prints (the
 * same keys, order and layout; numbers in JavaScript's shortest round-trip form, which differs
 * from Python's repr in exponents and integral values), else the paths over the contours with
 * matplotlib, or a table when matplotlib is missing.
 */
export const OUTPUT_PY = String.raw`
def js_number(v):
    """A float as JavaScript's String(v) writes it (the lab's JSON): 0.0001, 1e-7, 100, 1.5e+21."""
    if v == 0:
        return '0'
    if not math.isfinite(v):
        return 'NaN' if v != v else ('Infinity' if v > 0 else '-Infinity')
    sign, s = ('-', repr(-v)) if v < 0 else ('', repr(v))
    mantissa, _, exponent = s.partition('e')
    whole, _, fraction = mantissa.partition('.')
    digits = (whole + fraction).lstrip('0')
    n = len(whole) + (int(exponent) if exponent else 0) - (len(whole + fraction) - len(digits))
    digits = digits.rstrip('0')
    k = len(digits)
    if k <= n <= 21:
        text = digits + '0' * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + '.' + digits[n:]
    elif -6 < n <= 0:
        text = '0.' + '0' * -n + digits
    else:
        e = n - 1
        text = digits[0] + ('.' + digits[1:] if k > 1 else '') + 'e' + ('+' if e >= 0 else '-') + str(abs(e))
    return sign + text


def write_json(runs, out):
    """The runs as descent-lab run --format json writes them, each written once computed."""
    out.write('{"runs":[')
    for r, (entry, result) in enumerate(zip(RUNS, runs)):
        out.write(('\n' if r == 0 else ',\n') + '{"label":' + json.dumps(entry['label'], ensure_ascii=False)
                  + ',"type":"' + entry['type'] + '","points":[')
        out.write(','.join('[' + ','.join(js_number(v) for v in point) + ']' for point in result['points']))
        if 'test_f' in result:
            out.write('],"test_f":[' + ','.join(js_number(v) for v in result['test_f']))
        out.write('],"lrs":[' + ','.join(js_number(v) for v in result['lrs']))
        diverged = result['diverged_at']
        out.write('],"diverged_at":' + ('null' if diverged is None else str(diverged)) + '}')
        out.flush()
    out.write('\n]}\n')


def table(runs):
    print('%-24s %-8s %6s %22s %22s %22s %s' % ('run', 'type', 'steps', 'x', 'y', 'f', 'diverged at'))
    for entry, result in zip(RUNS, runs):
        x, y, fx = result['points'][-1] if result['points'] else (math.nan,) * 3
        print('%-24s %-8s %6d %22.15g %22.15g %22.15g %s' % (
            entry['label'][:24], entry['type'], len(result['lrs']), x, y, fx,
            '' if result['diverged_at'] is None else result['diverged_at']))


def plot(runs, plt):
    """The paths over the contours of f (log-spaced levels where f > 0), and the loss per step."""
    grid = 200
    xs = torch.linspace(VIEW[0][0], VIEW[0][1], grid)
    ys = torch.linspace(VIEW[1][0], VIEW[1][1], grid)
    with torch.no_grad():
        z = torch.stack([f(xs, torch.full_like(xs, y)) for y in ys.tolist()])
    finite = z[torch.isfinite(z)].sort().values
    fig, (ax, losses) = plt.subplots(1, 2, figsize=(12, 5.5))
    if finite.numel() > 1:
        low, high = finite[0].item(), finite[-1].item()
        if 0 < low < high:
            levels = torch.logspace(math.log10(low), math.log10(high), 30).tolist()
        else:
            picks = torch.linspace(0, finite.numel() - 1, 30).round().long()
            levels = sorted(set(finite[picks].tolist()))
        if len(levels) > 1:
            ax.contour(xs.tolist(), ys.tolist(), z.tolist(), levels=levels, cmap='viridis', linewidths=0.6)
    for entry, result in zip(RUNS, runs):
        points = result['points']
        ax.plot([q[0] for q in points], [q[1] for q in points], color=entry['color'], lw=1.2,
                label=entry['label'])
        losses.plot([q[2] for q in points], color=entry['color'], lw=1.2, label=entry['label'])
    ax.plot([START[0]], [START[1]], 'o', mfc='none', mec='black')
    ax.set(xlim=VIEW[0], ylim=VIEW[1], xlabel='x', ylabel='y', title=TITLE)
    every = [q[2] for result in runs for q in result['points']]
    losses.set(yscale='log' if every and min(every) > 0 else 'symlog', xlabel='step', ylabel='f')
    ax.legend()
    plt.tight_layout()
    if plt.get_backend().lower() == 'agg':
        # No display (a server, MPLBACKEND=Agg): a file instead of a window.
        plt.savefig(PICTURE, dpi=120)
        print('No display: the plot is in', PICTURE)
    else:
        plt.show()


def main(argv):
    if any(a != '--json' for a in argv):
        sys.exit('usage: python3 %s [--json]' % sys.argv[0])
    if '--json' in argv:
        write_json((run(entry) for entry in RUNS), sys.stdout)
        return
    runs = [run(entry) for entry in RUNS]
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        table(runs)
        print('matplotlib is not installed, so nothing is plotted: pip install matplotlib '
              '(Debian: apt-get install python3-matplotlib); --json prints every point.')
        return
    plot(runs, plt)
`;
