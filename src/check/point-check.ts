// Certified comparison of the two sides of a step at one point: exact rational arithmetic where the
// values are rational, otherwise outward-rounded MPFR enclosures at rising precision. A violation is
// reported only when the enclosures separate, so every counterexample is a proof of failure.

import { exactValue } from '../expr/exact.js';
import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { IntervalEvaluator, type RationalInterval } from '../numeric/interval.js';
import { loadMpfr } from '../numeric/mpfr.js';
import type { Counterexample } from './step.js';

export type Point = ReadonlyMap<string, Rational>;

export interface SideValue {
  readonly lo: Rational;
  readonly hi: Rational;
}

export type PointComparison =
  | { readonly kind: 'undefined' }
  | { readonly kind: 'value'; readonly lhs: SideValue; readonly rhs: SideValue; readonly precision: number | 'exact' };

export type PointVerdict = 'holds' | 'violated' | 'unclear' | 'undefined';

const evaluators = new Map<number, IntervalEvaluator>();

async function evaluatorFor(bits: number): Promise<IntervalEvaluator> {
  const hit = evaluators.get(bits);
  if (hit) return hit;
  const mpfr = await loadMpfr();
  const ev = new IntervalEvaluator(bits, mpfr);
  evaluators.set(bits, ev);
  return ev;
}

/** Frees the checker's MPFR evaluators (rebuilt on demand). */
export function releaseCheckEvaluators(): void {
  for (const ev of evaluators.values()) ev.destroy();
  evaluators.clear();
}

function pointBox(point: Point): Map<string, RationalInterval> {
  return new Map([...point].map(([k, v]) => [k, { lo: v, hi: v }]));
}

function exactAt(e: Expr, point: Point): Rational | 'undefined' | undefined {
  try {
    const r = exactValue(e, point);
    if (!r.ok) return 'undefined';
    return r.value.kind === 'rational' ? r.value.value : undefined;
  } catch {
    return undefined;
  }
}

/** Encloses one side at the point; undefined when it is (or may be) undefined there. */
async function enclosePoint(e: Expr, point: Point, bits: number): Promise<SideValue | 'undefined' | 'unbounded'> {
  const ev = await evaluatorFor(bits);
  const r = ev.enclose(e, pointBox(point));
  if (r.kind === 'unsupported' || r.kind === 'empty') return 'undefined';
  if (r.undefinedPossible) return 'undefined';
  if (r.kind !== 'bounded') return 'unbounded';
  return { lo: r.lo, hi: r.hi };
}

/** The verdict of `lhs rel rhs` from enclosures of both sides. */
export function judge(rel: '=' | '<=' | '<', lhs: SideValue, rhs: SideValue, exact: boolean, relTol: Rational): PointVerdict {
  switch (rel) {
    case '<=':
      if (lhs.lo.compare(rhs.hi) > 0) return 'violated';
      if (lhs.hi.le(rhs.lo)) return 'holds';
      return 'unclear';
    case '<':
      if (lhs.lo.compare(rhs.hi) >= 0 && (exact || lhs.lo.compare(rhs.hi) > 0)) return 'violated';
      if (lhs.hi.lt(rhs.lo)) return 'holds';
      return 'unclear';
    case '=': {
      if (lhs.lo.compare(rhs.hi) > 0 || rhs.lo.compare(lhs.hi) > 0) return 'violated';
      if (exact) return 'holds';
      const spread = lhs.hi.max(rhs.hi).sub(lhs.lo.min(rhs.lo));
      const scale = [lhs.lo, lhs.hi, rhs.lo, rhs.hi].map((q) => q.abs()).reduce((a, b) => a.max(b)).max(Rational.ONE);
      return spread.le(relTol.mul(scale)) ? 'holds' : 'unclear';
    }
  }
}

/**
 * Compares the sides at the point, raising the precision from `digits` until the verdict is clear
 * (at most three doublings). 'holds' for '=' means agreement to about `digits - 10` digits.
 */
export async function comparePoint(lhs: Expr, rel: '=' | '<=' | '<', rhs: Expr, point: Point, digits: number): Promise<{ verdict: PointVerdict; comparison: PointComparison }> {
  const xl = exactAt(lhs, point);
  const xr = exactAt(rhs, point);
  if (xl === 'undefined' || xr === 'undefined') return { verdict: 'undefined', comparison: { kind: 'undefined' } };
  const tol = Rational.of(1n, 10n ** BigInt(Math.max(10, digits - 10)));
  if (xl !== undefined && xr !== undefined) {
    const comparison = { kind: 'value' as const, lhs: { lo: xl, hi: xl }, rhs: { lo: xr, hi: xr }, precision: 'exact' as const };
    return { verdict: judge(rel, comparison.lhs, comparison.rhs, true, tol), comparison };
  }
  const start = Math.ceil(digits * Math.log2(10)) + 32;
  let last: PointComparison = { kind: 'undefined' };
  for (let k = 0, bits = start; k <= 3; k++, bits *= 2) {
    const l = xl !== undefined ? { lo: xl, hi: xl } : await enclosePoint(lhs, point, bits);
    const r = xr !== undefined ? { lo: xr, hi: xr } : await enclosePoint(rhs, point, bits);
    if (l === 'undefined' || r === 'undefined') return { verdict: 'undefined', comparison: { kind: 'undefined' } };
    if (l === 'unbounded' || r === 'unbounded') continue;
    last = { kind: 'value', lhs: l, rhs: r, precision: bits };
    const v = judge(rel, l, r, false, tol);
    if (v !== 'unclear') return { verdict: v, comparison: last };
  }
  return { verdict: 'unclear', comparison: last };
}

export function counterexampleOf(point: Point, c: PointComparison): Counterexample | undefined {
  if (c.kind !== 'value') return undefined;
  return { point, lhs: c.lhs, rhs: c.rhs, precision: c.precision };
}

/** "x = 3/2, n = 7" */
export function pointText(point: Point): string {
  return [...point].map(([k, v]) => `${k} = ${v.toString()}`).join(', ');
}
