// Definite integrals of piecewise-smooth integrands to many digits: split at every jump and kink
// (jumps.ts), then per piece Gauss–Legendre of rising order, or tanh–sinh at endpoint singularities.
// The result is an estimate (two rules agree, or three converge geometrically), never a proof:
// correctlyRounded is false. Memory stays flat: each node, rule and piece releases its values. The rigorous
// counterpart for the prover is encloseIntegral in quadrature-enclosure.ts.

import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import type { Approximation, Field } from './api.js';
import { formatDecimal } from './format.js';
import { MAX_PIECES, pieces as splitPieces } from './jumps.js';
import { compileExpr } from './quadrature-expression.js';
import { gaussIntegrate } from './quadrature-gauss.js';
import { makeField, type Engine } from './quadrature-field.js';
import { tanhSinh } from './quadrature-tanh-sinh.js';

export interface QuadratureOptions {
  /** Significant digits wanted, 1..10000. */
  readonly digits: number;
  /** 'mpfr' (default) or 'decimal' (decimal.js, the independent check). */
  readonly engine?: Engine;
  readonly maxPieces?: number;
  /** Budget of integrand evaluations over all pieces (default 10^6). */
  readonly maxEvaluations?: number;
}

/**
 * A quadrature value. `text` is the value to the requested digits followed by QUADRATURE_SUFFIX;
 * `lower`/`upper` are value ∓ 10·errorEstimate: an estimated range, NOT a certified enclosure (use
 * encloseIntegral for that); hence correctlyRounded is always false.
 */
export interface QuadratureApproximation extends Approximation {
  /**
   * Sum over pieces of |difference of the last two rules| (for Gauss rules of order >= 320 converging
   * geometrically, that difference extrapolated: see extrapolatedError): an estimate, not a bound.
   */
  readonly errorEstimate: Rational;
  readonly value: Rational;
  readonly certified: false;
  readonly pieces: number;
  readonly evaluations: number;
  readonly engine: Engine;
}

/** Appended to every quadrature text: its digits come from an error estimate, not from an enclosure. */
export const QUADRATURE_SUFFIX = ' (quadrature estimate, not certified)';

/**
 * Gauss–Legendre orders tried per piece, doubling. A rule is accepted when it agrees with the previous
 * one (so order n settles about as many digits as order n/2 gets right) or, from order 320 on, when its
 * extrapolated error is small enough. More digits need higher orders: a rule costs O(n^2) products once
 * per precision (cached), far less than the tanh–sinh nodes it saves.
 */
function gaussOrders(digits: number): readonly number[] {
  const orders = [10, 20, 40, 80, 160];
  if (digits > 100) orders.push(320);
  if (digits > 250) orders.push(640);
  return orders;
}
const MAX_BISECTIONS = 4;

/** Rules of at least this order may be accepted on an extrapolated error (below that, only on agreement). */
const EXTRAPOLATE_FROM_ORDER = 320;

/**
 * The error of the last of three Gauss rules of doubling order, extrapolated from |I_n - I_{n/2}| = 10^D1
 * and |I_n - I_{n/4}| = 10^D2 as 10^(D1^2/D2) (Bailey, Borwein and Girgensohn; mpmath's quad does the
 * same): doubling the order doubles the digits of an integrand analytic around the piece. Only when the
 * differences show that doubling (D1 <= 1.5 D2 < 0); rounded up to a power of ten; else undefined.
 */
export function extrapolatedError<R>(F: Field<R>, d1: R, d2: R): Rational | undefined {
  if (F.isZero(d1) || F.isZero(d2) || !F.isFinite(d1) || !F.isFinite(d2)) return undefined;
  const D1 = log10Of(F, d1);
  const D2 = log10Of(F, d2);
  if (!(D2 < 0 && D1 <= 1.5 * D2)) return undefined;
  const k = Math.ceil((D1 * D1) / D2);
  return k >= 0 ? Rational.of(10n ** BigInt(k)) : Rational.of(1n, 10n ** BigInt(-k));
}

/** log10 of a positive finite value to double precision, at any exponent (no underflow). */
function log10Of<R>(F: Field<R>, a: R): number {
  const [mantissa, exponent] = F.toDecimal(a, 17).split('e');
  return Math.log10(Number(mantissa)) + (exponent === undefined ? 0 : Number(exponent));
}

/** Working precision in bits for `digits` digits over `pieceCount` pieces. */
export function quadratureBits(digits: number, pieceCount: number): number {
  return Math.ceil((digits + 12 + Math.ceil(Math.log10(pieceCount + 1))) * Math.log2(10)) + 8;
}

/**
 * Quadratures ask for at most this many digits (EB5109 above). Time is the limit, not memory: values
 * are released per node, rule and piece, so WebAssembly memory stays at its initial 16 MiB at any digits.
 * Measured on the §6 integral ∫_{1/12}^1 sqrt(ceil(1/t)^4 log(1 + 4/t)) dt, one run each, on 2 shared
 * cores at load average 4.5-4.9 (bench/quadrature.mjs --sweep; bench/RESULTS.md): 100 digits 0.5 s,
 * 200 1.1 s, 300 1.5 s, 500 5.6 s, 1000 27 s, 1012 25 s, 1100 38 s, 1500 121 s (at load 6-7: 1100
 * 74 s, 1500 297 s). 1100 leaves room for a 1000-digit bound with its guard digits (1012).
 */
export const MAX_QUADRATURE_DIGITS = 1100;

/** ∫_a^b body d(variable), parameters from env, to `digits` significant digits (estimated). */
export async function integrate(
  body: Expr,
  variable: string,
  a: Rational,
  b: Rational,
  env: ReadonlyMap<string, Rational>,
  opts: QuadratureOptions,
): Promise<Result<QuadratureApproximation>> {
  const digits = opts.digits;
  if (!Number.isInteger(digits) || digits < 1 || digits > 10_000) return fail(error('EB5002', `precision of ${digits} digits is out of range`));
  if (digits > MAX_QUADRATURE_DIGITS) return fail(error('EB5109', `a quadrature to ${digits} digits was asked for; the limit is ${MAX_QUADRATURE_DIGITS}`));
  const engine = opts.engine ?? 'mpfr';
  if (a.equals(b)) {
    return ok({ text: '0', lower: Rational.ZERO, upper: Rational.ZERO, exact: Rational.ZERO, correctlyRounded: false, errorEstimate: Rational.ZERO, value: Rational.ZERO, certified: false, pieces: 0, evaluations: 0, engine });
  }
  const flip = b.lt(a);
  const lo = flip ? b : a;
  const hi = flip ? a : b;
  const split = splitPieces(body, variable, lo, hi, env, opts.maxPieces ?? MAX_PIECES);
  if (!split.ok) return split;
  const compiled = [];
  for (const p of split.value) {
    const c = compileExpr(p.expr, variable);
    if (!c.ok) return c;
    compiled.push({ lo: p.lo, hi: p.hi, f: c.value });
  }
  const bits = quadratureBits(digits, compiled.length);
  const F = await makeField(engine, bits);
  try {
    const r = integratePieces(F, compiled, digits, opts.maxEvaluations ?? 1_000_000);
    if (!r.ok) return r;
    const { value, errorEstimate, evaluations } = r.value;
    const v = flip ? value.neg() : value;
    // The estimate must leave the last printed digit well determined.
    if (!v.isZero() && errorEstimate.compare(v.abs().mul(Rational.of(1n, 10n ** BigInt(digits + 1)))) > 0) {
      return fail(error('EB5103', `the quadrature error estimate ${formatDecimal(errorEstimate, 3)} is too large for ${digits} digits of ${formatDecimal(v, 6)}`));
    }
    const spread = errorEstimate.mul(Rational.of(10));
    return ok({
      text: formatDecimal(v, digits) + QUADRATURE_SUFFIX,
      lower: v.sub(spread),
      upper: v.add(spread),
      correctlyRounded: false,
      errorEstimate,
      value: v,
      certified: false,
      pieces: compiled.length,
      evaluations,
      engine,
    });
  } finally {
    F.destroy();
  }
}

interface CompiledPiece {
  readonly lo: Rational;
  readonly hi: Rational;
  readonly f: { bind<R>(F: Field<R>): (x: R) => R };
}

/** Integrates compiled pieces in F; the sum and the summed error estimate as exact rationals. */
export function integratePieces<R>(
  F: Field<R>,
  pieces: readonly CompiledPiece[],
  digits: number,
  maxEvaluations: number,
): Result<{ value: Rational; errorEstimate: Rational; evaluations: number }> {
  // Memory stays bounded by releasing, after every rule, node and piece, the values not carried on.
  const start = F.mark();
  try {
    return integrateInField(F, pieces, digits, maxEvaluations);
  } finally {
    F.release(start);
  }
}

function integrateInField<R>(
  F: Field<R>,
  pieces: readonly CompiledPiece[],
  digits: number,
  maxEvaluations: number,
): Result<{ value: Rational; errorEstimate: Rational; evaluations: number }> {
  let evaluations = 0;
  const orders = gaussOrders(digits);
  const bound = pieces.map((p) => ({ lo: F.rational(p.lo), hi: F.rational(p.hi), f: p.f.bind(F) }));
  // Scale: a cheap first rule on every piece, so that tolerances are relative to the whole integral.
  const beforeScale = F.mark();
  let scale = F.rational(Rational.ZERO);
  for (const p of bound) {
    const g = gaussIntegrate(F, p.f, p.lo, p.hi, orders[0]!);
    evaluations += orders[0]!;
    if (F.isFinite(g)) scale = F.add(scale, F.abs(g));
    F.release(beforeScale, scale);
  }
  const rel = F.rational(Rational.of(1n, 10n ** BigInt(digits + 4)));
  const floorTol = F.div(F.mul(scale, rel), F.rational(Rational.of(Math.max(1, pieces.length))));
  const two = F.rational(Rational.TWO);
  const failure = (lo: R, hi: R) =>
    fail<{ value: Rational; errorEstimate: Rational; evaluations: number }>(
      error('EB5103', `quadrature did not converge on [${F.toDecimal(lo, 8)}, ${F.toDecimal(hi, 8)}] within the budget (${evaluations} evaluations)`),
    );

  /** The piece's value and error estimate; everything else it created is released before it returns. */
  const piece = (f: (x: R) => R, lo: R, hi: R, depth: number): { value: R; err: R } | undefined => {
    const m = F.mark();
    const done = (value: R, err: R) => {
      F.release(m, value, err);
      return { value, err };
    };
    // Gauss–Legendre of doubling order while the integrand is finite at the ends.
    const endsFinite = F.isFinite(f(lo)) && F.isFinite(f(hi));
    evaluations += 2;
    F.release(m);
    if (endsFinite) {
      let prev = gaussIntegrate(F, f, lo, hi, orders[0]!);
      let before: R | undefined;
      evaluations += orders[0]!;
      F.release(m, prev);
      for (let i = 1; i < orders.length && F.isFinite(prev); i++) {
        const cur = gaussIntegrate(F, f, lo, hi, orders[i]!);
        evaluations += orders[i]!;
        if (!F.isFinite(cur)) break;
        const diff = F.abs(F.sub(cur, prev));
        const tol = F.add(F.mul(F.abs(cur), rel), floorTol);
        if (F.cmp(diff, tol) <= 0) return done(cur, diff);
        if (before !== undefined && orders[i]! >= EXTRAPOLATE_FROM_ORDER) {
          const e = extrapolatedError(F, diff, F.abs(F.sub(cur, before)));
          if (e !== undefined) {
            const eF = F.rational(e);
            if (F.cmp(eF, tol) <= 0) return done(cur, eF);
          }
        }
        before = prev;
        prev = cur;
        F.release(m, prev, before);
        if (evaluations > maxEvaluations) return undefined;
      }
      F.release(m);
    }
    // Endpoint singularity (or slow convergence): tanh–sinh.
    const ts = tanhSinh(F, f, lo, hi, F.add(floorTol, F.mul(F.abs(scale), rel)), {
      maxEvaluations: Math.max(0, maxEvaluations - evaluations),
      maxLevels: Math.ceil(Math.log2(digits + 10)) + 5,
    });
    evaluations += ts.evaluations;
    if (ts.converged) return done(ts.value, ts.errorEstimate);
    F.release(m);
    if (depth >= MAX_BISECTIONS || evaluations > maxEvaluations) return undefined;
    const mid = F.div(F.add(lo, hi), two);
    const left = piece(f, lo, mid, depth + 1);
    if (!left) return undefined;
    const right = piece(f, mid, hi, depth + 1);
    if (!right) return undefined;
    return done(F.add(left.value, right.value), F.add(left.err, right.err));
  };

  const beforePieces = F.mark();
  let total = F.rational(Rational.ZERO);
  let err = F.rational(Rational.ZERO);
  for (const p of bound) {
    const r = piece(p.f, p.lo, p.hi, 0);
    if (!r) return failure(p.lo, p.hi);
    total = F.add(total, r.value);
    err = F.add(err, r.err);
    F.release(beforePieces, total, err);
  }
  if (!F.isFinite(total)) return fail(error('EB5001', 'the integrand is undefined or infinite on part of the interval'));
  return ok({ value: F.toRational(total), errorEstimate: F.toRational(err), evaluations });
}
