"""Writes glibc.json: inputs and glibc libm's results (through Python's math module) for the
portable functions' test. glibc's sin, cos, exp, log and pow are correctly rounded or within a
fraction of an ulp of it, so they are an independent check of the fdlibm ports (which promise < 1 ulp).
Run: python3 tests/unit/math/glibc-table.py (deterministic: seeded)."""
import json, math, random, struct, os

rng = random.Random(20261202)
hexof = lambda v: struct.pack('>d', v).hex()

def signed_log(lo, hi, n):
    return [rng.choice((-1, 1)) * 10 ** rng.uniform(lo, hi) for _ in range(n)]

def uniform(lo, hi, n):
    return [rng.uniform(lo, hi) for _ in range(n)]

N = 250
trig_inputs = (uniform(-10, 10, N) + signed_log(-12, 22, N) + signed_log(5, 300, 60)
               + [k * math.pi / 2 for k in range(-40, 41)]
               + [rng.randint(1, 10**6) * math.pi / 2 for _ in range(40)]
               + [1e6, 1e8, 2**20 * math.pi / 2, 2**20 * math.pi / 2 * 1.0000001, 1e22, 1e300,
                  1.7976931348623157e308, 3 * math.pi / 4, 5 * math.pi / 4, 7 * math.pi / 4,
                  9 * math.pi / 4, 0.6744, 0.785398, 2**-27, 2**-26, 1e-300, 5e-324])
cases = {
    'sin': trig_inputs, 'cos': trig_inputs, 'tan': trig_inputs,
    'exp': uniform(-745, 709.7, N) + uniform(-2, 2, N) + signed_log(-20, 0, 60)
           + [709.78, -745.13, -708.4, -740, 1, -1, 0.5, 2**-28, 2**-29],
    'expm1': uniform(-40, 40, N) + uniform(-1, 1, N) + signed_log(-20, 0, 60) + [709.7, -38, 56 * 0.6931],
    'sinh': uniform(-711, 711, N) + uniform(-3, 3, N) + signed_log(-12, 0, 60) + [710.4, -710.47, 22, 2**-28],
    'cosh': uniform(-711, 711, N) + uniform(-3, 3, N) + signed_log(-12, 0, 60) + [710.4, -710.47, 22, 0.3465],
    'tanh': uniform(-25, 25, N) + uniform(-2, 2, N) + signed_log(-12, 0, 60) + [22, 1, 2**-28],
    'atan': signed_log(-12, 22, N) + uniform(-3, 3, N) + [0.4375, 0.6875, 1.1875, 2.4375, 2**66, 1e300],
    'asin': uniform(-1, 1, N) + [rng.choice((-1, 1)) * (1 - 10 ** rng.uniform(-16, -1)) for _ in range(80)]
            + signed_log(-12, -0.3, 60) + [0.5, 0.975, 1, -1],
    'acos': uniform(-1, 1, N) + [rng.choice((-1, 1)) * (1 - 10 ** rng.uniform(-16, -1)) for _ in range(80)]
            + signed_log(-20, -0.3, 60) + [0.5, -0.5, 1, -1],
    'log': [10 ** rng.uniform(-300, 300) for _ in range(N)] + uniform(0.5, 2, N) + [5e-324, 1e-310, 2, 0.7],
}
out = {}
for name, xs in cases.items():
    f = getattr(math, name)
    rows = []
    for x in xs:
        try:
            rows.append([hexof(x), hexof(f(x))])
        except (OverflowError, ValueError):
            pass
    out[name] = rows

pow_cases = []
def add_pow(x, y):
    try:
        pow_cases.append([hexof(x), hexof(y), hexof(math.pow(x, y))])
    except (OverflowError, ValueError):
        pass
for _ in range(N):
    add_pow(10 ** rng.uniform(-5, 5), rng.uniform(-50, 50))
for _ in range(N):
    add_pow(rng.uniform(0, 4), rng.choice((1.5, 0.5, -0.5, 2.5, 1/3, 0.9, 7, 11, 12, -3, 30, 100)))
for _ in range(120):
    add_pow(-rng.uniform(0, 10), float(rng.randint(-40, 40)))
for _ in range(60):
    add_pow(1 + rng.uniform(-1e-9, 1e-9), rng.choice((1, -1)) * 10 ** rng.uniform(9, 12))
for _ in range(60):
    add_pow(0.96, rng.uniform(0, 400) * 4e-3 * 10 ** rng.uniform(0, 3))
for x, y in [(2, 1023), (2, -1074), (2, -1075.5), (10, 308), (10, -323), (1e-310, 0.5), (5e-324, 0.25),
             (0.999, 7e5), (2, 0.5), (-8, 3), (1.0000001, 2**31 + 5)]:
    add_pow(float(x), float(y))
out['pow'] = pow_cases

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'glibc.json'), 'w') as fh:
    json.dump({'source': 'glibc libm through Python math (glibc-table.py)', 'cases': out}, fh, separators=(',', ':'))
