// Tanh–sinh (double exponential) quadrature for pieces with endpoint singularities, e.g.
// sqrt(log(1 + 4/t)) at t = 0: x = mid ± half·tanh(π/2·sinh(u)), with distances to the endpoints
// computed as (hi - lo)/(E + 1), E = exp(π·sinh(u)), so nodes next to an endpoint keep full relative accuracy.

import { Rational } from '../expr/rational.js';
import type { Field } from './api.js';

export interface TanhSinhResult<R> {
  readonly value: R;
  /** |S_k - S_{k-1}| of the last two levels: an estimate, not a bound. */
  readonly errorEstimate: R;
  readonly converged: boolean;
  readonly evaluations: number;
}

/**
 * ∫_lo^hi f by tanh–sinh, halving the step until two levels agree to `tolerance` (absolute) or
 * `maxLevels` is reached. f may be infinite at the endpoints: they are never evaluated.
 */
export function tanhSinh<R>(F: Field<R>, f: (x: R) => R, lo: R, hi: R, tolerance: R, opts: { maxLevels?: number; maxEvaluations?: number } = {}): TanhSinhResult<R> {
  const maxLevels = opts.maxLevels ?? 12;
  const maxEvaluations = opts.maxEvaluations ?? 200_000;
  const zero = F.rational(Rational.ZERO);
  const one = F.rational(Rational.ONE);
  const two = F.rational(Rational.TWO);
  const halfPi = F.div(F.pi(), two);
  const width = F.sub(hi, lo);
  const half = F.div(width, two);
  const mid = F.add(lo, half);
  // Largest u: where π/2·sinh(u) ≈ 3·bits·ln 2, far past where the weights fall below 2^-bits.
  const uMax = Math.asinh((3 * F.precisionBits * Math.LN2) / (Math.PI / 2));
  let evaluations = 0;
  let nonFinite = false;

  // Sum over u = j·h for j in `js` of w(u)·(f(left) + f(right)), plus the centre term when u = 0.
  const contribution = (h: Rational, js: Iterable<number>): R => {
    const hF = F.rational(h);
    let s = zero;
    for (const j of js) {
      const u = F.rational(h.mul(Rational.of(j)));
      const eu = F.exp(u);
      const eInv = F.div(one, eu);
      const sinhU = F.div(F.sub(eu, eInv), two);
      const coshU = F.div(F.add(eu, eInv), two);
      const E = F.exp(F.mul(F.pi(), sinhU)); // exp(2s), s = π/2·sinh u
      const E1 = F.add(E, one);
      const d = F.div(width, E1); // distance of the node to the nearer endpoint
      // w = half·h·(π/2)·cosh(u)/cosh(s)^2 = half·h·(π/2)·cosh(u)·4E/(E+1)^2
      const w = F.mul(F.mul(half, hF), F.mul(F.mul(halfPi, coshU), F.div(F.mul(F.rational(Rational.of(4)), E), F.mul(E1, E1))));
      if (F.isZero(w) || F.isZero(d) || !F.isFinite(w)) continue;
      if (j === 0) {
        const v = f(mid);
        evaluations++;
        if (!F.isFinite(v)) nonFinite = true;
        s = F.add(s, F.mul(w, v));
        continue;
      }
      const a = f(F.add(lo, d));
      const b = f(F.sub(hi, d));
      evaluations += 2;
      if (!F.isFinite(a) || !F.isFinite(b)) {
        nonFinite = true;
        continue;
      }
      s = F.add(s, F.mul(w, F.add(a, b)));
    }
    return s;
  };

  let h = Rational.ONE;
  const jMax = (hh: Rational): number => Math.floor(uMax / hh.toNumber());
  let total = contribution(h, range(0, jMax(h), 1));
  let prev = total;
  let err = F.abs(total);
  const history: R[] = [];
  for (let level = 1; level <= maxLevels; level++) {
    h = h.div(Rational.TWO);
    // New nodes are the odd multiples of the halved step; the old sum counts with half the weight.
    const fresh = contribution(h, range(1, jMax(h), 2));
    total = F.add(F.div(total, two), fresh);
    err = F.abs(F.sub(total, prev));
    prev = total;
    if (nonFinite) return { value: total, errorEstimate: err, converged: false, evaluations };
    if (level >= 3 && F.cmp(err, tolerance) <= 0) return { value: total, errorEstimate: err, converged: true, evaluations };
    // Converging tanh–sinh roughly doubles its digits per level; a difference that does not even halve
    // over two levels means a non-integrable or badly behaved integrand: stop early.
    history.push(err);
    if (level >= 5 && F.cmp(F.mul(two, err), history[history.length - 3]!) > 0) break;
    if (evaluations > maxEvaluations) break;
  }
  return { value: total, errorEstimate: err, converged: false, evaluations };
}

function* range(from: number, to: number, step: number): Generator<number> {
  for (let j = from; j <= to; j += step) yield j;
}
