// Gauss–Legendre rules at any precision: nodes by Newton iteration on the Legendre recurrence from
// double-precision starting values, weights 2/((1 - x^2) P_n'(x)^2). Cached as exact rationals per (order, bits).

import { Rational } from '../expr/rational.js';
import type { Field } from './api.js';

/** Nodes in (0, 1) (the positive half; a rule is symmetric) with their weights; `centre` weight for odd orders. */
export interface GaussRule {
  readonly order: number;
  readonly nodes: readonly Rational[];
  readonly weights: readonly Rational[];
  readonly centreWeight?: Rational;
}

const cache = new Map<string, GaussRule>();

/** The exact rational value of a finite double. */
export function rationalFromDouble(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError('rationalFromDouble: not finite');
  if (x === 0) return Rational.ZERO;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  return e >= 0 ? Rational.of(sign * mant * (1n << BigInt(e))) : Rational.of(sign * mant, 1n << BigInt(-e));
}

/** Legendre P_n(x) and P_{n-1}(x) by p_{k+1} = c1[k] x p_k - c2[k] p_{k-1}, c1 = (2k+1)/(k+1), c2 = k/(k+1). */
function legendre<R>(F: Field<R>, c1: readonly R[], c2: readonly R[], x: R, one: R): [R, R] {
  let p0 = one;
  let p1 = x;
  for (let k = 1; k < c1.length; k++) {
    const p2 = F.sub(F.mul(c1[k]!, F.mul(x, p1)), F.mul(c2[k]!, p0));
    p0 = p1;
    p1 = p2;
  }
  return [p1, p0];
}

/** The n-point Gauss–Legendre rule on [-1, 1], accurate to about F.precisionBits bits. */
export function gaussRule<R>(F: Field<R>, n: number): GaussRule {
  if (!Number.isInteger(n) || n < 1 || n > 4096) throw new RangeError(`Gauss–Legendre order ${n} out of range`);
  const key = `${F.engine}:${n}:${F.precisionBits}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const one = F.rational(Rational.ONE);
  const two = F.rational(Rational.TWO);
  const N = F.rational(Rational.of(n));
  const eps = F.rational(Rational.of(1n, 1n << BigInt(F.precisionBits - 4)));
  const nodes: Rational[] = [];
  const weights: Rational[] = [];
  const c1: R[] = [one];
  const c2: R[] = [one];
  for (let k = 1; k < n; k++) {
    c1.push(F.rational(Rational.of(2 * k + 1, k + 1)));
    c2.push(F.rational(Rational.of(k, k + 1)));
  }
  const half = Math.floor(n / 2);
  for (let i = 1; i <= half; i++) {
    let x = F.rational(rationalFromDouble(Math.cos((Math.PI * (i - 0.25)) / (n + 0.5))));
    let dp = one;
    // Quadratic convergence from ~1e-16: log2(bits / 50) + a few steps; the cap is a safety net.
    for (let it = 0; it < 64; it++) {
      const [p, pm1] = legendre(F, c1, c2, x, one);
      // P_n'(x) = n (x P_n - P_{n-1}) / (x^2 - 1)
      dp = F.div(F.mul(N, F.sub(F.mul(x, p), pm1)), F.sub(F.mul(x, x), one));
      const dx = F.div(p, dp);
      x = F.sub(x, dx);
      if (F.cmp(F.abs(dx), eps) <= 0) {
        const [p2, q2] = legendre(F, c1, c2, x, one);
        dp = F.div(F.mul(N, F.sub(F.mul(x, p2), q2)), F.sub(F.mul(x, x), one));
        break;
      }
      if (it === 63) throw new Error(`Gauss–Legendre Newton iteration did not converge (n = ${n})`);
    }
    const w = F.div(two, F.mul(F.sub(one, F.mul(x, x)), F.mul(dp, dp)));
    nodes.push(F.toRational(x));
    weights.push(F.toRational(w));
  }
  let centreWeight: Rational | undefined;
  if (n % 2 === 1) {
    // Weights sum to 2.
    let s = F.rational(Rational.ZERO);
    for (const w of weights) s = F.add(s, F.rational(w));
    centreWeight = F.toRational(F.sub(two, F.mul(two, s)));
  }
  const rule: GaussRule = { order: n, nodes, weights, ...(centreWeight ? { centreWeight } : {}) };
  if (cache.size < 256) cache.set(key, rule);
  return rule;
}

/** ∫_lo^hi f by the n-point rule, in F. */
export function gaussIntegrate<R>(F: Field<R>, f: (x: R) => R, lo: R, hi: R, n: number): R {
  const rule = gaussRule(F, n);
  const two = F.rational(Rational.TWO);
  const mid = F.div(F.add(lo, hi), two);
  const half = F.div(F.sub(hi, lo), two);
  let s = F.rational(Rational.ZERO);
  for (let i = 0; i < rule.nodes.length; i++) {
    const dx = F.mul(half, F.rational(rule.nodes[i]!));
    s = F.add(s, F.mul(F.rational(rule.weights[i]!), F.add(f(F.sub(mid, dx)), f(F.add(mid, dx)))));
  }
  if (rule.centreWeight) s = F.add(s, F.mul(F.rational(rule.centreWeight), f(mid)));
  return F.mul(half, s);
}
