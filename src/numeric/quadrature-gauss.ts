// Gauss–Legendre rules at any precision: nodes by Newton iteration on the Legendre recurrence from
// double-precision starting values, weights 2/((1 - x^2) P_n'(x)^2). Cached as exact rationals per
// (order, bits), and as field constants per field; every Newton step and node releases its temporaries.

import { Rational } from '../expr/rational.js';
import type { Field } from './api.js';
import { rationalFromDouble } from './float64-field.js';
import { makeFieldSync } from './quadrature-field.js';

/** Nodes in (0, 1) (the positive half; a rule is symmetric) with their weights; `centre` weight for odd orders. */
export interface GaussRule {
  readonly order: number;
  readonly nodes: readonly Rational[];
  readonly weights: readonly Rational[];
  readonly centreWeight?: Rational;
}

const cache = new Map<string, GaussRule>();

/** Legendre P_n(x) and P_{n-1}(x) by (k+1) p_{k+1} = (2k+1) x p_k - k p_{k-1}: one full product a step. */
function legendre<R>(F: Field<R>, n: number, x: R, one: R): [R, R] {
  let p0 = one;
  let p1 = x;
  for (let k = 1; k < n; k++) {
    const p2 = F.divInt(F.sub(F.mulInt(F.mul(x, p1), 2 * k + 1), F.mulInt(p0, k)), k + 1);
    p0 = p1;
    p1 = p2;
  }
  return [p1, p0];
}

/** x := x - P_n(x)/P_n'(x), with P_n'(x) = n (x P_n - P_{n-1}) / (x^2 - 1); returns [x, |dx|, P_n'(x)]. */
function newtonStep<R>(F: Field<R>, n: number, x: R, one: R): [R, R, R] {
  const [p, pm1] = legendre(F, n, x, one);
  const dp = F.div(F.mulInt(F.sub(F.mul(x, p), pm1), n), F.sub(F.mul(x, x), one));
  const dx = F.div(p, dp);
  return [F.sub(x, dx), F.abs(dx), dp];
}

/** The k-th positive root of P_n in doubles: the asymptotic guess, polished by Newton to ~1e-16. */
function rootInDoubles(n: number, i: number): number {
  let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
  for (let it = 0; it < 10; it++) {
    let p0 = 1;
    let p1 = x;
    for (let k = 1; k < n; k++) {
      const p2 = ((2 * k + 1) * x * p1 - k * p0) / (k + 1);
      p0 = p1;
      p1 = p2;
    }
    const dx = p1 / ((n * (x * p1 - p0)) / (x * x - 1));
    x -= dx;
    if (Math.abs(dx) < 1e-15) break;
  }
  return x;
}

/**
 * The precisions, rising to F's, at which Newton steps run before the last ones in F: each step doubles
 * the correct bits, so a step at about half of the next precision (plus a guard) is enough, and only
 * the last two or three steps pay for F's full precision.
 */
function ladder(bits: number): number[] {
  const out: number[] = [];
  for (let p = Math.ceil(bits / 2) + 32; p >= 128 && p < bits; p = Math.ceil(p / 2) + 32) out.unshift(p);
  return out;
}

/** The n-point Gauss–Legendre rule on [-1, 1], accurate to about F.precisionBits bits. */
export function gaussRule<R>(F: Field<R>, n: number): GaussRule {
  if (!Number.isInteger(n) || n < 1 || n > 4096) throw new RangeError(`Gauss–Legendre order ${n} out of range`);
  const key = `${F.engine}:${n}:${F.precisionBits}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const start = F.mark();
  try {
    const rule = computeRule(F, n);
    if (cache.size < 256) cache.set(key, rule);
    return rule;
  } finally {
    F.release(start);
  }
}

function computeRule<R>(F: Field<R>, n: number): GaussRule {
  const engine = F.engine;
  if (engine === 'float64') throw new RangeError('Gauss–Legendre rules are computed in MPFR or decimal.js fields');
  const half = Math.floor(n / 2);
  // Starting values: doubles, then one Newton step (two if it is not yet converging) per rung.
  let roots = Array.from({ length: half }, (_, i) => rationalFromDouble(rootInDoubles(n, i + 1)));
  for (const bits of ladder(F.precisionBits)) {
    const G = makeFieldSync(engine, bits) as Field<unknown>;
    try {
      const one = G.rational(Rational.ONE);
      const enough = G.rational(Rational.of(1n, 1n << BigInt(Math.max(1, Math.floor((bits - 48) / 2)))));
      const m = G.mark();
      roots = roots.map((r) => {
        let x = G.rational(r);
        for (let it = 0; it < 4; it++) {
          const [next, dx] = newtonStep(G, n, x, one);
          x = next;
          if (G.cmp(dx, enough) <= 0) break;
        }
        const q = G.toRational(x);
        G.release(m);
        return q;
      });
    } finally {
      G.destroy();
    }
  }
  const one = F.rational(Rational.ONE);
  const two = F.rational(Rational.TWO);
  const eps = F.rational(Rational.of(1n, 1n << BigInt(F.precisionBits - 4)));
  const nodes: Rational[] = [];
  const weights: Rational[] = [];
  const perNode = F.mark();
  for (const r of roots) {
    let x = F.rational(r);
    let dp = one;
    // From about half of F's precision: one step, then one whose correction is below eps (x is then a
    // root to F's precision, and P_n'(x) from that same recurrence gives the weight); the cap is a safety net.
    for (let it = 0; ; it++) {
      const [next, dx, d] = newtonStep(F, n, x, one);
      if (F.cmp(dx, eps) <= 0) {
        dp = d;
        break;
      }
      if (it === 63) throw new Error(`Gauss–Legendre Newton iteration did not converge (n = ${n})`);
      x = next;
      F.release(perNode, x); // one Newton step's n-term recurrence: free it before the next
    }
    const w = F.div(two, F.mul(F.sub(one, F.mul(x, x)), F.mul(dp, dp)));
    nodes.push(F.toRational(x));
    weights.push(F.toRational(w));
    F.release(perNode);
  }
  let centreWeight: Rational | undefined;
  if (n % 2 === 1) {
    // Weights sum to 2.
    let s = F.rational(Rational.ZERO);
    for (const w of weights) {
      s = F.add(s, F.rational(w));
      F.release(perNode, s);
    }
    centreWeight = F.toRational(F.sub(two, F.mul(two, s)));
  }
  return { order: n, nodes, weights, ...(centreWeight ? { centreWeight } : {}) };
}

interface RuleValues<R> {
  readonly nodes: readonly R[];
  readonly weights: readonly R[];
  readonly centreWeight: R | undefined;
  readonly zero: R;
  readonly two: R;
}

/** The rule's nodes and weights as constants of F, converted once per field (not once per call). */
const fieldRules = new WeakMap<object, Map<number, RuleValues<unknown>>>();

function ruleValues<R>(F: Field<R>, n: number): RuleValues<R> {
  let perField = fieldRules.get(F);
  if (!perField) {
    perField = new Map();
    fieldRules.set(F, perField);
  }
  const hit = perField.get(n);
  if (hit) return hit as RuleValues<R>;
  const rule = gaussRule(F, n);
  const v: RuleValues<R> = {
    nodes: rule.nodes.map((q) => F.constant(q)),
    weights: rule.weights.map((q) => F.constant(q)),
    centreWeight: rule.centreWeight ? F.constant(rule.centreWeight) : undefined,
    zero: F.constant(Rational.ZERO),
    two: F.constant(Rational.TWO),
  };
  perField.set(n, v as RuleValues<unknown>);
  return v;
}

/** ∫_lo^hi f by the n-point rule, in F. Each node's temporaries are released before the next node. */
export function gaussIntegrate<R>(F: Field<R>, f: (x: R) => R, lo: R, hi: R, n: number): R {
  const rule = ruleValues(F, n);
  const mid = F.div(F.add(lo, hi), rule.two);
  const half = F.div(F.sub(hi, lo), rule.two);
  const perNode = F.mark();
  let s = rule.zero;
  for (let i = 0; i < rule.nodes.length; i++) {
    const dx = F.mul(half, rule.nodes[i]!);
    s = F.add(s, F.mul(rule.weights[i]!, F.add(f(F.sub(mid, dx)), f(F.add(mid, dx)))));
    F.release(perNode, s);
  }
  if (rule.centreWeight) s = F.add(s, F.mul(rule.centreWeight, f(mid)));
  return F.mul(half, s);
}
