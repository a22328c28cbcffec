# mpmath's quad on the same pieces as bench/quadrature.mjs (and the reference values of
# test/numeric/quadrature-values.test.ts): sum over K of ∫ sqrt(K^4 log(1 + 4/t)) on [1/K, 1/(K-1)].
import json
import statistics
import sys
import time

import mpmath as mp

runs = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 7


def pieces(c, kmax, dps):
    mp.mp.dps = dps
    s = mp.mpf(0)
    kmin = int(mp.ceil(mp.mpf(c)))  # ceil(c/t) at t = 1
    for K in range(kmin + 1, kmax + 1):
        lo = mp.mpf(c) / K
        hi = min(mp.mpf(c) / (K - 1), mp.mpf(1))
        s += mp.quad(lambda t: mp.sqrt(K**4 * mp.log(1 + 4 / t)), [lo, hi])
    return s


times = []
pieces(1, 12, 60)  # warm-up: mpmath caches its tanh-sinh nodes per precision, as equibound caches its rules
for i in range(runs):
    t0 = time.perf_counter()
    v = pieces(1, 12, 60)
    times.append((time.perf_counter() - t0) * 1000)
if '--json' in sys.argv:
    print(json.dumps({'ms': statistics.median(times), 'value': mp.nstr(v, 50), 'backend': mp.libmp.BACKEND, 'mpmath': mp.__version__}))
else:
    print(f"  mpmath   {statistics.median(times):8.1f} ms   {mp.nstr(v, 50)}   (quad per piece at 60 dps, backend {mp.libmp.BACKEND})")
if '--references' in sys.argv:
    print('ref X0', pieces(1, 12, 70))
    print('ref X ', pieces(2, 13, 70))
    mp.mp.dps = 70
    print('ref improper', mp.quad(lambda t: mp.sqrt(mp.log(1 + 4 / t)), [0, 1]))
