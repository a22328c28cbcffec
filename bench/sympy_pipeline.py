# The gen.exact.power pipeline of bench/sympy.mjs in SymPy + mpmath, stage by stage: build P(alpha),
# simplify, optimise alpha (symbolic solve of the frozen-ell derivative, numeric fixed point), evaluate
# at the THEORY.md §6 values to 50 and 1000 digits, print LaTeX. Prints one JSON document.
import json
import statistics
import sys
import time

import mpmath
import sympy as sp
from sympy.core.cache import clear_cache

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
ours_text = sys.argv[2] if len(sys.argv) > 2 else None  # equibound's simplified P, in its text syntax
slow_runs = max(3, runs // 3)
# Stages of a few milliseconds or less: five times the runs, on both sides, for a steadier median.
fast_runs = 5 * runs

alpha, n, k, A, lam, L, M, d, B, delta, C = sp.symbols('alpha n k A lambda L M d B delta C', positive=True)
VALUES = {d: 4, n: 10**6, delta: sp.Rational(1, 100), k: 1, lam: 1, L: 1, M: 1, A: 1, B: 2}


def build():
    ell = sp.log(1 + 4 * lam * M / alpha)
    return 2 * (4 * alpha + (12 / sp.sqrt(n)) * sp.sqrt(k * A * ell) * (2 * lam * L) ** (d / 2) * alpha ** (1 - d / 2) / (d / 2 - 1)) + B * sp.sqrt(sp.log(2 / delta) / (2 * n))


def simplify(P):
    return sp.simplify(P)


def optimise_symbolic():
    # d/dalpha [4 alpha + C alpha^(1 - d/2)] = 0, with d = 4 as in §6 (SymPy, like nerdamer, cannot solve
    # alpha^(-d/2) = const for symbolic d in closed form without hints).
    f = 4 * alpha + C * alpha ** (1 - sp.Integer(4) / 2)
    sols = sp.solve(sp.diff(f, alpha), alpha)
    return sols


def fixed_point(dps):
    mpmath.mp.dps = dps + 10
    g = lambda a: a - 2 * (9 * mpmath.log(1 + 4 / a) / mpmath.mpf(10) ** 6) ** (mpmath.mpf(1) / 4)
    return mpmath.findroot(g, (mpmath.mpf('0.001'), mpmath.mpf(1)), solver='anderson')


def evaluate(P, dps, a=None):
    if a is None:
        a = fixed_point(dps)
    mpmath.mp.dps = dps + 10
    f = sp.lambdify([alpha, n, k, A, lam, L, M, d, B, delta], P, modules='mpmath')
    v = f(a, mpmath.mpf(10) ** 6, 1, 1, 1, 1, 1, 4, 2, mpmath.mpf(1) / 100)
    mpmath.mp.dps = dps
    return mpmath.nstr(+v, dps, strip_zeros=False, min_fixed=-mpmath.inf, max_fixed=mpmath.inf)


def timed(fn, count, warmup=100):
    # SymPy caches constructed and simplified expressions; every timed run starts from a cleared cache,
    # as a one-shot pipeline (and equibound, which has no expression cache) would.
    for _ in range(warmup):  # warm-up, as on the equibound side
        fn()
    ts = []
    out = None
    for _ in range(count):
        clear_cache()
        t0 = time.perf_counter()
        out = fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return statistics.median(ts), out


P = build()
stages = {}
stages['build'], _ = timed(build, fast_runs)
stages['simplify'], S = timed(lambda: simplify(P), slow_runs, 2)
def optimise():
    sols = optimise_symbolic()
    # check the closed form against the fixed-point formula: alpha~ = (C (d - 2)/8)^(2/d) at d = 4
    closed = [s for s in sols if s.is_positive]
    assert len(closed) == 1 and sp.simplify(closed[0] - (C * 2 / 8) ** sp.Rational(1, 2)) == 0, sols
    return closed[0], fixed_point(50)
stages['optimise'], (alpha_closed, alpha_fixed) = timed(optimise, fast_runs)
stages['evaluate50'], v50 = timed(lambda: evaluate(P, 50), fast_runs)
# evaluate50 in parts: the root alone, and P at a given root (lambdify included, as in the stage).
a60 = fixed_point(50)
parts50 = {'root': timed(lambda: fixed_point(50), fast_runs)[0], 'value': timed(lambda: evaluate(P, 50, a60), fast_runs)[0]}
stages['evaluate1000'], v1000 = timed(lambda: evaluate(P, 1000), slow_runs, 10)
stages['fixedpoint1000'], _ = timed(lambda: fixed_point(1000), slow_runs, 10)
f_mp = sp.lambdify([alpha, n, k, A, lam, L, M, d, B, delta], P, modules='mpmath')


def bound_at(dps):
    mpmath.mp.dps = dps + 10
    v = f_mp(mpmath.mpf(37) / 250, mpmath.mpf(10) ** 6, 1, 1, 1, 1, 1, 4, 2, mpmath.mpf(1) / 100)
    mpmath.mp.dps = dps
    return mpmath.nstr(+v, dps, strip_zeros=False, min_fixed=-mpmath.inf, max_fixed=mpmath.inf)


stages['bound1000'], b1000 = timed(lambda: bound_at(1000), fast_runs)
stages['latex'], tex = timed(lambda: sp.latex(P), fast_runs)

# equibound's simplified form, judged by SymPy: its size by count_ops, and equality with P.
names = {'alpha': alpha, 'n': n, 'k': k, 'A': A, 'lam': lam, 'L': L, 'M': M, 'd': d, 'B': B, 'delta': delta}
ours = sp.sympify(ours_text.replace('^', '**').replace('lambda', 'lam'), locals=names) if ours_text else None
ours_ops = int(sp.count_ops(ours)) if ours is not None else None
ours_equal = ours is not None and sp.simplify(ours - P) == 0

mpmath.mp.dps = 60
print(json.dumps({
    'ours_ops': ours_ops, 'ours_equal': bool(ours_equal), 'evaluate50_parts_ms': parts50,
    'versions': {'python': sys.version.split()[0], 'sympy': sp.__version__, 'mpmath': mpmath.__version__, 'mpmath_backend': mpmath.libmp.BACKEND},
    'runs': runs, 'slow_runs': slow_runs,
    'stages_ms': stages,
    'alpha_closed': str(alpha_closed),
    'alpha_fixed': mpmath.nstr(alpha_fixed, 50),
    'simplified_ops': int(sp.count_ops(S)), 'built_ops': int(sp.count_ops(P)),
    'value50': v50, 'value1000': v1000, 'bound1000': b1000, 'latex': tex,
}))
