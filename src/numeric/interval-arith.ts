// Interval sums, products and powers with outward rounding. Division is a power -1 and sqrt a power
// 1/2 in canonical form, so both live here; a zero denominator gives half-lines or the whole line.

import { exactRoot, type Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import {
  combineFlags,
  done,
  EXACT_BITS_LIMIT,
  emptyInterval,
  flagUndefined,
  fresh,
  isPointInteger,
  mulRounded,
  narrowGap,
  RNDD,
  RNDU,
  roundedPair,
  smallExact,
  type IntervalBuilder,
  type IntervalContext,
  type MpfrInterval,
} from './interval-core.js';
import type { MpfrPtr } from './mpfr.js';

const INT32_MAX = 2 ** 31 - 1;
const INT32_MAX_N = BigInt(INT32_MAX);

export function addIntervals(ctx: IntervalContext, args: readonly MpfrInterval[]): MpfrInterval {
  const b = ctx.b;
  const out = fresh(ctx);
  combineFlags(out, ...args);
  let exact: Rational | undefined = args[0]!.exact;
  for (let i = 1; i < args.length && exact !== undefined; i++) exact = args[i]!.exact === undefined ? undefined : exact.add(args[i]!.exact!);
  const small = smallExact(exact);
  // A small exact sum sets both ends in done(): the float sums would be overwritten.
  if (small === undefined) {
    b.mpfr_set(out.lo, args[0]!.lo, RNDD);
    b.mpfr_set(out.hi, args[0]!.hi, RNDU);
    for (let i = 1; i < args.length; i++) {
      // lo < +inf and hi > -inf for every operand, so no inf - inf arises.
      b.mpfr_add(out.lo, out.lo, args[i]!.lo, RNDD);
      b.mpfr_add(out.hi, out.hi, args[i]!.hi, RNDU);
    }
  }
  return done(ctx, out, small);
}

function mulInto(ctx: IntervalContext, out: IntervalBuilder, x: MpfrInterval, y: MpfrInterval): void {
  const b = ctx.b;
  if (scaleBySmallRational(ctx, out, x, y.exact) || scaleBySmallRational(ctx, out, y, x.exact)) return;
  if (b.mpfr_sgn(x.lo) >= 0 && b.mpfr_sgn(y.lo) >= 0) {
    mulRounded(b, out.lo, x.lo, y.lo, RNDD);
    mulRounded(b, out.hi, x.hi, y.hi, RNDU);
    return;
  }
  // General case: the extremes are among the four corner products.
  const t = ctx.take();
  const lo = ctx.take();
  const hi = ctx.take();
  const corners: [MpfrPtr, MpfrPtr][] = [
    [x.lo, y.lo],
    [x.lo, y.hi],
    [x.hi, y.lo],
    [x.hi, y.hi],
  ];
  let first = true;
  for (const [p, q] of corners) {
    mulRounded(b, t, p, q, RNDD);
    if (first || b.mpfr_less_p(t, lo) !== 0) b.mpfr_set(lo, t, RNDD);
    mulRounded(b, t, p, q, RNDU);
    if (first || b.mpfr_greater_p(t, hi) !== 0) b.mpfr_set(hi, t, RNDU);
    first = false;
  }
  b.mpfr_set(out.lo, lo, RNDD);
  b.mpfr_set(out.hi, hi, RNDU);
}

const SCALE_BY_FRACTION_MIN_BITS = 1000;

/**
 * x times an exact n/d with |n|, d < 2^31 as a multiplication and a division by machine integers:
 * linear in the precision where the product of two floats is not, and exact in the factor, which as
 * an interval of two floats would widen the result.
 */
function scaleBySmallRational(ctx: IntervalContext, out: IntervalBuilder, x: MpfrInterval, q: Rational | undefined): boolean {
  if (q === undefined || q.d > INT32_MAX_N || q.n > INT32_MAX_N || q.n < -INT32_MAX_N) return false;
  // Two calls instead of one: below this precision a float product costs no more than the calls.
  if (q.d !== 1n && ctx.precisionBits < SCALE_BY_FRACTION_MIN_BITS) return false;
  const b = ctx.b;
  const n = Number(q.n);
  const d = Number(q.d);
  if (n === 0) {
    // 0 times anything, infinite ends included, is 0 (the closure convention of mulRounded).
    b.mpfr_set_zero(out.lo, 1);
    b.mpfr_set_zero(out.hi, 1);
    return true;
  }
  // Multiplying by n < 0 swaps the ends; dividing by d > 0 keeps them. Each step rounds outward.
  const [lo, hi] = n > 0 ? [x.lo, x.hi] : [x.hi, x.lo];
  b.mpfr_mul_si(out.lo, lo, n, RNDD);
  b.mpfr_div_si(out.lo, out.lo, d, RNDD);
  b.mpfr_mul_si(out.hi, hi, n, RNDU);
  b.mpfr_div_si(out.hi, out.hi, d, RNDU);
  return true;
}

export function mulIntervals(ctx: IntervalContext, args: readonly MpfrInterval[]): MpfrInterval {
  let acc = args[0]!;
  for (let i = 1; i < args.length; i++) {
    const out = fresh(ctx);
    combineFlags(out, acc, args[i]!);
    const ea = acc.exact;
    const eb = args[i]!.exact;
    const exact = smallExact(ea !== undefined && eb !== undefined ? ea.mul(eb) : undefined);
    // A small exact product sets both ends in done(): the float products would be overwritten.
    if (exact === undefined) mulInto(ctx, out, acc, args[i]!);
    acc = done(ctx, out, exact);
  }
  return acc;
}

// ---- powers -----------------------------------------------------------------------------------

/** rop := x^k rounded in rnd; returns MPFR's ternary value. */
function powInt(ctx: IntervalContext, rop: MpfrPtr, x: MpfrPtr, k: bigint, rnd: number): number {
  if (k >= -BigInt(INT32_MAX) && k <= BigInt(INT32_MAX)) return ctx.b.mpfr_pow_si(rop, x, Number(k), rnd);
  return ctx.arena.powInteger(rop, x, k, rnd);
}

/** x^k for an integer k (not 0): exact parity rules, zero divisors give half-lines. */
export function powIntegerInterval(ctx: IntervalContext, node: Expr, x: MpfrInterval, k: bigint): MpfrInterval {
  const b = ctx.b;
  // Exact when the power stays small (a 567-bit root iterate to the power -1 does not).
  if (x.exact !== undefined && !(x.exact.isZero() && k < 0n) && k >= -64n && k <= 64n && x.exact.bits() * Math.abs(Number(k)) <= EXACT_BITS_LIMIT) {
    const v = smallExact(x.exact.powInt(k));
    if (v !== undefined) {
      const exact = fresh(ctx);
      combineFlags(exact, x);
      return done(ctx, exact, v);
    }
  }
  const out = fresh(ctx);
  combineFlags(out, x);
  const even = k % 2n === 0n;
  const sLo = b.mpfr_sgn(x.lo);
  const sHi = b.mpfr_sgn(x.hi);
  const power = (rop: MpfrPtr, op: MpfrPtr, rnd: number) => powInt(ctx, rop, op, k, rnd);
  if (k > 0n) {
    if (!even || sLo >= 0) roundedPair(ctx, out.lo, x.lo, out.hi, x.hi, power);
    else if (sHi <= 0) roundedPair(ctx, out.lo, x.hi, out.hi, x.lo, power);
    else {
      const m = ctx.take();
      b.mpfr_neg(m, x.lo, RNDU);
      b.mpfr_max(m, m, x.hi, RNDU);
      b.mpfr_set_zero(out.lo, 1);
      powInt(ctx, out.hi, m, k, RNDU);
    }
    return done(ctx, out);
  }
  // Negative exponent: 0 is a pole.
  if (sLo === 0 && sHi === 0) return emptyInterval(ctx, node);
  if (sLo > 0 || sHi < 0) {
    if (!even || sLo > 0) roundedPair(ctx, out.lo, x.hi, out.hi, x.lo, power);
    else roundedPair(ctx, out.lo, x.lo, out.hi, x.hi, power);
    return done(ctx, out);
  }
  flagUndefined(out, node);
  if (even) {
    const m = ctx.take();
    b.mpfr_neg(m, x.lo, RNDU);
    b.mpfr_max(m, m, x.hi, RNDU);
    powInt(ctx, out.lo, m, k, RNDD);
    b.mpfr_set_inf(out.hi, 1);
  } else if (sLo === 0) {
    powInt(ctx, out.lo, x.hi, k, RNDD);
    b.mpfr_set_inf(out.hi, 1);
  } else if (sHi === 0) {
    b.mpfr_set_inf(out.lo, -1);
    powInt(ctx, out.hi, x.lo, k, RNDU);
  } else {
    b.mpfr_set_inf(out.lo, -1);
    b.mpfr_set_inf(out.hi, 1);
  }
  return done(ctx, out);
}

/** rop := x^(p/q) for x >= 0 via the q-th root, each step rounded so the composition stays outward. */
function rootPower(ctx: IntervalContext, rop: MpfrPtr, x: MpfrPtr, p: number, q: number, rnd: number): void {
  const b = ctx.b;
  if (p === 1) {
    if (q === 2) b.mpfr_sqrt(rop, x, rnd);
    else b.mpfr_rootn_ui(rop, x, q, rnd);
    return;
  }
  const inner = p > 0 ? rnd : rnd === RNDD ? RNDU : RNDD; // y -> y^p decreases for p < 0
  const y = ctx.take();
  if (q === 2) b.mpfr_sqrt(y, x, inner);
  else b.mpfr_rootn_ui(y, x, q, inner);
  b.mpfr_pow_si(rop, y, p, rnd);
}

/**
 * sqrt on a narrow [lo, hi], 0 < lo: one square root instead of two. Concavity gives
 * sqrt(hi) <= sqrt(lo) + (hi - lo)/(2 sqrt(lo)), and sqrt(lo) >= s >= 2^(E-1) for s = sqrt(lo) rounded
 * down, so the excess is at most (hi - lo)/2^E: a subtraction and a shift, at most twice the true one.
 */
function narrowSqrt(ctx: IntervalContext, out: IntervalBuilder, x: MpfrInterval): boolean {
  if (narrowGap(ctx, x, true) === undefined) return false;
  const b = ctx.b;
  roundedPair(ctx, out.lo, x.lo, out.hi, x.lo, b.mpfr_sqrt); // sqrt(lo), both roundings, one call
  const excess = ctx.take();
  b.mpfr_sub(excess, x.hi, x.lo, RNDU);
  b.mpfr_mul_2si(excess, excess, -b.mpfr_get_exp(out.lo), RNDU);
  b.mpfr_add(out.hi, out.hi, excess, RNDU);
  return true;
}

/** x^(p/q) when x is an exact rational whose q-th root is rational (sqrt(10^6) = 1000), and small. */
function exactPower(x: MpfrInterval, p: number, q: number): Rational | undefined {
  if (x.exact === undefined || x.exact.sign < 0) return undefined;
  return smallExact(exactRoot(x.exact, q)?.powInt(BigInt(p)));
}

/** x^r for a non-integer rational r: defined for x >= 0 (x > 0 when r < 0). */
export function powRationalInterval(ctx: IntervalContext, node: Expr, x: MpfrInterval, r: Rational): MpfrInterval {
  const b = ctx.b;
  if (r.d > BigInt(INT32_MAX) || r.n > BigInt(INT32_MAX) || r.n < -BigInt(INT32_MAX)) {
    // Huge numerator or denominator: the exponent as an enclosing interval, powers by corners.
    const y = fresh(ctx);
    ctx.arena.setRational(y.lo, r, RNDD);
    ctx.arena.setRational(y.hi, r, RNDU);
    return powGeneralInterval(ctx, node, x, done(ctx, y));
  }
  const p = Number(r.n);
  const q = Number(r.d);
  const exact = exactPower(x, p, q);
  if (exact !== undefined) {
    const out = fresh(ctx);
    combineFlags(out, x);
    return done(ctx, out, exact);
  }
  const sLo = b.mpfr_sgn(x.lo);
  const sHi = b.mpfr_sgn(x.hi);
  if (sHi < 0 || (sHi === 0 && p < 0)) return emptyInterval(ctx, node);
  const out = fresh(ctx);
  combineFlags(out, x);
  const lo = ctx.take();
  if (sLo < 0) {
    flagUndefined(out, node);
    b.mpfr_set_zero(lo, 1);
  } else b.mpfr_set(lo, x.lo, RNDD);
  if (p === 1 && q === 2) {
    if (sLo <= 0 || !narrowSqrt(ctx, out, x)) roundedPair(ctx, out.lo, lo, out.hi, x.hi, b.mpfr_sqrt);
  } else if (p > 0) {
    rootPower(ctx, out.lo, lo, p, q, RNDD);
    rootPower(ctx, out.hi, x.hi, p, q, RNDU);
  } else {
    rootPower(ctx, out.lo, x.hi, p, q, RNDD);
    if (b.mpfr_sgn(lo) === 0) {
      flagUndefined(out, node);
      b.mpfr_set_inf(out.hi, 1);
    } else rootPower(ctx, out.hi, lo, p, q, RNDU);
  }
  return done(ctx, out);
}

/** Min and max of mpfr_pow over the corners of [xl, xh] x [yl, yh] with x >= 0, into out. */
function powCorners(ctx: IntervalContext, outLo: MpfrPtr, outHi: MpfrPtr, xl: MpfrPtr, xh: MpfrPtr, yl: MpfrPtr, yh: MpfrPtr): void {
  // x^y is monotone in x (for fixed y) and in y (for fixed x > 0), with the limits at x = 0 and at
  // infinite endpoints that mpfr_pow returns (0^-1 = +inf, 0^1 = 0, 0^0 = 1), so the corners bound it.
  const b = ctx.b;
  if (b.mpfr_equal_p(xl, xh) !== 0 && b.mpfr_equal_p(yl, yh) !== 0) {
    // A point: the four corners coincide, and one correctly rounded power gives both ends.
    const ternary = b.mpfr_pow(outLo, xl, yl, RNDD);
    b.mpfr_set(outHi, outLo, RNDU);
    if (ternary !== 0) b.mpfr_nextabove(outHi);
    return;
  }
  const t = ctx.take();
  let first = true;
  for (const xv of [xl, xh]) {
    for (const yv of [yl, yh]) {
      b.mpfr_pow(t, xv, yv, RNDD);
      if (first || b.mpfr_less_p(t, outLo) !== 0) b.mpfr_set(outLo, t, RNDD);
      b.mpfr_pow(t, xv, yv, RNDU);
      if (first || b.mpfr_greater_p(t, outHi) !== 0) b.mpfr_set(outHi, t, RNDU);
      first = false;
    }
  }
}

/** x^y for intervals x and y: positive bases by corners; negative bases only at integer y (±|x|^y). */
export function powGeneralInterval(ctx: IntervalContext, node: Expr, x: MpfrInterval, y: MpfrInterval): MpfrInterval {
  const b = ctx.b;
  if (isPointInteger(b, y)) {
    const k = ctx.arena.toRational(y.lo)!.n;
    if (k === 0n) {
      const one = fresh(ctx);
      combineFlags(one, x, y);
      b.mpfr_set_si(one.lo, 1, RNDD);
      b.mpfr_set_si(one.hi, 1, RNDU);
      return done(ctx, one);
    }
    const r = powIntegerInterval(ctx, node, x, k);
    if (r.empty || !y.undefinedPossible) return r;
    const out = fresh(ctx);
    combineFlags(out, r, y);
    b.mpfr_set(out.lo, r.lo, RNDD);
    b.mpfr_set(out.hi, r.hi, RNDU);
    return done(ctx, out);
  }
  const out = fresh(ctx);
  combineFlags(out, x, y);
  const sLo = b.mpfr_sgn(x.lo);
  const sHi = b.mpfr_sgn(x.hi);
  const yLoNeg = b.mpfr_sgn(y.lo) < 0;
  let have = false;
  // Non-negative bases x in [max(lo, 0), hi]; 0^y with y < 0 is undefined.
  if (sHi > 0 || (sHi === 0 && b.mpfr_sgn(y.hi) >= 0)) {
    const xl = ctx.take();
    if (sLo < 0) b.mpfr_set_zero(xl, 1);
    else b.mpfr_set(xl, x.lo, RNDD);
    if (b.mpfr_sgn(xl) === 0 && yLoNeg) flagUndefined(out, node);
    powCorners(ctx, out.lo, out.hi, xl, x.hi, y.lo, y.hi);
    have = true;
  } else if (sHi === 0) flagUndefined(out, node);
  if (sLo < 0) {
    // Negative bases: defined only at integer exponents, where x^k = ±|x|^k.
    flagUndefined(out, node);
    const kl = ctx.take();
    const kh = ctx.take();
    b.mpfr_rint_ceil(kl, y.lo, RNDU);
    b.mpfr_rint_floor(kh, y.hi, RNDD);
    if (b.mpfr_lessequal_p(kl, kh) !== 0) {
      const al = ctx.take();
      const ah = ctx.take();
      if (sHi >= 0) b.mpfr_set_zero(al, 1);
      else b.mpfr_neg(al, x.hi, RNDD);
      b.mpfr_neg(ah, x.lo, RNDU);
      const mLo = ctx.take();
      const mHi = ctx.take();
      // Integer k in [kl, kh]; widen k to the real interval: a superset of the magnitudes.
      const klo = ctx.take();
      const khi = ctx.take();
      b.mpfr_set(klo, kl, RNDD);
      b.mpfr_set(khi, kh, RNDU);
      powCorners(ctx, mLo, mHi, al, ah, klo, khi);
      const negLo = ctx.take();
      b.mpfr_neg(negLo, mHi, RNDD);
      if (have) {
        b.mpfr_min(out.lo, out.lo, negLo, RNDD);
        b.mpfr_max(out.hi, out.hi, mHi, RNDU);
      } else {
        b.mpfr_set(out.lo, negLo, RNDD);
        b.mpfr_set(out.hi, mHi, RNDU);
      }
      have = true;
    }
  }
  if (!have) return emptyInterval(ctx, node);
  return done(ctx, out);
}

/** Dispatch for a power node: exact integer and rational exponents first, then the general case. */
export function powInterval(ctx: IntervalContext, node: Expr, x: MpfrInterval, y: MpfrInterval): MpfrInterval {
  if (x.empty) return x;
  if (y.empty) return y;
  if (y.exact !== undefined) {
    const r = y.exact;
    if (r.isZero()) return powGeneralInterval(ctx, node, x, y);
    const res = r.isInteger() ? powIntegerInterval(ctx, node, x, r.n) : powRationalInterval(ctx, node, x, r);
    if (res.empty || !y.undefinedPossible) return res;
    const out = fresh(ctx);
    combineFlags(out, res, y);
    ctx.b.mpfr_set(out.lo, res.lo, RNDD);
    ctx.b.mpfr_set(out.hi, res.hi, RNDU);
    return done(ctx, out);
  }
  return powGeneralInterval(ctx, node, x, y);
}
