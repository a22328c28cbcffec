// One-dimensional minimisation with a certificate: golden-section search in MPFR at about twice the
// requested digits, then three rational points x1 < x2 < x3 whose interval enclosures prove
// f(x2) <= f(x1), f(x3), so a local minimum lies in [x1, x3]; its value is enclosed between the
// enclosure of f over [x1, x3] and that of f(x2).

import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import type { Approximation } from './api.js';
import { UNCERTAIN_SUFFIX } from './evaluate-decimal.js';
import { formatDecimal } from './format.js';
import { substituteParameters } from './jumps.js';
import { compileExpr } from './quadrature-expression.js';
import { makeField } from './quadrature-field.js';
import { encloseOver, type Enclosure } from './roots-enclosure.js';

export interface MinimiseOptions {
  readonly digits: number;
  readonly maxIterations?: number;
}

export interface VerifiedMinimum {
  /** The minimiser: a local minimum lies in [lower, upper] (= [x1, x3]). */
  readonly argmin: Approximation;
  /** The minimum value over [x1, x3]: lower from the enclosure of f on [x1, x3], upper from f(x2). */
  readonly minimum: Approximation;
  /** x1 < x2 < x3 with enclosures proving f(x2) <= f(x1) and f(x2) <= f(x3); x1 = x2 or x2 = x3 at an end of the range. */
  readonly points: readonly [Rational, Rational, Rational];
  readonly values: readonly [Enclosure, Enclosure, Enclosure];
  /** True when the minimum sits at an end of [lo, hi] (f monotone near it). */
  readonly atEndpoint: boolean;
  readonly iterations: number;
}

const INV_PHI = Rational.of(618033988749894848204586834365638117720n, 10n ** 39n); // 1/φ to 39 digits; exactness is not needed

/** The minimum of f(variable) over [lo, hi], certified as a local minimum bracket. */
export async function minimise(f: Expr, variable: string, lo: Rational, hi: Rational, env: ReadonlyMap<string, Rational>, opts: MinimiseOptions): Promise<Result<VerifiedMinimum>> {
  const digits = opts.digits;
  if (!Number.isInteger(digits) || digits < 1 || digits > 5_000) return fail(error('EB5002', `precision of ${digits} digits is out of range`));
  if (!lo.lt(hi)) return fail(error('EB5106', `empty range [${lo}, ${hi}]`));
  const sub = substituteParameters(f, variable, env);
  if (!sub.ok) return sub;
  const e = sub.value;
  const compiled = compileExpr(e, variable);
  if (!compiled.ok) return compiled;
  // A flat minimum: f(x* + δ) - f(x*) ~ δ², so δ to `digits + 6` digits needs about twice the precision.
  const bits = Math.ceil((2 * digits + 30) * Math.log2(10)) + 16;
  const maxIterations = opts.maxIterations ?? 20 * digits + 400;
  const F = await makeField('mpfr', bits);
  let a = lo;
  let b = hi;
  let iterations = 0;
  try {
    const fx = compiled.value.bind(F);
    const val = (q: Rational) => fx(F.rational(q));
    // Golden section on rationals rounded to the working precision; the bracket [a, b] shrinks by 1/φ per step.
    let x1 = b.sub(b.sub(a).mul(INV_PHI));
    let x2 = a.add(b.sub(a).mul(INV_PHI));
    let f1 = val(x1);
    let f2 = val(x2);
    const round = (q: Rational) => F.toRational(F.rational(q));
    for (; iterations < maxIterations; iterations++) {
      const scale = x1.abs().max(x2.abs()).max(Rational.of(1n, 10n ** 30n));
      if (b.sub(a).compare(scale.mul(Rational.of(1n, 10n ** BigInt(digits + 6)))) <= 0) break;
      if (!F.isFinite(f1) || !F.isFinite(f2)) return fail(error('EB5001', `f is undefined near ${formatDecimal(x1, 8)}`));
      if (F.cmp(f1, f2) <= 0) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = round(b.sub(b.sub(a).mul(INV_PHI)));
        f1 = val(x1);
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = round(a.add(b.sub(a).mul(INV_PHI)));
        f2 = val(x2);
      }
    }
    if (iterations >= maxIterations) return fail(error('EB5105', `golden-section search used its budget of ${maxIterations} steps`));
    const centre = F.cmp(f1, f2) <= 0 ? x1 : x2;
    return await certify(e, variable, lo, hi, centre, b.sub(a), digits, bits, iterations);
  } finally {
    F.destroy();
  }
}

async function certify(e: Expr, variable: string, lo: Rational, hi: Rational, x: Rational, width: Rational, digits: number, bits: number, iterations: number): Promise<Result<VerifiedMinimum>> {
  let delta = width.max(Rational.of(1n, 10n ** 60n).mul(x.abs().max(Rational.ONE)));
  for (let attempt = 0; attempt < 30; attempt++, delta = delta.mul(Rational.of(4))) {
    const x1 = x.sub(delta).max(lo);
    const x3 = x.add(delta).min(hi);
    const [e1, e2, e3] = await Promise.all([encloseOver(e, variable, x1, x1, bits), encloseOver(e, variable, x, x, bits), encloseOver(e, variable, x3, x3, bits)]);
    if (!e1.ok) return e1;
    if (!e2.ok) return e2;
    if (!e3.ok) return e3;
    const atLo = x1.equals(lo) && x.equals(lo);
    const atHi = x3.equals(hi) && x.equals(hi);
    const okLeft = atLo || e2.value.hi.le(e1.value.lo);
    const okRight = atHi || e2.value.hi.le(e3.value.lo);
    if (!okLeft || !okRight) {
      // At an end of the range the minimum may be the end itself: move x there and retry.
      if (!okLeft && x1.equals(lo) && e1.value.hi.le(e2.value.lo)) x = lo;
      else if (!okRight && x3.equals(hi) && e3.value.hi.le(e2.value.lo)) x = hi;
      continue;
    }
    const box = await encloseOver(e, variable, x1, x3, bits);
    if (!box.ok) return box;
    const lower = box.value.lo.min(e2.value.lo);
    const upper = e2.value.hi;
    const tl = formatDecimal(lower, digits);
    const tu = formatDecimal(upper, digits);
    const al = formatDecimal(x1, digits);
    const au = formatDecimal(x3, digits);
    return ok({
      argmin: { text: al === au ? al : formatDecimal(x, digits) + UNCERTAIN_SUFFIX, lower: x1, upper: x3, correctlyRounded: al === au },
      minimum: { text: tl === tu ? tl : formatDecimal(upper, digits) + UNCERTAIN_SUFFIX, lower, upper, correctlyRounded: tl === tu },
      points: [x1, x, x3],
      values: [e1.value, e2.value, e3.value],
      atEndpoint: x.equals(lo) || x.equals(hi),
      iterations,
    });
  }
  return fail(error('EB5106', `no certified bracket around ${formatDecimal(x, 12)}`));
}
