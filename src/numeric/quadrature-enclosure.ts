// Rigorous enclosures of definite integrals for the prover: interval Riemann sums on the pieces of
// jumps.ts (width × enclosure of the integrand on each cell), refined until a requested width.
// On a piece where the integrand is monotone (an input flag, e.g. h of dudley.cutoff) the lower and
// upper Riemann sums at the cell ends are exact bounds and converge much faster.

import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import { formatDecimal } from './format.js';
import { MAX_PIECES, pieces as splitPieces, type Piece } from './jumps.js';
import { encloseOver } from './roots-enclosure.js';

export interface EncloseIntegralOptions {
  /** Stop when upper − lower <= width. */
  readonly width: Rational;
  /** Taken on trust: the integrand is monotone in this direction on all of [a, b] (across jumps). */
  readonly monotone?: 'nonincreasing' | 'nondecreasing';
  /** Enclosure precision in bits (default 128). */
  readonly precisionBits?: number;
  /** Budget of interval evaluations (default 200000). */
  readonly maxEvaluations?: number;
  readonly maxPieces?: number;
}

export interface IntegralEnclosure {
  readonly lower: Rational;
  readonly upper: Rational;
  readonly cells: number;
  readonly evaluations: number;
}

interface PieceState {
  readonly piece: Piece;
  cells: number;
  lower: Rational;
  upper: Rational;
  /** Point enclosures at cell ends (monotone mode), by the point's text. */
  readonly points: Map<string, { lo: Rational; hi: Rational }>;
}

/** lower <= ∫_a^b body d(variable) <= upper (a <= b), proven by interval arithmetic. */
export async function encloseIntegral(
  body: Expr,
  variable: string,
  a: Rational,
  b: Rational,
  env: ReadonlyMap<string, Rational>,
  opts: EncloseIntegralOptions,
): Promise<Result<IntegralEnclosure>> {
  if (b.lt(a)) return fail(error('EB5108', `encloseIntegral needs a <= b, got [${a}, ${b}]`));
  if (a.equals(b)) return ok({ lower: Rational.ZERO, upper: Rational.ZERO, cells: 0, evaluations: 0 });
  const split = splitPieces(body, variable, a, b, env, opts.maxPieces ?? MAX_PIECES);
  if (!split.ok) return split;
  const bits = opts.precisionBits ?? 128;
  const budget = opts.maxEvaluations ?? 200_000;
  let evaluations = 0;
  const states: PieceState[] = split.value.map((piece) => ({ piece, cells: 0, lower: Rational.ZERO, upper: Rational.ZERO, points: new Map() }));

  const evaluate = async (st: PieceState, cells: number): Promise<Result<void>> => {
    const { lo, hi, expr } = st.piece;
    const w = hi.sub(lo).div(Rational.of(cells));
    let lower = Rational.ZERO;
    let upper = Rational.ZERO;
    if (opts.monotone) {
      const at = async (x: Rational): Promise<Result<{ lo: Rational; hi: Rational }>> => {
        const key = x.toString();
        const hit = st.points.get(key);
        if (hit) return ok(hit);
        evaluations++;
        const r = await encloseOver(expr, variable, x, x, bits);
        if (r.ok) st.points.set(key, r.value);
        return r;
      };
      let prev = await at(lo);
      if (!prev.ok) return prev;
      for (let i = 1; i <= cells; i++) {
        const x = i === cells ? hi : lo.add(w.mul(Rational.of(i)));
        const cur = await at(x);
        if (!cur.ok) return cur;
        // Non-increasing: f(right) <= f <= f(left) on the cell; non-decreasing the other way round.
        const [small, big] = opts.monotone === 'nonincreasing' ? [cur.value.lo, prev.value.hi] : [prev.value.lo, cur.value.hi];
        lower = lower.add(w.mul(small));
        upper = upper.add(w.mul(big));
        prev = cur;
      }
    } else {
      for (let i = 0; i < cells; i++) {
        const x0 = lo.add(w.mul(Rational.of(i)));
        const x1 = i + 1 === cells ? hi : lo.add(w.mul(Rational.of(i + 1)));
        evaluations++;
        const r = await encloseOver(expr, variable, x0, x1, bits);
        if (!r.ok) return r;
        lower = lower.add(w.mul(r.value.lo));
        upper = upper.add(w.mul(r.value.hi));
      }
    }
    st.cells = cells;
    st.lower = lower;
    st.upper = upper;
    return ok(undefined);
  };

  for (const st of states) {
    const r = await evaluate(st, 1);
    if (!r.ok) return r;
  }
  for (;;) {
    let lower = Rational.ZERO;
    let upper = Rational.ZERO;
    for (const st of states) {
      lower = lower.add(st.lower);
      upper = upper.add(st.upper);
    }
    const width = upper.sub(lower);
    const cells = states.reduce((n, st) => n + st.cells, 0);
    if (width.le(opts.width)) return ok({ lower, upper, cells, evaluations });
    // Refine the pieces that carry most of the width: double every piece within a factor 4 of the widest.
    const widths = states.map((st) => st.upper.sub(st.lower));
    const widest = widths.reduce((m, x) => m.max(x), Rational.ZERO);
    const quarter = widest.div(Rational.of(4));
    for (let i = 0; i < states.length; i++) {
      if (evaluations > budget) {
        return fail(error('EB5105', `integral enclosure reached width ${formatDecimal(width, 3)} (wanted ${formatDecimal(opts.width, 3)}) within ${budget} evaluations`));
      }
      if (widths[i]!.lt(quarter)) continue;
      const r = await evaluate(states[i]!, states[i]!.cells * 2);
      if (!r.ok) return r;
    }
  }
}
