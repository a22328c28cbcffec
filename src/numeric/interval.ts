// Sound interval enclosures of expressions over a box of rational intervals, with MPFR endpoints
// rounded outward. Results are a union (bounded, half-line, entire, empty) plus definedness flags.

import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { addIntervals, mulIntervals, powInterval } from './interval-arith.js';
import { done, fresh, pointInterval, RNDD, RNDU, type IntervalContext, type MpfrInterval } from './interval-core.js';
import {
  absInterval,
  binomialInterval,
  expInterval,
  extremumInterval,
  factorialInterval,
  logInterval,
  positivePartInterval,
  stepInterval,
} from './interval-elementary.js';
import { loadMpfr, MpfrArena, mpfrSync, type Mpfr, type MpfrBinding, type MpfrPtr } from './mpfr.js';

export type { MpfrInterval } from './interval-core.js';

/** A closed box coordinate: lo <= hi; a point has lo = hi. */
export interface RationalInterval {
  readonly lo: Rational;
  readonly hi: Rational;
}

export interface Definedness {
  /** Some point of the box may make the expression undefined (log of <= 0, 0^-1, (-1)^(1/2), ...). */
  readonly undefinedPossible: boolean;
  /** Every point of the box makes it undefined (only with kind 'empty'). */
  readonly definitelyUndefined: boolean;
  /** The innermost subexpression found (possibly) undefined. */
  readonly undefinedAt?: Expr;
}

/**
 * The enclosure of the values the expression takes at the points of the box where it is defined.
 * Endpoints are exact rationals; a missing side is infinite.
 */
export type IntervalResult =
  | ({ readonly kind: 'bounded'; readonly lo: Rational; readonly hi: Rational } & Definedness)
  | ({ readonly kind: 'unbounded-above'; readonly lo: Rational } & Definedness)
  | ({ readonly kind: 'unbounded-below'; readonly hi: Rational } & Definedness)
  | ({ readonly kind: 'entire' } & Definedness)
  | ({ readonly kind: 'empty' } & Definedness)
  | {
      readonly kind: 'unsupported';
      readonly reason: 'binder' | 'infinity' | 'free-symbol' | 'empty-box';
      readonly node: Expr;
      readonly message: string;
    };

export type DefinedIntervalResult = Exclude<IntervalResult, { kind: 'unsupported' }>;

/** Endpoints beyond 2^±EXPONENT_CAP are widened (to infinity or 0) instead of becoming giant rationals. */
const EXPONENT_CAP = 1 << 22;
const MAX_SUM_TERMS = 10_000;

class Unsupported {
  constructor(
    readonly reason: 'binder' | 'infinity' | 'free-symbol' | 'empty-box',
    readonly node: Expr,
    readonly message: string,
  ) {}
}

/**
 * Encloses expressions at one precision, reusing one arena of MPFR registers across calls: the fast
 * path for many evaluations. destroy() frees all WebAssembly memory it holds.
 */
export class IntervalEvaluator implements IntervalContext {
  readonly arena: MpfrArena;
  readonly b: MpfrBinding;
  private piCache: MpfrInterval | undefined;
  private readonly numCache = new Map<Expr, MpfrInterval>();

  constructor(
    readonly precisionBits: number,
    mpfr: Mpfr = mpfrSync(),
  ) {
    this.arena = new MpfrArena(mpfr, precisionBits);
    this.b = this.arena.b;
  }

  take(): MpfrPtr {
    return this.arena.take();
  }

  /** The enclosure as exact rationals; the registers are recycled before returning. */
  enclose(e: Expr, box: ReadonlyMap<string, RationalInterval>): IntervalResult {
    try {
      const r = this.encloseMpfr(e, box);
      if (r.kind === 'unsupported') return r;
      return this.toResult(r.value);
    } finally {
      this.arena.release();
    }
  }

  /**
   * The MPFR enclosure; its registers stay valid until the next enclose/encloseMpfr/release call.
   */
  encloseMpfr(
    e: Expr,
    box: ReadonlyMap<string, RationalInterval>,
  ): { kind: 'ok'; value: MpfrInterval } | Extract<IntervalResult, { kind: 'unsupported' }> {
    this.arena.release();
    const vars = new Map<string, MpfrInterval>();
    try {
      return { kind: 'ok', value: this.node(e, box, vars) };
    } catch (x) {
      if (x instanceof Unsupported) return { kind: 'unsupported', reason: x.reason, node: x.node, message: x.message };
      throw x;
    }
  }

  release(): void {
    this.arena.release();
  }

  destroy(): void {
    this.numCache.clear();
    this.piCache = undefined;
    this.arena.destroy();
  }

  private variable(name: string, node: Expr, box: ReadonlyMap<string, RationalInterval>, vars: Map<string, MpfrInterval>): MpfrInterval {
    const hit = vars.get(name);
    if (hit) return hit;
    const iv = box.get(name);
    if (!iv) throw new Unsupported('free-symbol', node, `the symbol ${name} has no value or range`);
    if (iv.hi.lt(iv.lo)) throw new Unsupported('empty-box', node, `the range of ${name} is empty (${iv.lo} > ${iv.hi})`);
    let r: MpfrInterval;
    if (iv.lo.equals(iv.hi)) r = pointInterval(this, iv.lo);
    else {
      const out = fresh(this);
      this.arena.setRational(out.lo, iv.lo, RNDD);
      this.arena.setRational(out.hi, iv.hi, RNDU);
      r = done(this, out);
    }
    vars.set(name, r);
    return r;
  }

  private permanentPoint(q: Rational): MpfrInterval {
    const lo = this.arena.takePermanent();
    const hi = this.arena.takePermanent();
    this.arena.setRational(lo, q, RNDD);
    this.arena.setRational(hi, q, RNDU);
    return { lo, hi, empty: false, undefinedPossible: false, undefinedAt: undefined, exact: q };
  }

  private node(e: Expr, box: ReadonlyMap<string, RationalInterval>, vars: Map<string, MpfrInterval>): MpfrInterval {
    const rec = (x: Expr) => this.node(x, box, vars);
    switch (e.kind) {
      case 'num': {
        const hit = this.numCache.get(e);
        if (hit) return hit;
        if (this.numCache.size < 4096) {
          const p = this.permanentPoint(e.value);
          this.numCache.set(e, p);
          return p;
        }
        return pointInterval(this, e.value);
      }
      case 'sym':
        return this.variable(e.name, e, box, vars);
      case 'const': {
        if (e.name === 'infinity') throw new Unsupported('infinity', e, 'infinity is not a number; it may appear only as a limit of an integral, a sum or a limit');
        if (!this.piCache) {
          const lo = this.arena.takePermanent();
          const hi = this.arena.takePermanent();
          this.b.mpfr_const_pi(lo, RNDD);
          this.b.mpfr_const_pi(hi, RNDU);
          this.piCache = { lo, hi, empty: false, undefinedPossible: false, undefinedAt: undefined, exact: undefined };
        }
        return this.piCache;
      }
      case 'add': {
        const args = e.terms.map(rec);
        const bad = args.find((a) => a.empty);
        return bad ?? addIntervals(this, args);
      }
      case 'mul': {
        const args = e.factors.map(rec);
        const bad = args.find((a) => a.empty);
        return bad ?? mulIntervals(this, args);
      }
      case 'pow':
        return powInterval(this, e, rec(e.base), rec(e.exponent));
      case 'apply': {
        const args = e.args.map(rec);
        const bad = args.find((a) => a.empty);
        if (bad) return bad;
        const a = args[0]!;
        switch (e.fn) {
          case 'log':
            return logInterval(this, e, a);
          case 'exp':
            return expInterval(this, a);
          case 'min':
          case 'max':
            return extremumInterval(this, e.fn, args);
          case 'ceil':
          case 'floor':
            return stepInterval(this, e.fn, a);
          case 'abs':
            return absInterval(this, a);
          case 'pos':
            return positivePartInterval(this, a);
          case 'factorial':
            return factorialInterval(this, e, a);
          case 'binomial':
            return binomialInterval(this, e, a, args[1]!);
        }
        break;
      }
      case 'sum':
        return this.sum(e, box, vars);
      case 'integral':
      case 'extremum':
      case 'limit':
        throw new Unsupported('binder', e, `${e.kind === 'extremum' ? e.which : e.kind === 'integral' ? 'an integral' : 'a limit'} is not supported by the interval evaluator (quadrature and extrema have their own engines)`);
    }
    throw new Error(`interval evaluator: unhandled node ${(e as Expr).kind}`);
  }

  /** A sum with exact integer bounds and at most MAX_SUM_TERMS terms, unrolled; anything else is refused. */
  private sum(e: Extract<Expr, { kind: 'sum' }>, box: ReadonlyMap<string, RationalInterval>, vars: Map<string, MpfrInterval>): MpfrInterval {
    const lo = this.node(e.lower, box, vars);
    const hi = this.node(e.upper, box, vars);
    if (lo.empty) return lo;
    if (hi.empty) return hi;
    if (!lo.exact?.isInteger() || !hi.exact?.isInteger() || hi.exact.n - lo.exact.n + 1n > BigInt(MAX_SUM_TERMS)) {
      throw new Unsupported('binder', e, `a sum is enclosed only with exact integer bounds and at most ${MAX_SUM_TERMS} terms`);
    }
    if (hi.exact.n < lo.exact.n) return pointInterval(this, Rational.ZERO);
    const saved = vars.get(e.index);
    const terms: MpfrInterval[] = [];
    try {
      for (let j = lo.exact.n; j <= hi.exact.n; j++) {
        vars.set(e.index, pointInterval(this, Rational.of(j)));
        const t = this.node(e.body, box, vars);
        if (t.empty) return t;
        terms.push(t);
      }
    } finally {
      if (saved) vars.set(e.index, saved);
      else vars.delete(e.index);
    }
    return terms.length === 1 ? terms[0]! : addIntervals(this, terms);
  }

  /** Exact rational endpoint, widened outward when its binary exponent is beyond ±EXPONENT_CAP. */
  private endpoint(x: MpfrPtr, side: 'lo' | 'hi'): Rational | undefined {
    const b = this.b;
    if (b.mpfr_inf_p(x) !== 0) return undefined;
    if (b.mpfr_zero_p(x) !== 0) return Rational.ZERO;
    const e = b.mpfr_get_exp(x);
    const s = b.mpfr_sgn(x);
    if (e > EXPONENT_CAP) {
      const big = Rational.of(1n << BigInt(EXPONENT_CAP));
      if (side === 'lo') return s > 0 ? big : undefined;
      return s > 0 ? undefined : big.neg();
    }
    if (e < -EXPONENT_CAP) {
      const tiny = Rational.of(1n, 1n << BigInt(EXPONENT_CAP));
      if (side === 'lo') return s > 0 ? Rational.ZERO : tiny.neg();
      return s > 0 ? tiny : Rational.ZERO;
    }
    return this.arena.toRational(x);
  }

  /** Converts an MPFR enclosure (from encloseMpfr) to exact rationals. */
  toResult(r: MpfrInterval): DefinedIntervalResult {
    const flags = { undefinedPossible: r.undefinedPossible, definitelyUndefined: r.empty, ...(r.undefinedAt ? { undefinedAt: r.undefinedAt } : {}) };
    if (r.empty) return { kind: 'empty', ...flags };
    const lo = this.endpoint(r.lo, 'lo');
    const hi = this.endpoint(r.hi, 'hi');
    if (lo && hi) return { kind: 'bounded', lo, hi, ...flags };
    if (lo) return { kind: 'unbounded-above', lo, ...flags };
    if (hi) return { kind: 'unbounded-below', hi, ...flags };
    return { kind: 'entire', ...flags };
  }
}

/**
 * Encloses e over the box at the given precision. Needs MPFR loaded (`await loadMpfr()`, or use
 * encloseAsync). Allocates and frees its own registers; for many calls use an IntervalEvaluator.
 */
export function enclose(e: Expr, box: ReadonlyMap<string, RationalInterval>, precisionBits: number): IntervalResult {
  const ev = new IntervalEvaluator(precisionBits);
  try {
    return ev.enclose(e, box);
  } finally {
    ev.destroy();
  }
}

export async function encloseAsync(e: Expr, box: ReadonlyMap<string, RationalInterval>, precisionBits: number): Promise<IntervalResult> {
  await loadMpfr();
  return enclose(e, box, precisionBits);
}

/** A point box coordinate. */
export function pointOf(q: Rational): RationalInterval {
  return { lo: q, hi: q };
}

/** Does the (defined) result contain q? */
export function intervalContains(r: IntervalResult, q: Rational): boolean {
  switch (r.kind) {
    case 'bounded':
      return r.lo.le(q) && q.le(r.hi);
    case 'unbounded-above':
      return r.lo.le(q);
    case 'unbounded-below':
      return q.le(r.hi);
    case 'entire':
      return true;
    case 'empty':
    case 'unsupported':
      return false;
  }
}
