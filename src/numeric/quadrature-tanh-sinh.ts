// Tanh–sinh (double exponential) quadrature for pieces with endpoint singularities, e.g.
// sqrt(log(1 + 4/t)) at t = 0: x = mid ± half·tanh(π/2·sinh(u)), with distances to the endpoints
// computed as (hi - lo)·c, c = 1/(E + 1), E = exp(π·sinh(u)), so nodes next to an endpoint keep full
// relative accuracy. Nodes and weights are cached per field and level.

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
 * The new nodes of level k (step h = 2^-k; level 0 has j = 0..jMax, later levels the odd j) as factors
 * that depend on the precision only: c = 1/(E + 1), the distance of the node to the nearer endpoint over
 * the width, and v = (π/2)·cosh(u)·4E/(E + 1)^2, the weight over half·h, where u = j·h and
 * E = exp(π·sinh u) = exp(2s), s = π/2·sinh u. Computed once per field and level (two exponentials a
 * node), then shared by every piece and every integrand integrated in that field.
 */
interface Level<R> {
  readonly nodes: readonly { readonly j: number; readonly c: R; readonly v: R }[];
}

const fieldLevels = new WeakMap<object, Level<unknown>[]>();

/** Largest u: where π/2·sinh(u) ≈ 3·bits·ln 2, far past where the weights fall below 2^-bits. */
function uMax(bits: number): number {
  return Math.asinh((3 * bits * Math.LN2) / (Math.PI / 2));
}

function level<R>(F: Field<R>, k: number): Level<R> {
  let levels = fieldLevels.get(F);
  if (!levels) {
    levels = [];
    fieldLevels.set(F, levels);
  }
  const hit = levels[k];
  if (hit) return hit as Level<R>;
  const start = F.mark();
  const one = F.rational(Rational.ONE);
  const two = F.rational(Rational.TWO);
  const four = F.rational(Rational.of(4));
  const pi = F.pi();
  const halfPi = F.div(pi, two);
  const h = Rational.of(1n, 1n << BigInt(k));
  const jMax = Math.floor(uMax(F.precisionBits) * 2 ** k);
  const perNode = F.mark();
  const nodes: { j: number; c: R; v: R }[] = [];
  for (let j = k === 0 ? 0 : 1; j <= jMax; j += k === 0 ? 1 : 2) {
    const u = F.rational(h.mul(Rational.of(j)));
    const eu = F.exp(u);
    const eInv = F.div(one, eu);
    const sinhU = F.div(F.sub(eu, eInv), two);
    const coshU = F.div(F.add(eu, eInv), two);
    const E = F.exp(F.mul(pi, sinhU));
    const E1 = F.add(E, one);
    const c = F.div(one, E1);
    const v = F.mul(F.mul(halfPi, coshU), F.div(F.mul(four, E), F.mul(E1, E1)));
    if (!F.isZero(c) && !F.isZero(v) && F.isFinite(v)) nodes.push({ j, c: F.persist(c), v: F.persist(v) });
    F.release(perNode);
  }
  F.release(start);
  const lv: Level<R> = { nodes };
  levels[k] = lv as Level<unknown>;
  return lv;
}

/**
 * ∫_lo^hi f by tanh–sinh, halving the step until two levels agree to `tolerance` (absolute) or
 * `maxLevels` is reached. f may be infinite at the endpoints: they are never evaluated.
 */
export function tanhSinh<R>(F: Field<R>, f: (x: R) => R, lo: R, hi: R, tolerance: R, opts: { maxLevels?: number; maxEvaluations?: number } = {}): TanhSinhResult<R> {
  const maxLevels = opts.maxLevels ?? 12;
  const maxEvaluations = opts.maxEvaluations ?? 200_000;
  const zero = F.rational(Rational.ZERO);
  const two = F.rational(Rational.TWO);
  const width = F.sub(hi, lo);
  const half = F.div(width, two);
  const mid = F.add(lo, half);
  let evaluations = 0;
  let nonFinite = false;

  // Sum over the nodes of level k of w·(f(left) + f(right)), plus the centre term at level 0, with
  // w = half·h·v and the node at distance d = width·c from the nearer endpoint (full relative accuracy
  // next to it). Each node's temporaries are released before the next node: memory stays flat.
  const contribution = (k: number): R => {
    const halfH = F.mul(half, F.rational(Rational.of(1n, 1n << BigInt(k))));
    const perNode = F.mark();
    let s = zero;
    for (const node of level(F, k).nodes) {
      F.release(perNode, s);
      const w = F.mul(halfH, node.v);
      const d = F.mul(width, node.c);
      if (F.isZero(w) || F.isZero(d) || !F.isFinite(w)) continue;
      if (node.j === 0) {
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

  let total = contribution(0);
  let prev = total;
  let err = F.abs(total);
  const history: R[] = [];
  const perLevel = F.mark();
  for (let k = 1; k <= maxLevels; k++) {
    // New nodes are the odd multiples of the halved step; the old sum counts with half the weight.
    const fresh = contribution(k);
    total = F.add(F.div(total, two), fresh);
    err = F.abs(F.sub(total, prev));
    prev = total;
    if (nonFinite) return { value: total, errorEstimate: err, converged: false, evaluations };
    if (k >= 3 && F.cmp(err, tolerance) <= 0) return { value: total, errorEstimate: err, converged: true, evaluations };
    // Converging tanh–sinh roughly doubles its digits per level; a difference that does not even halve
    // over two levels means a non-integrable or badly behaved integrand: stop early.
    history.push(err);
    if (k >= 5 && F.cmp(F.mul(two, err), history[history.length - 3]!) > 0) break;
    if (evaluations > maxEvaluations) break;
    F.release(perLevel, total, ...history); // err is history's last entry; prev is total
  }
  return { value: total, errorEstimate: err, converged: false, evaluations };
}
