/**
 * The lab's random numbers in Python, bit for bit: NormalSource (src/engine/noise.ts: SplitMix32
 * seeding, xoshiro128**, Marsaglia's polar method), the portable logarithm it calls
 * (src/engine/math/log.ts, fdlibm's e_log.c) operation for operation, and the mini-batch order of
 * a loss made of data (src/engine/data/batches.ts). JavaScript's 32-bit integer operations become
 * Python integers masked to 32 bits; every double operation is the same IEEE operation in the
 * same order. tests/unit/torchExportNoise.test.ts compares thousands of draws with the engine's.
 */

/** NormalSource and ln: what noise and batch order both need. */
export const NORMALS_PY = String.raw`
# --- The lab's generator (src/engine/noise.ts) and logarithm (src/engine/math/log.ts), ported
# operation for operation, so every normal is the same double as the lab's.
MASK = 0xFFFFFFFF


def _words(x):
    bits = struct.unpack('<Q', struct.pack('<d', x))[0]
    hi = bits >> 32
    return (hi - (1 << 32) if hi & 0x80000000 else hi), bits & MASK


def _with_high_word(x, hi):
    bits = struct.unpack('<Q', struct.pack('<d', x))[0]
    return struct.unpack('<d', struct.pack('<Q', ((hi & MASK) << 32) | (bits & MASK)))[0]


def ln(x):
    """fdlibm's e_log.c, as the lab computes it (math.log may differ in the last bit)."""
    hx, lx = _words(x)
    k = 0
    if hx < 0x00100000:
        if ((hx & 0x7fffffff) | lx) == 0:
            return -math.inf
        if hx < 0:
            return math.nan
        k -= 54
        x *= 1.8014398509481984e16
        hx = _words(x)[0]
    if hx >= 0x7ff00000:
        return x + x
    k += (hx >> 20) - 1023
    hx &= 0x000fffff
    i = (hx + 0x95f64) & 0x100000
    f = _with_high_word(x, hx | (i ^ 0x3ff00000)) - 1
    k += i >> 20
    dk = float(k)
    ln2_hi, ln2_lo = 6.9314718036912381649e-1, 1.90821492927058770002e-10
    if (0x000fffff & (2 + hx)) < 3:
        if f == 0:
            return 0.0 if k == 0 else dk * ln2_hi + dk * ln2_lo
        r = f * f * (0.5 - 0.3333333333333333 * f)
        return f - r if k == 0 else dk * ln2_hi - (r - dk * ln2_lo - f)
    s = f / (2 + f)
    z = s * s
    w = z * z
    t1 = w * (3.999999999940941908e-1 + w * (2.222219843214978396e-1 + w * 1.531383769920937332e-1))
    t2 = z * (6.66666666666673513e-1 + w * (2.857142874366239149e-1
                                             + w * (1.818357216161805012e-1 + w * 1.479819860511658591e-1)))
    r = t2 + t1
    if ((hx - 0x6147a) | (0x6b851 - hx)) > 0:
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + r))
        return dk * ln2_hi - (hfsq - (s * (hfsq + r) + dk * ln2_lo) - f)
    return f - s * (f - r) if k == 0 else dk * ln2_hi - (s * (f - r) - dk * ln2_lo - f)


def _rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK


class NormalSource:
    """xoshiro128** seeded by SplitMix32; normals by Marsaglia's polar method."""

    def __init__(self, seed):
        z = seed & MASK
        state = []
        for _ in range(4):
            z = (z + 0x9e3779b9) & MASK
            t = z ^ (z >> 16)
            t = (t * 0x21f0aaad) & MASK
            t ^= t >> 15
            t = (t * 0x735a2d97) & MASK
            state.append(t ^ (t >> 15))
        self.s = state
        self.spare = None

    def next_uint32(self):
        s0, s1, s2, s3 = self.s
        result = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 9) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        self.s = [s0, s1, s2, _rotl(s3, 11)]
        return result

    def next_uniform(self):
        """A double in [0, 1) with 53 random bits."""
        hi = self.next_uint32() >> 5
        lo = self.next_uint32() >> 6
        return (hi * 67108864.0 + lo) / 9007199254740992.0

    def next_normal(self):
        if self.spare is not None:
            spare, self.spare = self.spare, None
            return spare
        while True:
            u = 2 * self.next_uniform() - 1
            v = 2 * self.next_uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                break
        factor = math.sqrt((-2 * ln(s)) / s)
        self.spare = v * factor
        return u * factor


def normals(seed, count):
    """The first count normals of a seed: the scene's noise xi of step k is (xi[2k], xi[2k+1])."""
    source = NormalSource(seed)
    return [source.next_normal() for _ in range(count)]
`;

/** The order of the mini-batches: torch's DataLoader(shuffle=True, drop_last=False), lab's shuffle. */
export const BATCHES_PY = String.raw`
# --- Mini-batches (src/engine/data/batches.ts): each epoch walks a fresh Fisher-Yates permutation
# of the training set, BATCH examples at a time, the last batch smaller (DataLoader(shuffle=True,
# drop_last=False)); the permutation of an epoch comes from the generator seeded by the scene's
# noise seed and the epoch.
def permutation(n, seed, epoch):
    source = NormalSource((seed * 0x85ebca6b + (epoch + 1) * 0xc2b2ae35) & MASK)
    perm = list(range(n))
    for i in range(n - 1, 0, -1):
        j = math.floor(source.next_uniform() * (i + 1))
        perm[i], perm[j] = perm[j], perm[i]
    return perm


class BatchOrder:
    def __init__(self, n, batch, seed):
        self.n, self.batch, self.seed = n, batch, seed
        self.per_epoch = -(-n // batch)
        self.epoch, self.perm = None, None

    def indices(self, step):
        """The training examples step + 1 averages over (step counts from 0)."""
        epoch, j = divmod(step, self.per_epoch)
        if epoch != self.epoch:
            self.epoch, self.perm = epoch, permutation(self.n, self.seed, epoch)
        return self.perm[j * self.batch:min(self.n, j * self.batch + self.batch)]
`;
