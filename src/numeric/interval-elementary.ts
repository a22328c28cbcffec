// Interval extensions of the named functions: log, exp, min, max, ceil, floor, abs, pos, factorial
// and binomial. Monotone pieces take endpoints with directed rounding; integer functions jump exactly.

import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import {
  combineFlags,
  done,
  emptyInterval,
  flagUndefined,
  fresh,
  narrowGap,
  RNDD,
  RNDU,
  roundedPair,
  type IntervalContext,
  type MpfrInterval,
} from './interval-core.js';
import { logRationalFixed } from './log-rational.js';
import type { MpfrPtr } from './mpfr.js';
import { primeLog } from './prime-logs.js';

export function logInterval(ctx: IntervalContext, node: Expr, x: MpfrInterval): MpfrInterval {
  const b = ctx.b;
  if (b.mpfr_sgn(x.hi) <= 0) return emptyInterval(ctx, node);
  const out = fresh(ctx);
  combineFlags(out, x);
  if (b.mpfr_sgn(x.lo) <= 0) {
    flagUndefined(out, node);
    b.mpfr_set_inf(out.lo, -1);
    b.mpfr_log(out.hi, x.hi, RNDU);
  } else if (!rationalLog(ctx, out, x) && !narrowLog(ctx, out, x)) roundedPair(ctx, out.lo, x.lo, out.hi, x.hi, b.mpfr_log);
  return done(ctx, out);
}

/** Below this precision one MPFR logarithm costs about as much as the conversions of the fixed point. */
const RATIONAL_LOG_MIN_BITS = 256;

/** log of an exact rational by multi-prime reduction, when that is faster (log-rational.ts decides). */
function rationalLog(ctx: IntervalContext, out: { lo: MpfrPtr; hi: MpfrPtr }, x: MpfrInterval): boolean {
  if (x.exact === undefined || ctx.precisionBits < RATIONAL_LOG_MIN_BITS) return false;
  const enc = logRationalFixed(x.exact, ctx.precisionBits, (p, scale) => primeLog(ctx.arena, p, scale));
  if (enc === undefined) return false;
  ctx.arena.setScaled(out.lo, enc.lo, -enc.scale, RNDD);
  ctx.arena.setScaled(out.hi, enc.hi, -enc.scale, RNDU);
  return true;
}

/**
 * log on a narrow [lo, hi], 0 < lo: one logarithm instead of two. Concavity gives
 * log(hi) <= log(lo) + (hi - lo)/lo, so log(lo) rounded up plus the relative gap, rounded up, is an upper
 * end at most an ulp or two above log(hi)'s; at 1000 digits a logarithm is most of an evaluation.
 */
function narrowLog(ctx: IntervalContext, out: { lo: MpfrPtr; hi: MpfrPtr }, x: MpfrInterval): boolean {
  const w = narrowGap(ctx, x, true);
  if (w === undefined) return false;
  roundedPair(ctx, out.lo, x.lo, out.hi, x.lo, ctx.b.mpfr_log); // log(lo), both roundings, one call
  ctx.b.mpfr_add(out.hi, out.hi, w, RNDU);
  return true;
}

export function expInterval(ctx: IntervalContext, x: MpfrInterval): MpfrInterval {
  const b = ctx.b;
  const out = fresh(ctx);
  combineFlags(out, x);
  if (!narrowExp(ctx, out, x)) roundedPair(ctx, out.lo, x.lo, out.hi, x.hi, b.mpfr_exp);
  return done(ctx, out);
}

/**
 * exp on a narrow [lo, hi]: one exponential instead of two, since
 * exp(hi) = exp(lo) e^(hi - lo) <= exp(lo)(1 + 2(hi - lo)) for any width at most 1.
 */
function narrowExp(ctx: IntervalContext, out: { lo: MpfrPtr; hi: MpfrPtr }, x: MpfrInterval): boolean {
  const w = narrowGap(ctx, x, false);
  if (w === undefined) return false;
  const b = ctx.b;
  roundedPair(ctx, out.lo, x.lo, out.hi, x.lo, b.mpfr_exp); // exp(lo), both roundings, one call
  b.mpfr_mul_2si(w, w, 1, RNDU);
  b.mpfr_add_ui(w, w, 1, RNDU);
  b.mpfr_mul(out.hi, out.hi, w, RNDU);
  return true;
}

export function extremumInterval(ctx: IntervalContext, fn: 'min' | 'max', args: readonly MpfrInterval[]): MpfrInterval {
  const b = ctx.b;
  const out = fresh(ctx);
  combineFlags(out, ...args);
  const pick = fn === 'min' ? b.mpfr_min : b.mpfr_max;
  b.mpfr_set(out.lo, args[0]!.lo, RNDD);
  b.mpfr_set(out.hi, args[0]!.hi, RNDU);
  for (let i = 1; i < args.length; i++) {
    pick(out.lo, out.lo, args[i]!.lo, RNDD);
    pick(out.hi, out.hi, args[i]!.hi, RNDU);
  }
  let exact: Rational | undefined;
  if (args.every((a) => a.exact !== undefined)) {
    exact = args[0]!.exact!;
    for (const a of args) exact = fn === 'min' ? exact.min(a.exact!) : exact.max(a.exact!);
  }
  return done(ctx, out, exact);
}

/** ceil and floor: monotone step functions; endpoints become exact integers (rounded outward if huge). */
export function stepInterval(ctx: IntervalContext, fn: 'ceil' | 'floor', x: MpfrInterval): MpfrInterval {
  const b = ctx.b;
  const out = fresh(ctx);
  combineFlags(out, x);
  const f = fn === 'ceil' ? b.mpfr_rint_ceil : b.mpfr_rint_floor;
  f(out.lo, x.lo, RNDD);
  f(out.hi, x.hi, RNDU);
  const exact = x.exact !== undefined ? (fn === 'ceil' ? x.exact.ceil() : x.exact.floor()) : undefined;
  return done(ctx, out, exact);
}

export function absInterval(ctx: IntervalContext, x: MpfrInterval): MpfrInterval {
  const b = ctx.b;
  const out = fresh(ctx);
  combineFlags(out, x);
  if (b.mpfr_sgn(x.lo) >= 0) {
    b.mpfr_set(out.lo, x.lo, RNDD);
    b.mpfr_set(out.hi, x.hi, RNDU);
  } else if (b.mpfr_sgn(x.hi) <= 0) {
    b.mpfr_neg(out.lo, x.hi, RNDD);
    b.mpfr_neg(out.hi, x.lo, RNDU);
  } else {
    b.mpfr_set_zero(out.lo, 1);
    b.mpfr_neg(out.hi, x.lo, RNDU);
    b.mpfr_max(out.hi, out.hi, x.hi, RNDU);
  }
  return done(ctx, out, x.exact?.abs());
}

/** pos(x) = max(x, 0). */
export function positivePartInterval(ctx: IntervalContext, x: MpfrInterval): MpfrInterval {
  const b = ctx.b;
  const out = fresh(ctx);
  combineFlags(out, x);
  if (b.mpfr_sgn(x.lo) > 0) b.mpfr_set(out.lo, x.lo, RNDD);
  else b.mpfr_set_zero(out.lo, 1);
  if (b.mpfr_sgn(x.hi) > 0) b.mpfr_set(out.hi, x.hi, RNDU);
  else b.mpfr_set_zero(out.hi, 1);
  return done(ctx, out, x.exact?.max(Rational.ZERO));
}

/** The integers of [lo, hi] intersected with [min, +inf), as exact bigints (hi undefined when +inf). */
function integerRange(ctx: IntervalContext, x: MpfrInterval, min: bigint | undefined): { first: bigint; last: bigint | undefined } | undefined {
  const b = ctx.b;
  const t = ctx.take();
  let first: bigint;
  if (b.mpfr_inf_p(x.lo) !== 0) first = min ?? -(1n << 64n);
  else {
    b.mpfr_rint_ceil(t, x.lo, RNDU); // ceil(lo), rounded up: no integer below it is in range
    first = ctx.arena.toRational(t)!.n;
  }
  if (min !== undefined && first < min) first = min;
  let last: bigint | undefined;
  if (b.mpfr_inf_p(x.hi) === 0) {
    b.mpfr_rint_floor(t, x.hi, RNDD);
    last = ctx.arena.toRational(t)!.n;
    if (last < first) return undefined;
  }
  return { first, last };
}

/** Is x exactly the single integer v? */
function isExactlyInteger(ctx: IntervalContext, x: MpfrInterval): boolean {
  const b = ctx.b;
  return b.mpfr_equal_p(x.lo, x.hi) !== 0 && b.mpfr_integer_p(x.lo) !== 0;
}

/** rop := Gamma(n + 1) = n! rounded in rnd, for an integer n >= 0 (Gamma increases on [2, inf)). */
function factorialRounded(ctx: IntervalContext, rop: MpfrPtr, n: bigint | undefined, rnd: number): void {
  const b = ctx.b;
  if (n === undefined) {
    b.mpfr_set_inf(rop, 1);
    return;
  }
  if (n <= 4_294_967_295n && n < 100_000n) {
    b.mpfr_fac_ui(rop, Number(n), rnd);
    return;
  }
  const t = ctx.take();
  ctx.arena.setRational(t, Rational.of(n + 1n), rnd);
  b.mpfr_gamma(rop, t, rnd);
}

export function factorialInterval(ctx: IntervalContext, node: Expr, x: MpfrInterval): MpfrInterval {
  const range = integerRange(ctx, x, 0n);
  if (!range) return emptyInterval(ctx, node);
  const out = fresh(ctx);
  combineFlags(out, x);
  if (!isExactlyInteger(ctx, x) || ctx.b.mpfr_sgn(x.lo) < 0) flagUndefined(out, node);
  factorialRounded(ctx, out.lo, range.first, RNDD);
  factorialRounded(ctx, out.hi, range.last, RNDU);
  return done(ctx, out);
}

const EXACT_BINOMIAL_LIMIT = 5000n;

/** C(n, k) rounded in rnd for integers 0 <= k <= n. */
function binomialRounded(ctx: IntervalContext, rop: MpfrPtr, n: bigint, k: bigint, rnd: number): void {
  const small = k < n - k ? k : n - k;
  if (small <= EXACT_BINOMIAL_LIMIT) {
    let r = 1n;
    for (let i = 1n; i <= small; i++) r = (r * (n - small + i)) / i;
    ctx.arena.setRational(rop, Rational.of(r), rnd);
    return;
  }
  // exp(lnGamma(n+1) - lnGamma(k+1) - lnGamma(n-k+1)); every argument >= 2, where lnGamma increases.
  const b = ctx.b;
  const other = rnd === RNDD ? RNDU : RNDD;
  const s = ctx.take();
  const t = ctx.take();
  const u = ctx.take();
  ctx.arena.setRational(t, Rational.of(n + 1n), rnd);
  b.mpfr_lngamma(s, t, rnd);
  ctx.arena.setRational(t, Rational.of(k + 1n), other);
  b.mpfr_lngamma(u, t, other);
  b.mpfr_sub(s, s, u, rnd);
  ctx.arena.setRational(t, Rational.of(n - k + 1n), other);
  b.mpfr_lngamma(u, t, other);
  b.mpfr_sub(s, s, u, rnd);
  b.mpfr_exp(rop, s, rnd);
}

/** binomial(n, k) for integers n >= 0 and k (0 outside 0..n): non-decreasing in n, unimodal in k. */
export function binomialInterval(ctx: IntervalContext, node: Expr, n: MpfrInterval, k: MpfrInterval): MpfrInterval {
  const b = ctx.b;
  const ns = integerRange(ctx, n, 0n);
  const ks = integerRange(ctx, k, undefined);
  if (!ns || !ks) return emptyInterval(ctx, node);
  const out = fresh(ctx);
  combineFlags(out, n, k);
  if (!isExactlyInteger(ctx, n) || !isExactlyInteger(ctx, k) || b.mpfr_sgn(n.lo) < 0) flagUndefined(out, node);
  const SAFE = 1n << 53n;
  const n1 = ns.first;
  const n2 = ns.last;
  const k1 = ks.first;
  const k2 = ks.last;
  if (n2 === undefined || k2 === undefined || n2 > SAFE || k1 < -SAFE || k2 > SAFE) {
    // Beyond the exact range: binomials are >= 0, and that is all we claim.
    b.mpfr_set_zero(out.lo, 1);
    b.mpfr_set_inf(out.hi, 1);
    return done(ctx, out);
  }
  // Upper bound: the largest n, and k as central as [k1, k2] allows.
  const kLo = k1 > 0n ? k1 : 0n;
  const kHi = k2 < n2 ? k2 : n2;
  if (kLo > kHi) {
    b.mpfr_set_zero(out.lo, 1);
    b.mpfr_set_zero(out.hi, 1);
    return done(ctx, out);
  }
  const centre = n2 / 2n;
  const kStar = centre < kLo ? kLo : centre > kHi ? kHi : centre;
  binomialRounded(ctx, out.hi, n2, kStar, RNDU);
  // Lower bound: 0 if some k falls outside 0..n, else the smallest n and the extreme k.
  if (k1 < 0n || k2 > n1) b.mpfr_set_zero(out.lo, 1);
  else {
    const t = ctx.take();
    binomialRounded(ctx, out.lo, n1, k1, RNDD);
    binomialRounded(ctx, t, n1, k2, RNDD);
    b.mpfr_min(out.lo, out.lo, t, RNDD);
  }
  return done(ctx, out);
}
