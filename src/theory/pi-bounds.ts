// Coverings of arcs and circles have jumps at irrational points (multiples of pi), which quadrature
// cannot locate. They are monotone in the arc length, so a bound evaluated with pi replaced by rational
// lower and upper bounds of pi encloses the exact-ceiling value: computed twice, the hull is reported.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import type { Rational } from '../expr/rational.js';
import { mapBottomUp } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { Context } from './context.js';
import type { Covering } from './covering.js';
import { encloseValue, type Enc } from './evaluate-bound.js';

export function containsPi(e: Expr): boolean {
  let found = false;
  mapBottomUp(e, (x) => {
    if (x.kind === 'const' && x.name === 'pi') found = true;
    return x;
  });
  return found;
}

function replacePi(e: Expr, p: Rational): Expr {
  return mapBottomUp(e, (x) => (x.kind === 'const' && x.name === 'pi' ? b.num(p) : x));
}

function coveringWithPi(c: Covering, p: Rational): Covering {
  return { ...c, expr: replacePi(c.expr, p) };
}

/** The context with pi replaced by p in both coverings. */
export function contextWithPi(ctx: Context, p: Rational): Context {
  return { ...ctx, coverX: coveringWithPi(ctx.coverX, p), coverG: coveringWithPi(ctx.coverG, p) };
}

/** Coverings whose value is non-decreasing in pi (arc lengths 2 pi/m, pi/m, 2 pi): cover.arc. */
export function monotoneInPi(c: Covering): boolean {
  return !containsPi(c.expr) || c.theorem === 'cover.arc';
}

export function needsPiBounds(ctx: Context): boolean {
  return containsPi(ctx.coverX.expr) || containsPi(ctx.coverG.expr);
}

/** Rational lo < pi < hi, certified, to about `digits` digits. */
export async function piBounds(digits: number): Promise<Result<{ lo: Rational; hi: Rational }>> {
  const v = await encloseValue(b.PI, new Map(), digits);
  if (!v.ok) return v;
  return ok({ lo: v.value.lo, hi: v.value.hi });
}

/**
 * Computes f at the contexts with pi replaced by its rational bounds and returns both results; the
 * quantity must be non-decreasing in pi (checked on the coverings).
 */
export async function withPiBounds<T>(ctx: Context, digits: number, f: (c: Context) => Promise<Result<T>>): Promise<Result<{ lo: T; hi: T }>> {
  if (!monotoneInPi(ctx.coverX) || !monotoneInPi(ctx.coverG))
    return fail(error('EB6026', 'a covering involves pi but is not known to be monotone in it, so its jumps cannot be enclosed'));
  const pi = await piBounds(digits + 30);
  if (!pi.ok) return pi;
  const lo = await f(contextWithPi(ctx, pi.value.lo));
  if (!lo.ok) return lo;
  const hi = await f(contextWithPi(ctx, pi.value.hi));
  if (!hi.ok) return hi;
  return ok({ lo: lo.value, hi: hi.value });
}

export function hull(a: Enc, c: Enc, method?: string): Enc {
  const lo = a.lo.min(c.lo);
  const hi = a.hi.max(c.hi);
  const same = a.exact !== undefined && c.exact !== undefined && a.exact.equals(c.exact);
  return { lo, hi, ...(same ? { exact: a.exact } : {}), certified: a.certified && c.certified, method: method ?? a.method };
}
