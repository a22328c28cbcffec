// The MPFR interval value and the helpers every interval operator shares. Invariants of a non-empty
// interval: lo <= hi, neither is NaN, lo < +inf and hi > -inf; lo was rounded toward -inf and hi
// toward +inf, so the closed interval contains every value the expression takes where it is defined.

import type { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { RNDD, RNDU, type MpfrArena, type MpfrBinding, type MpfrPtr } from './mpfr.js';

export interface MpfrInterval {
  /** Lower endpoint (may be -inf). Meaningless when `empty`. */
  readonly lo: MpfrPtr;
  /** Upper endpoint (may be +inf). Meaningless when `empty`. */
  readonly hi: MpfrPtr;
  /** No point of the box gives a defined value. */
  readonly empty: boolean;
  /** Some point of the box may give an undefined value (log of <= 0, 0^-1, (-1)^(1/2), ...). */
  readonly undefinedPossible: boolean;
  /** The innermost subexpression first found (possibly) undefined. */
  readonly undefinedAt: Expr | undefined;
  /** The exact value when the interval is known to be this single rational (numbers, point inputs). */
  readonly exact: Rational | undefined;
}

/** Registers and flags for one node's result; operators fill lo and hi. */
export class IntervalBuilder {
  undefinedPossible = false;
  undefinedAt: Expr | undefined;
  constructor(
    readonly lo: MpfrPtr,
    readonly hi: MpfrPtr,
  ) {}
}

export interface IntervalContext {
  readonly b: MpfrBinding;
  readonly arena: MpfrArena;
  readonly precisionBits: number;
  /** A scratch register valid until the evaluation ends. */
  take(): MpfrPtr;
}

export function sgn(b: MpfrBinding, x: MpfrPtr): number {
  return b.mpfr_sgn(x);
}

export function isPosInf(b: MpfrBinding, x: MpfrPtr): boolean {
  return b.mpfr_inf_p(x) !== 0 && b.mpfr_sgn(x) > 0;
}

export function isNegInf(b: MpfrBinding, x: MpfrPtr): boolean {
  return b.mpfr_inf_p(x) !== 0 && b.mpfr_sgn(x) < 0;
}

/** A fresh result with both endpoints in new registers. */
export function fresh(ctx: IntervalContext): IntervalBuilder {
  return new IntervalBuilder(ctx.take(), ctx.take());
}

export function combineFlags(out: IntervalBuilder, ...args: readonly MpfrInterval[]): void {
  for (const a of args) {
    if (a.undefinedPossible) {
      out.undefinedPossible = true;
      out.undefinedAt ??= a.undefinedAt;
    }
  }
}

export function flagUndefined(out: IntervalBuilder, at: Expr): void {
  out.undefinedPossible = true;
  out.undefinedAt ??= at;
}

/** Seals a builder: repairs NaN endpoints by widening (never expected, but never trusted either). */
export function done(ctx: IntervalContext, out: IntervalBuilder, exact?: Rational): MpfrInterval {
  const b = ctx.b;
  if (exact !== undefined) {
    // A known exact value gives the tightest enclosure there is. One conversion: it is correctly
    // rounded, so rounded up it is the rounding down itself when exact, else the next float above.
    const ternary = ctx.arena.setRational(out.lo, exact, RNDD);
    b.mpfr_set(out.hi, out.lo, RNDU);
    if (ternary !== 0) b.mpfr_nextabove(out.hi);
  }
  if (b.mpfr_nan_p(out.lo) !== 0 || isPosInf(b, out.lo)) b.mpfr_set_inf(out.lo, -1);
  if (b.mpfr_nan_p(out.hi) !== 0 || isNegInf(b, out.hi)) b.mpfr_set_inf(out.hi, 1);
  // -0 is a fine endpoint, but normalise it so that sign tests read plainly.
  if (b.mpfr_zero_p(out.lo) !== 0) b.mpfr_set_zero(out.lo, 1);
  if (b.mpfr_zero_p(out.hi) !== 0) b.mpfr_set_zero(out.hi, 1);
  return { lo: out.lo, hi: out.hi, empty: false, undefinedPossible: out.undefinedPossible, undefinedAt: out.undefinedAt, exact };
}

/** The empty result: the expression is undefined at every point of the box. */
export function emptyInterval(ctx: IntervalContext, at: Expr | undefined): MpfrInterval {
  const lo = ctx.take();
  const hi = ctx.take();
  ctx.b.mpfr_set_inf(lo, 1);
  ctx.b.mpfr_set_inf(hi, -1);
  return { lo, hi, empty: true, undefinedPossible: true, undefinedAt: at, exact: undefined };
}

/** [q rounded down, q rounded up]. */
export function pointInterval(ctx: IntervalContext, q: Rational): MpfrInterval {
  return done(ctx, fresh(ctx), q);
}

/** Is the interval a single float that is an integer? */
export function isPointInteger(b: MpfrBinding, a: MpfrInterval): boolean {
  return !a.empty && b.mpfr_equal_p(a.lo, a.hi) !== 0 && b.mpfr_integer_p(a.lo) !== 0;
}

/** rop := x * y rounded in rnd, with 0 * inf = 0 (the closure convention of extended intervals). */
export function mulRounded(b: MpfrBinding, rop: MpfrPtr, x: MpfrPtr, y: MpfrPtr, rnd: number): void {
  b.mpfr_mul(rop, x, y, rnd);
  if (b.mpfr_nan_p(rop) !== 0) b.mpfr_set_zero(rop, 1);
}

/** A correctly rounded MPFR function of one argument, returning MPFR's ternary value. */
export type RoundedFn = (rop: MpfrPtr, op: MpfrPtr, rnd: number) => number;

/**
 * outLo := f(argLo) rounded down, outHi := f(argHi) rounded up. When both arguments are the same float
 * one call suffices: f is correctly rounded, so the upward rounding of an inexact result is the float
 * next above the downward one, and MPFR's ternary value (0 iff exact) says which case holds.
 */
export function roundedPair(ctx: IntervalContext, outLo: MpfrPtr, argLo: MpfrPtr, outHi: MpfrPtr, argHi: MpfrPtr, f: RoundedFn): void {
  const b = ctx.b;
  if (argLo === argHi || b.mpfr_equal_p(argLo, argHi) !== 0) {
    const ternary = f(outLo, argLo, RNDD);
    b.mpfr_set(outHi, outLo, RNDU); // same precision: exact
    if (ternary !== 0) b.mpfr_nextabove(outHi);
    return;
  }
  f(outLo, argLo, RNDD);
  f(outHi, argHi, RNDU);
}

/**
 * For a narrow [lo, hi] (the enclosure of an inexact point, an ulp or two wide, not a prover's box): an
 * upper bound w >= hi - lo, or with `relative`, w >= (hi - lo)/2^(e - 1) >= (hi - lo)/lo for lo > 0 of
 * binary exponent e; exact but for the subtraction rounded up. Undefined unless w < 2^-(precision/2).
 */
export function narrowGap(ctx: IntervalContext, x: MpfrInterval, relative: boolean): MpfrPtr | undefined {
  const b = ctx.b;
  if (b.mpfr_number_p(x.lo) === 0 || b.mpfr_number_p(x.hi) === 0 || b.mpfr_equal_p(x.lo, x.hi) !== 0) return undefined;
  const w = ctx.take();
  b.mpfr_sub(w, x.hi, x.lo, RNDU);
  if (relative) b.mpfr_mul_2si(w, w, 1 - b.mpfr_get_exp(x.lo), RNDU);
  return b.mpfr_get_exp(w) < -(ctx.precisionBits >> 1) ? w : undefined;
}

export { RNDD, RNDU };

/** Exact values are tracked only while they stay small (cheap to convert, cheap to combine). */
export const EXACT_BITS_LIMIT = 256;

export function smallExact(q: Rational | undefined): Rational | undefined {
  return q !== undefined && q.bits() <= EXACT_BITS_LIMIT ? q : undefined;
}
