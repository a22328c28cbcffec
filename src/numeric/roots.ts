// Verified roots of an expression in one variable: Brent's method in MPFR finds the root, and interval
// enclosures at the two ends of a final rational bracket prove the sign change. Wide positive
// brackets (hi/lo large, e.g. a cut-off near 10^-3000) are first narrowed geometrically.

import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import type { Approximation, Field } from './api.js';
import { UNCERTAIN_SUFFIX } from './evaluate-decimal.js';
import { formatDecimal } from './format.js';
import { substituteParameters } from './jumps.js';
import { compileExpr } from './quadrature-expression.js';
import { makeField } from './quadrature-field.js';
import { signAt, type Enclosure } from './roots-enclosure.js';

export interface RootOptions {
  readonly digits: number;
  /** Budget of Brent and bisection steps (default 2000). */
  readonly maxIterations?: number;
}

/** A root x with lower < x < upper, proven by f(lower) and f(upper) having opposite certified signs. */
export interface VerifiedRoot {
  readonly lower: Rational;
  readonly upper: Rational;
  readonly approximation: Approximation;
  /** Enclosures of f at lower and at upper (opposite strict signs). */
  readonly atLower: Enclosure;
  readonly atUpper: Enclosure;
  readonly iterations: number;
}

/** A root of f(variable) = 0 in (lo, hi); f must have certified opposite signs at lo and hi (EB5005). */
export async function findRoot(f: Expr, variable: string, lo: Rational, hi: Rational, env: ReadonlyMap<string, Rational>, opts: RootOptions): Promise<Result<VerifiedRoot>> {
  const digits = opts.digits;
  if (!Number.isInteger(digits) || digits < 1 || digits > 10_000) return fail(error('EB5002', `precision of ${digits} digits is out of range`));
  if (!lo.lt(hi)) return fail(error('EB5005', `empty bracket [${lo}, ${hi}]`));
  const sub = substituteParameters(f, variable, env);
  if (!sub.ok) return sub;
  const e = sub.value;
  const bits = Math.ceil((digits + 20) * Math.log2(10)) + 16;
  const sLo = await signAt(e, variable, lo, bits);
  if (!sLo.ok) return sLo;
  const sHi = await signAt(e, variable, hi, bits);
  if (!sHi.ok) return sHi;
  if (sLo.value.sign === sHi.value.sign) {
    return fail(error('EB5005', `f has the same sign (${sLo.value.sign > 0 ? '+' : '-'}) at both ends of [${lo}, ${hi}]`));
  }
  const compiled = compileExpr(e, variable);
  if (!compiled.ok) return compiled;
  const F = await makeField('mpfr', bits);
  try {
    const fx = compiled.value.bind(F);
    return await refine(F, fx, e, variable, lo, hi, sLo.value.sign, sLo.value.enclosure, sHi.value.enclosure, digits, bits, opts.maxIterations ?? 2000);
  } finally {
    F.destroy();
  }
}

/** Relative width target for `digits` digits: a few guard digits so that the ends usually round alike. */
function targetWidth(x: Rational, digits: number): Rational {
  const scale = x.isZero() ? Rational.of(1n, 10n ** 40n) : x.abs();
  return scale.mul(Rational.of(1n, 10n ** BigInt(digits + 3)));
}

async function refine<R>(
  F: Field<R>,
  fx: (x: R) => R,
  e: Expr,
  variable: string,
  lo0: Rational,
  hi0: Rational,
  signLo: -1 | 1,
  encLo0: Enclosure,
  encHi0: Enclosure,
  digits: number,
  bits: number,
  maxIterations: number,
): Promise<Result<VerifiedRoot>> {
  let lo = lo0;
  let hi = hi0;
  let encLo = encLo0;
  let encHi = encHi0;
  let iterations = 0;
  const signOf = (q: Rational): -1 | 0 | 1 | undefined => {
    const v = fx(F.rational(q));
    if (!F.isFinite(v)) return undefined;
    return F.isZero(v) ? 0 : F.cmp(v, F.rational(Rational.ZERO)) < 0 ? -1 : 1;
  };
  // Geometric narrowing while the bracket spans more than a factor 4 on the positive (or negative) axis.
  while (iterations < maxIterations && lo.sign === hi.sign && lo.sign !== 0) {
    const ratio = hi.div(lo).abs();
    if (ratio.compare(Rational.of(4)) <= 0) break;
    const k = ratio.n / ratio.d; // >= 4
    const half = BigInt(Math.floor(k.toString(2).length / 2));
    const m = lo.sign > 0 ? lo.mul(Rational.of(1n << half)) : hi.mul(Rational.of(1n << half));
    iterations++;
    const s = signOf(m);
    if (s === undefined) return fail(error('EB5001', `f is undefined at ${formatDecimal(m, 6)}`));
    if (s === 0) break;
    if (s === signLo) lo = m;
    else hi = m;
  }
  // Brent (zeroin) in F.
  let a = F.rational(lo);
  let b = F.rational(hi);
  let fa = fx(a);
  let fb = fx(b);
  if (!F.isFinite(fa) || !F.isFinite(fb)) return fail(error('EB5001', 'f is undefined at an end of the bracket'));
  const zero = F.rational(Rational.ZERO);
  const two = F.rational(Rational.TWO);
  const three = F.rational(Rational.of(3));
  const half = F.rational(Rational.HALF);
  const eps = F.rational(Rational.of(1n, 1n << BigInt(bits - 2)));
  const sgn = (v: R): number => (F.isZero(v) ? 0 : F.cmp(v, zero));
  let c = a;
  let fc = fa;
  let d = F.sub(b, a);
  let ee = d;
  const want = F.rational(targetWidth(lo.add(hi).div(Rational.TWO), digits).div(Rational.of(16)));
  for (; iterations < maxIterations; iterations++) {
    if (sgn(fb) * sgn(fc) > 0) {
      c = a;
      fc = fa;
      d = F.sub(b, a);
      ee = d;
    }
    if (F.cmp(F.abs(fc), F.abs(fb)) < 0) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = F.add(F.mul(F.mul(two, eps), F.abs(b)), want);
    const m = F.mul(half, F.sub(c, b));
    if (F.cmp(F.abs(m), tol) <= 0 || F.isZero(fb)) break;
    if (F.cmp(F.abs(ee), tol) >= 0 && F.cmp(F.abs(fa), F.abs(fb)) > 0) {
      let p: R;
      let q: R;
      const s = F.div(fb, fa);
      if (F.cmp(a, c) === 0) {
        p = F.mul(F.mul(two, m), s);
        q = F.sub(F.rational(Rational.ONE), s);
      } else {
        const qq = F.div(fa, fc);
        const r = F.div(fb, fc);
        p = F.mul(s, F.sub(F.mul(F.mul(two, m), F.mul(qq, F.sub(qq, r))), F.mul(F.sub(b, a), F.sub(r, F.rational(Rational.ONE)))));
        q = F.mul(F.mul(F.sub(qq, F.rational(Rational.ONE)), F.sub(r, F.rational(Rational.ONE))), F.sub(s, F.rational(Rational.ONE)));
      }
      if (sgn(p) > 0) q = F.neg(q);
      else p = F.neg(p);
      const bound1 = F.sub(F.mul(F.mul(three, m), q), F.abs(F.mul(tol, q)));
      const bound2 = F.abs(F.mul(ee, q));
      if (F.cmp(F.mul(two, p), bound1) < 0 && F.cmp(F.mul(two, p), bound2) < 0) {
        ee = d;
        d = F.div(p, q);
      } else {
        d = m;
        ee = m;
      }
    } else {
      d = m;
      ee = m;
    }
    a = b;
    fa = fb;
    b = F.cmp(F.abs(d), tol) > 0 ? F.add(b, d) : F.add(b, sgn(m) > 0 ? tol : F.neg(tol));
    fb = fx(b);
    if (!F.isFinite(fb)) return fail(error('EB5001', `f is undefined at ${F.toDecimal(b, 8)}`));
  }
  // Certify a rational bracket around b: step outward until both ends have proven opposite signs.
  const x = F.toRational(b);
  let delta = targetWidth(x, digits).div(Rational.of(8));
  for (let attempt = 0; attempt < 40; attempt++) {
    const L = x.sub(delta).max(lo0);
    const U = x.add(delta).min(hi0);
    const sL = L.equals(lo0) ? { ok: true as const, value: { sign: signLo, enclosure: encLo } } : await signAt(e, variable, L, bits, { quiet: true });
    const sU = U.equals(hi0) ? { ok: true as const, value: { sign: (-signLo) as -1 | 1, enclosure: encHi } } : await signAt(e, variable, U, bits, { quiet: true });
    if (sL.ok && sU.ok && sL.value.sign === signLo && sU.value.sign === -signLo) {
      encLo = sL.value.enclosure;
      encHi = sU.value.enclosure;
      const tL = formatDecimal(L, digits);
      const tU = formatDecimal(U, digits);
      const mid = L.add(U).div(Rational.TWO);
      return ok({
        lower: L,
        upper: U,
        atLower: encLo,
        atUpper: encHi,
        iterations,
        approximation: { text: tL === tU ? tL : formatDecimal(mid, digits) + UNCERTAIN_SUFFIX, lower: L, upper: U, correctlyRounded: tL === tU },
      });
    }
    delta = delta.mul(Rational.of(4));
  }
  return fail(error('EB5003', `the root near ${formatDecimal(x, 12)} could not be certified by a sign change`));
}
