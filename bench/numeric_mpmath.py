# The baseline of bench/numeric.mjs: the THEORY.md §6 bound (d = 4, a = 1/10, n = 10^6, delta = 1/100,
# k = A = M = L = 1, B = 2) in mpmath, timed in this one process, printed as one JSON document.
#   /usr/bin/python3 bench/numeric_mpmath.py [runs]
# Rows: plain evaluation at D + 10 dps printed to D digits (D = 50, 1000), as the target reads it;
# the same in mpmath.iv (an outward-rounded interval evaluation, like equibound's); 10,000 mpmath.iv
# evaluations at 128 bits over the boxes a in [(i+1)/10^5, (i+2)/10^5] of bench/numeric.mjs; one
# 3354-bit logarithm in native MPFR (gmpy2), against which gmp-wasm's is timed.
import json
import platform
import statistics
import sys
import time

import mpmath
from mpmath import iv, mp

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21


def bound(m, a):
    """The §6 bound at d = 4 in the context m (mp or iv): 2(4a + (12/sqrt n) sqrt(log(1 + 4/a)) 4 a^-1) + 2 sqrt(log(200)/(2n))."""
    n = m.mpf(10) ** 6
    delta = m.mpf(1) / 100
    inner = 4 * a + (12 / m.sqrt(n)) * m.sqrt(m.log(1 + 4 / a)) * (2 * m.mpf(1)) ** 2 * a ** (-1)
    return 2 * inner + 2 * m.sqrt(m.log(2 / delta) / (2 * n))


def plain(digits):
    mp.dps = digits + 10
    v = bound(mp, mp.mpf(1) / 10)
    return mpmath.nstr(v, digits, strip_zeros=False)


def interval(digits):
    iv.dps = digits + 10
    v = bound(iv, iv.mpf(1) / 10)
    return v


def boxes(count):
    iv.prec = 128
    out = None
    for i in range(count):
        a = iv.mpf([mpmath.mpf(i + 1) / 100000, mpmath.mpf(i + 2) / 100000])
        out = bound(iv, a)
    return out


def log3354():
    """One 3354-bit logarithm (the precision of a 1000-digit evaluation) by MPFR natively, via gmpy2."""
    import gmpy2
    ctx = gmpy2.get_context()
    ctx.precision = 3354
    x = gmpy2.mpfr(1037) / 37
    return lambda: gmpy2.log(x)


def timed(fn, count, warmup=3):
    for _ in range(warmup):
        fn()
    ts = []
    for _ in range(count):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return statistics.median(ts)


# The same untimed runs as equibound's side gets (bench/numeric.mjs).
WARMUP = 100
slow = max(3, runs // 7)
result = {
    'ms': {
        'plain50': timed(lambda: plain(50), runs * 10, WARMUP),
        'plain1000': timed(lambda: plain(1000), runs, WARMUP),
        'interval50': timed(lambda: interval(50), runs * 10, WARMUP),
        'interval1000': timed(lambda: interval(1000), runs, WARMUP),
        'boxes10000': timed(lambda: boxes(10_000), slow, warmup=1),
        'log3354': timed(log3354(), runs * 10, WARMUP),
    },
    'value50': plain(50),
    'value1000': plain(1000),
    'versions': {
        'python': platform.python_version(),
        'mpmath': mpmath.__version__,
        'backend': mpmath.libmp.BACKEND,
    },
}
print(json.dumps(result))
