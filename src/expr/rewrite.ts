// Positivity-aware rewriting: identities that hold only on part of the reals, applied only when the
// declared domains make them valid (general CASes apply some of them unconditionally, and get them wrong).
// Each rule is named, so a checker can say which identities a simplification used.

import * as b from './build.js';
import { splitCoefficient } from './build.js';
import { Assumptions } from './domains.js';
import { expand } from './expand.js';
import { isNonnegative, isNonpositive, isPositive } from './sign.js';
import { children, ExprMemo, mapBottomUp } from './traverse.js';
import { gcd, Rational } from './rational.js';
import { equals, type Expr } from './types.js';

export type RuleId =
  | 'power-of-product' // (ab)^p = a^p b^p, a, b > 0
  | 'power-of-power' // (a^p)^q = a^(pq), a >= 0
  | 'sqrt-of-square' // (a^(2k))^(1/(2k)) = |a| for real a
  | 'log-of-product' // log(ab) = log a + log b, a, b > 0
  | 'log-of-power' // log(a^p) = p log a, a > 0
  | 'abs-of-signed' // |a| = a for a >= 0, -a for a <= 0
  | 'positive-part-of-signed' // (a)_+ = a for a >= 0, 0 for a <= 0
  | 'dominated-extremum' // max(a, b) = a when a >= b
  | 'product-of-powers' // a^p b^p = (ab)^p, a, b > 0
  | 'content-of-sum' // (d/2 - 1)^p = (1/2)^p (d - 2)^p: a positive rational content leaves a power or log
  | 'empty-integral'; // int_a^a f dt = 0 (a null set, whatever f is)

export interface Rewritten {
  readonly expr: Expr;
  readonly rules: ReadonlySet<RuleId>;
}

const isInteger = (e: Expr) => e.kind === 'num' && e.value.isInteger();

function powerOfProduct(e: Expr, a: Assumptions, used: Set<RuleId>): Expr {
  if (e.kind !== 'pow' || e.base.kind !== 'mul' || isInteger(e.exponent)) return e;
  // A factor known positive can always be pulled out: (c y)^p and c^p y^p are undefined together when y < 0.
  const pos = e.base.factors.filter((f) => isPositive(f, a));
  const allNonneg = isPositive(e.exponent, a) && e.base.factors.every((f) => isNonnegative(f, a));
  if (pos.length === 0 && !allNonneg) return e;
  const out = allNonneg ? e.base.factors : pos;
  const rest = e.base.factors.filter((f) => !out.includes(f));
  used.add('power-of-product');
  return b.mul(...out.map((f) => b.pow(f, e.exponent)), rest.length > 0 ? b.pow(b.mul(...rest), e.exponent) : b.ONE);
}

function powerOfPower(e: Expr, a: Assumptions, used: Set<RuleId>): Expr {
  if (e.kind !== 'pow' || e.base.kind !== 'pow') return e;
  const inner = e.base;
  if (isNonnegative(inner.base, a)) {
    used.add('power-of-power');
    return b.pow(inner.base, b.mul(inner.exponent, e.exponent));
  }
  const p = inner.exponent;
  const pq = b.mul(p, e.exponent);
  if (p.kind === 'num' && p.value.isInteger() && p.value.n % 2n === 0n && pq.kind === 'num' && pq.value.isOne()) {
    used.add('sqrt-of-square');
    return b.abs(inner.base);
  }
  return e;
}

function logRules(e: Expr, a: Assumptions, used: Set<RuleId>): Expr {
  if (e.kind !== 'apply' || e.fn !== 'log') return e;
  const x = e.args[0]!;
  if (x.kind === 'mul') {
    // log(ab) = log a + log b needs a, b > 0; a factor known positive splits off, since ab > 0 iff the rest is.
    const pos = x.factors.filter((f) => isPositive(f, a));
    if (pos.length === 0) return e;
    const rest = x.factors.filter((f) => !pos.includes(f));
    used.add('log-of-product');
    const parts = pos.map((f) => logRules(b.log(f), a, used));
    if (rest.length > 0) parts.push(logRules(b.log(b.mul(...rest)), a, used));
    return b.add(...parts);
  }
  if (x.kind === 'pow' && isPositive(x.base, a)) {
    used.add('log-of-power');
    return b.mul(x.exponent, logRules(b.log(x.base), a, used));
  }
  return e;
}

const DOMINATION_NODES = 60;

/** Whether e has fewer than `limit` nodes (counting stops at the limit). */
function smallerThan(e: Expr, limit: number): boolean {
  let count = 0;
  const visit = (x: Expr): boolean => {
    if (++count >= limit) return false;
    return children(x).every(visit);
  };
  return visit(e);
}

function signedRules(e: Expr, a: Assumptions, used: Set<RuleId>): Expr {
  if (e.kind !== 'apply') return e;
  const x = e.args[0]!;
  if (e.fn === 'abs') {
    if (isNonnegative(x, a)) return used.add('abs-of-signed'), x;
    if (isNonpositive(x, a)) return used.add('abs-of-signed'), b.neg(x);
  }
  if (e.fn === 'pos') {
    if (isNonnegative(x, a)) return used.add('positive-part-of-signed'), x;
    if (isNonpositive(x, a)) return used.add('positive-part-of-signed'), b.ZERO;
  }
  if ((e.fn === 'min' || e.fn === 'max') && e.args.every((y) => smallerThan(y, DOMINATION_NODES))) {
    // Drop an argument dominated by another: for max, y with x - y >= 0; for min, y with y - x >= 0.
    // Not tried between large arguments (whole bounds under a min): sign inference on their difference
    // rarely decides and costs a quadratic number of large subtractions.
    const keep = e.args.filter((y, i) => !e.args.some((x2, j) => j !== i && !equals(x2, y) && isNonnegative(e.fn === 'max' ? b.sub(x2, y) : b.sub(y, x2), a)));
    if (keep.length < e.args.length && keep.length > 0) {
      used.add('dominated-extremum');
      return b.apply(e.fn, keep);
    }
  }
  return e;
}

/** a^p b^p = (ab)^p for positive a, b and a common non-integer exponent; the reverse of power-of-product. */
function productOfPowers(e: Expr, a: Assumptions, used: Set<RuleId>): Expr {
  if (e.kind !== 'mul') return e;
  const groups: { exponent: Expr; bases: Expr[] }[] = [];
  const others: Expr[] = [];
  for (const f of e.factors) {
    if (f.kind === 'pow' && !isInteger(f.exponent) && f.exponent.kind !== 'num' && isPositive(f.base, a)) {
      const g = groups.find((x) => equals(x.exponent, f.exponent));
      if (g) g.bases.push(f.base);
      else groups.push({ exponent: f.exponent, bases: [f.base] });
    } else others.push(f);
  }
  if (!groups.some((g) => g.bases.length > 1)) return e;
  used.add('product-of-powers');
  return b.mul(...others, ...groups.map((g) => b.pow(expand(b.mul(...g.bases)), g.exponent)));
}

/** The positive rational c with sum = c * (a sum with coprime integer coefficients). */
export function sumContent(sum: Expr): Rational | undefined {
  if (sum.kind !== 'add') return undefined;
  let num = 0n;
  let den = 1n;
  for (const t of sum.terms) {
    const c = splitCoefficient(t).coeff;
    num = gcd(num, c.n < 0n ? -c.n : c.n);
    den = (den * c.d) / gcd(den, c.d);
  }
  const c = Rational.of(num, den);
  return c.isOne() || c.isZero() ? undefined : c;
}

/** A power or log of a sum with a non-trivial content: the content becomes a factor (c > 0, so always valid). */
function contentOfSum(e: Expr, _a: Assumptions, used: Set<RuleId>): Expr {
  const inner = e.kind === 'pow' ? e.base : e.kind === 'apply' && e.fn === 'log' ? e.args[0]! : undefined;
  const c = inner ? sumContent(inner) : undefined;
  if (!inner || !c) return e;
  used.add('content-of-sum');
  const sum = b.add(...(inner.kind === 'add' ? inner.terms : [inner]).map((t) => b.mul(b.num(c.inverse()), t)));
  if (e.kind === 'pow') return b.mul(b.pow(b.num(c), e.exponent), b.pow(sum, e.exponent));
  return b.add(b.log(b.num(c)), b.log(sum));
}

/** An integral whose limits are the same expression is over a single point: 0 for any integrand. */
function emptyIntegral(e: Expr, _a: Assumptions, used: Set<RuleId>): Expr {
  if (e.kind !== 'integral' || !equals(e.lower, e.upper)) return e;
  used.add('empty-integral');
  return b.ZERO;
}

const expanding = [powerOfProduct, powerOfPower, logRules, signedRules, contentOfSum, emptyIntegral];

/** Applies the expanding rules bottom-up to a fixed point (bounded): (ab)^p, (a^p)^q, log(ab), |a|, (a)_+, max. */
export function rewrite(e: Expr, a: Assumptions = Assumptions.positive): Rewritten {
  const used = new Set<RuleId>();
  let current = e;
  // The rules are pure in (expression, assumptions), so one memo serves every round.
  const memo = new ExprMemo();
  for (let round = 0; round < 8; round++) {
    const next = mapBottomUp(current, (x) => expanding.reduce((acc, rule) => rule(acc, a, used), x), memo);
    if (equals(next, current)) break;
    current = next;
  }
  return { expr: current, rules: used };
}

/** Merges equal symbolic powers of positive bases and expands the merged base: a^p b^p = (ab)^p. */
export function collectPowers(e: Expr, a: Assumptions = Assumptions.positive): Rewritten {
  const used = new Set<RuleId>();
  const expr = mapBottomUp(e, (x) => productOfPowers(x, a, used));
  return { expr, rules: used };
}

/**
 * Tries to show a = b by rewriting a - b to 0 with rules valid on the declared domains.
 * True means proven; false means only that these rules did not find it.
 */
export function provablyZero(e: Expr, a: Assumptions = Assumptions.positive): { proven: boolean; rules: ReadonlySet<RuleId> } {
  type Take = (r: Rewritten) => Expr;
  const attempts: ((x: Expr, take: Take) => Expr)[] = [
    (x) => x,
    (x) => expand(x),
    (x, take) => take(rewrite(x, a)),
    (x, take) => expand(take(rewrite(x, a))),
    (x, take) => expand(take(collectPowers(expand(x), a))),
    (x, take) => expand(take(collectPowers(expand(take(rewrite(x, a))), a))),
  ];
  for (const attempt of attempts) {
    const rules = new Set<RuleId>();
    const r = attempt(e, (rw) => {
      for (const id of rw.rules) rules.add(id);
      return rw.expr;
    });
    if (r.kind === 'num' && r.value.isZero()) return { proven: true, rules };
  }
  return { proven: false, rules: new Set() };
}
