// Evaluation of a closed expression to `digits` significant digits: exact when the value is rational,
// otherwise a Ziv loop on outward-rounded MPFR enclosures until both endpoints print the same digits.

import { error, fail, ok, warning, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { exactValue } from '../expr/exact.js';
import { Rational } from '../expr/rational.js';
import { freeSymbols } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { Approximation } from './api.js';
import { describeExpr } from './describe.js';
import { UNCERTAIN_SUFFIX } from './evaluate-decimal.js';
import { commonRounding, formatDecimal, formatDigits } from './format.js';
import { IntervalEvaluator, type RationalInterval } from './interval.js';
import { loadMpfr, MAX_PRECISION_BITS, mpfrSync } from './mpfr.js';

export { evaluateDecimalJs, evaluateDecimalTree, verifyDigits, significantDigits, UNCERTAIN_SUFFIX, DECIMAL_GUARD_DIGITS, type DecimalEvaluation } from './evaluate-decimal.js';

export interface EvaluateOptions {
  /** Significant decimal digits, 1..10000. */
  readonly digits: number;
  /** Ziv loop ceiling in bits (default: 8x the starting precision, at least 4096). */
  readonly maxPrecisionBits?: number;
}

export const MAX_DIGITS = 10_000;
const GUARD_BITS = 32;
const EMPTY_BOX: ReadonlyMap<string, RationalInterval> = new Map();

/** One evaluator per precision, kept for reuse (pi and number constants stay cached); a few at most. */
const evaluators = new Map<number, IntervalEvaluator>();
const MAX_EVALUATORS = 6;

function evaluatorFor(bits: number): IntervalEvaluator {
  const hit = evaluators.get(bits);
  if (hit) {
    evaluators.delete(bits);
    evaluators.set(bits, hit); // most recently used last
    return hit;
  }
  const ev = new IntervalEvaluator(bits, mpfrSync());
  evaluators.set(bits, ev);
  while (evaluators.size > MAX_EVALUATORS) {
    const [oldest, old] = evaluators.entries().next().value as [number, IntervalEvaluator];
    evaluators.delete(oldest);
    old.destroy();
  }
  return ev;
}

/** Frees the cached evaluators (WebAssembly memory); they are rebuilt on demand. */
export function releaseEvaluators(): void {
  for (const ev of evaluators.values()) ev.destroy();
  evaluators.clear();
}

/** EB5002 unless 1 <= digits <= MAX_DIGITS. */
function digitsOutOfRange(digits: number): Result<never> | undefined {
  return Number.isInteger(digits) && digits >= 1 && digits <= MAX_DIGITS ? undefined : fail(error('EB5002', `precision of ${digits} digits is out of range (1..${MAX_DIGITS})`));
}

type Prepared = { kind: 'done'; result: Result<Approximation> } | { kind: 'numeric'; expr: Expr };

/** Checks, then the exact path: everything that needs no MPFR. */
function prepare(e: Expr, env: ReadonlyMap<string, Rational>, digits: number): Prepared {
  const bad = digitsOutOfRange(digits);
  if (bad) return { kind: 'done', result: bad };
  const free = [...freeSymbols(e)].filter((s) => !env.has(s));
  if (free.length > 0) {
    return { kind: 'done', result: fail(error('EB5004', `no value for ${free.length === 1 ? 'the symbol' : 'the symbols'} ${free.join(', ')}`)) };
  }
  const ex = exactValue(e, env);
  if (!ex.ok) return { kind: 'done', result: fail(...ex.diagnostics.map((d) => error('EB5001', d.message))) };
  if (ex.value.kind === 'rational') {
    const q = ex.value.value;
    return { kind: 'done', result: ok({ text: formatDecimal(q, digits), lower: q, upper: q, exact: q, correctlyRounded: true }) };
  }
  return { kind: 'numeric', expr: ex.value.expr };
}

/** One enclosure at one precision: certified digits, a final failure, or a reason to retry higher. */
type Step =
  | { kind: 'certified'; value: Approximation }
  | { kind: 'failed'; result: Result<Approximation> }
  | { kind: 'undefined'; result: Result<Approximation> }
  | { kind: 'straddles'; lo: Rational; hi: Rational }
  | { kind: 'doubtful'; diagnostic: Diagnostic };

function step(expr: Expr, box: ReadonlyMap<string, RationalInterval>, bits: number, digits: number): Step {
  const r = evaluatorFor(bits).enclose(expr, box);
  switch (r.kind) {
    case 'unsupported':
      return { kind: 'failed', result: fail(error(r.reason === 'free-symbol' ? 'EB5004' : 'EB5007', r.message)) };
    case 'empty':
      return { kind: 'undefined', result: fail(error('EB5001', `${r.undefinedAt ? describeExpr(r.undefinedAt) : 'the expression'} is undefined at this point`)) };
    case 'entire':
    case 'unbounded-above':
    case 'unbounded-below':
      if (!r.undefinedPossible) return { kind: 'failed', result: fail(error('EB5008', `the value of ${describeExpr(expr)} overflows the floating-point range`)) };
      break;
    case 'bounded':
      if (r.undefinedPossible) break;
      {
        const a = commonRounding(r.lo, r.hi, digits);
        if (a) return { kind: 'certified', value: { text: formatDigits(a), lower: r.lo, upper: r.hi, correctlyRounded: true } };
      }
      return { kind: 'straddles', lo: r.lo, hi: r.hi };
  }
  return {
    kind: 'doubtful',
    diagnostic: error('EB5003', `could not certify that ${r.undefinedAt ? describeExpr(r.undefinedAt) : 'the expression'} is defined at this point (an argument is too close to a domain boundary) at ${bits} bits`),
  };
}

/** The Ziv loop's first precision and its ceiling. */
function precisions(digits: number, maxBits: number | undefined): { start: number; cap: number } {
  const start = Math.ceil(digits * Math.log2(10)) + GUARD_BITS;
  const cap = Math.min(MAX_PRECISION_BITS, maxBits ?? Math.max(8 * start, 4096));
  return { start: Math.min(start, cap), cap };
}

function ziv(expr: Expr, digits: number, maxBits: number | undefined, box: ReadonlyMap<string, RationalInterval> = EMPTY_BOX): Result<Approximation> {
  const { start, cap } = precisions(digits, maxBits);
  let bits = start;
  let last: { lo: Rational; hi: Rational } | undefined;
  let doubtful: Diagnostic | undefined;
  for (;;) {
    const r = step(expr, box, bits, digits);
    if (r.kind === 'certified') return ok(r.value);
    if (r.kind === 'failed' || r.kind === 'undefined') return r.result;
    if (r.kind === 'straddles') last = { lo: r.lo, hi: r.hi };
    else doubtful = r.diagnostic;
    if (bits >= cap) break;
    bits = Math.min(cap, bits * 2);
  }
  if (!last) return fail(doubtful ?? error('EB5003', `no enclosure within ${cap} bits`));
  return ok(uncertain(last.lo, last.hi, digits), [
    warning('EB5003', `the last digit of ${digits} is not certified: the enclosure at ${cap} bits still straddles a rounding boundary`),
  ]);
}

/** The best text when the loop hit its ceiling: the midpoint's digits (or 0), marked uncertain. */
function uncertain(lo: Rational, hi: Rational, digits: number): Approximation {
  const containsZero = lo.sign <= 0 && hi.sign >= 0;
  const text = containsZero ? '0' : formatDecimal(lo.add(hi).mul(Rational.HALF), digits);
  return { text: text + UNCERTAIN_SUFFIX, lower: lo, upper: hi, correctlyRounded: false };
}

/**
 * Substituting a point re-canonicalises, which may cancel an undefined part (0*log(1 - sqrt(2)) is 0).
 * So the tree as written is enclosed over the point first: undefined anywhere in it means undefined.
 */
function definedAsWritten(e: Expr, env: ReadonlyMap<string, Rational>, digits: number): Result<true> {
  const box = pointBox(env);
  let bits = Math.max(64, Math.ceil(digits * Math.log2(10)) + GUARD_BITS);
  for (let i = 0; i < 4; i++, bits *= 4) {
    // Only the definedness flags are read: the endpoints are never converted to rationals.
    const ev = evaluatorFor(bits);
    const r = ev.encloseMpfr(e, box);
    ev.release();
    if (r.kind === 'unsupported') return ok(true); // binders: their bodies are checked where they are evaluated
    const v = r.value;
    if (v.empty) return fail(error('EB5001', `${v.undefinedAt ? describeExpr(v.undefinedAt) : 'the expression'} is undefined at this point`));
    if (!v.undefinedPossible) return ok(true);
  }
  return fail(error('EB5003', `could not certify that ${describeExpr(e)} is defined at this point (an argument is too close to a domain boundary)`));
}

/** Evaluates e at env to `digits` significant digits (loads MPFR only if a numeric value is needed). */
export async function evaluate(e: Expr, env: ReadonlyMap<string, Rational>, opts: EvaluateOptions): Promise<Result<Approximation>> {
  const p = prepare(e, env, opts.digits);
  if (p.kind === 'done' && !p.result.ok) return p.result;
  await loadMpfr();
  return finish(e, env, p, opts);
}

/**
 * The digits that every value of e over a box of rational intervals shares (a verified root's bracket,
 * say): certified when the whole enclosure rounds alike, else the midpoint's digits marked uncertain
 * with EB5003, as the Ziv loop's ceiling gives. No exact path: over a box there is no single value.
 */
export async function evaluateOver(e: Expr, box: ReadonlyMap<string, RationalInterval>, opts: EvaluateOptions): Promise<Result<Approximation>> {
  const bad = digitsOutOfRange(opts.digits);
  if (bad) return bad;
  await loadMpfr();
  return ziv(e, opts.digits, opts.maxPrecisionBits, box);
}

/** The same, synchronously; needs `await loadMpfr()` first. */
export function evaluateSync(e: Expr, env: ReadonlyMap<string, Rational>, opts: EvaluateOptions): Result<Approximation> {
  const p = prepare(e, env, opts.digits);
  if (p.kind === 'done' && !p.result.ok) return p.result;
  return finish(e, env, p, opts);
}

function finish(e: Expr, env: ReadonlyMap<string, Rational>, p: Prepared, opts: EvaluateOptions): Result<Approximation> {
  if (p.kind === 'numeric') {
    // Usually one enclosure of the tree as written, over the point, both proves it defined (which
    // substitution alone cannot: it may cancel an undefined part) and certifies every digit. Anything
    // else (a binder, a doubtful domain, digits on a rounding boundary) takes the two-step path below.
    const direct = step(e, pointBox(env), precisions(opts.digits, opts.maxPrecisionBits).start, opts.digits);
    if (direct.kind === 'certified') return ok(direct.value);
    if (direct.kind === 'undefined') return direct.result;
  }
  const defined = definedAsWritten(e, env, Math.min(opts.digits, 60));
  if (!defined.ok) return defined;
  return p.kind === 'done' ? p.result : ziv(p.expr, opts.digits, opts.maxPrecisionBits);
}

function pointBox(env: ReadonlyMap<string, Rational>): Map<string, RationalInterval> {
  return new Map([...env].map(([k, v]) => [k, { lo: v, hi: v }]));
}
