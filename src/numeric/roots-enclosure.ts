// The interval decisions behind roots, crossings, minima and integral enclosures: an enclosure of an
// expression in one variable over a rational interval, and sign decisions that raise the precision
// when an enclosure straddles zero and report (EB5104) instead of guessing when it still does.

import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import { formatDecimal } from './format.js';
import { IntervalEvaluator } from './interval.js';
import { loadMpfr, mpfrSync } from './mpfr.js';

/** A bounded enclosure with exact rational ends. */
export interface Enclosure {
  readonly lo: Rational;
  readonly hi: Rational;
}

/** Precision raised by doubling at most this many times when a decision is not yet certain. */
const MAX_DOUBLINGS = 3;

// One evaluator per precision, reused across calls (they recycle their registers after each call).
const evaluators = new Map<number, IntervalEvaluator>();

/** The evaluator at `bits`; MPFR must be loaded (the exported functions below await it once). */
function evaluatorFor(bits: number): IntervalEvaluator {
  const hit = evaluators.get(bits);
  if (hit) return hit;
  const mpfr = mpfrSync();
  if (evaluators.size >= 6) {
    const [oldest, ev] = evaluators.entries().next().value as [number, IntervalEvaluator];
    ev.destroy();
    evaluators.delete(oldest);
  }
  const ev = new IntervalEvaluator(bits, mpfr);
  evaluators.set(bits, ev);
  return ev;
}

/** Frees the cached interval evaluators (tests that measure WebAssembly memory call this). */
export function releaseEnclosureCache(): void {
  for (const ev of evaluators.values()) ev.destroy();
  evaluators.clear();
}

/** Encloses e(variable) for variable in [lo, hi]; EB5108 when unbounded or possibly undefined there. */
export async function encloseOver(e: Expr, variable: string, lo: Rational, hi: Rational, bits: number): Promise<Result<Enclosure>> {
  await loadMpfr();
  return encloseOverSync(e, variable, lo, hi, bits);
}

/** encloseOver once MPFR is loaded: the inner loops of root certificates, without a microtask per call. */
export function encloseOverSync(e: Expr, variable: string, lo: Rational, hi: Rational, bits: number): Result<Enclosure> {
  const ev = evaluatorFor(bits);
  const r = ev.enclose(e, new Map([[variable, { lo, hi }]]));
  // Only failures print the place (12 digits of a 3000-bit end cost more than a 200-bit enclosure).
  const where = () => (lo.equals(hi) ? `${variable} = ${formatDecimal(lo, 12)}` : `${variable} in [${formatDecimal(lo, 12)}, ${formatDecimal(hi, 12)}]`);
  if (r.kind === 'unsupported') return fail(error(r.reason === 'free-symbol' ? 'EB5004' : 'EB5108', `${r.message} (${where()})`));
  if (r.undefinedPossible) return fail(error('EB5001', `the expression may be undefined at ${where()}`));
  if (r.kind !== 'bounded') return fail(error('EB5108', `the enclosure is ${r.kind} at ${where()}`));
  return ok({ lo: r.lo, hi: r.hi });
}

/**
 * The sign of e at the point x, proven: +1 when the enclosure lies above 0, -1 below. Raises the
 * precision up to 2^MAX_DOUBLINGS times `bits` (not with `quiet`), then EB5104.
 */
export async function signAt(e: Expr, variable: string, x: Rational, bits: number, opts: { quiet?: boolean } = {}): Promise<Result<PointSign>> {
  await loadMpfr();
  return signAtSync(e, variable, x, bits, opts);
}

export interface PointSign {
  readonly sign: -1 | 1;
  readonly enclosure: Enclosure;
  readonly bits: number;
}

/** signAt once MPFR is loaded. */
export function signAtSync(e: Expr, variable: string, x: Rational, bits: number, opts: { quiet?: boolean } = {}): Result<PointSign> {
  const doublings = opts.quiet ? 0 : MAX_DOUBLINGS;
  let last: Enclosure | undefined;
  for (let k = 0, b = bits; k <= doublings; k++, b *= 2) {
    const r = encloseOverSync(e, variable, x, x, b);
    if (!r.ok) return r;
    last = r.value;
    if (r.value.lo.sign > 0) return ok({ sign: 1, enclosure: r.value, bits: b });
    if (r.value.hi.sign < 0) return ok({ sign: -1, enclosure: r.value, bits: b });
  }
  return fail(error('EB5104', `the sign at ${variable} = ${formatDecimal(x, 12)} is undecided: the enclosure [${formatDecimal(last!.lo, 6)}, ${formatDecimal(last!.hi, 6)}] contains 0 at ${bits << doublings} bits`));
}

/** Decides e(x) <= 0 (true) or e(x) > 0 (false), proven by an enclosure; EB5104 when undecidable. */
export async function atMostZeroAt(e: Expr, variable: string, x: Rational, bits: number): Promise<Result<{ atMost: boolean; enclosure: Enclosure; bits: number }>> {
  await loadMpfr();
  let last: Enclosure | undefined;
  for (let k = 0, b = bits; k <= MAX_DOUBLINGS; k++, b *= 2) {
    const r = encloseOverSync(e, variable, x, x, b);
    if (!r.ok) return r;
    last = r.value;
    if (r.value.hi.sign <= 0) return ok({ atMost: true, enclosure: r.value, bits: b });
    if (r.value.lo.sign > 0) return ok({ atMost: false, enclosure: r.value, bits: b });
  }
  return fail(error('EB5104', `cannot decide whether the value at ${variable} = ${formatDecimal(x, 12)} is <= 0: the enclosure [${formatDecimal(last!.lo, 6)}, ${formatDecimal(last!.hi, 6)}] contains 0 at ${bits << MAX_DOUBLINGS} bits`));
}
