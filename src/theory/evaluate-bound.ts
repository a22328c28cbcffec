// The theory model's one door to the numeric engine: closed forms, the Dudley cut-off and integral,
// fixed points and minima, combined in exact rational interval arithmetic so no digit is guessed.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { exactValue } from '../expr/exact.js';
import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import type { Approximation } from '../numeric/api.js';
import { dudleyCrossing } from '../numeric/crossing.js';
import { evaluate } from '../numeric/evaluate.js';
import { formatDecimal, roundToDigits } from '../numeric/format.js';
import { integrate } from '../numeric/quadrature.js';
import { analyse, freezeSteps, pieces } from '../numeric/jumps.js';
import { minimise } from '../numeric/minimise.js';
import { signAt } from '../numeric/roots-enclosure.js';
import { findRoot } from '../numeric/roots.js';

/** A real number known to lie in [lo, hi]; `certified` when that is proven, not estimated. */
export interface Enc {
  readonly lo: Rational;
  readonly hi: Rational;
  readonly exact?: Rational;
  readonly certified: boolean;
  readonly method: string;
}

const GUARD = 12;

export function point(q: Rational, method = 'exact'): Enc {
  return { lo: q, hi: q, exact: q, certified: true, method };
}

function fromApproximation(a: Approximation, certified: boolean, method: string): Enc {
  return a.exact !== undefined ? point(a.exact, method) : { lo: a.lower, hi: a.upper, certified, method };
}

function methods(...xs: Enc[]): string {
  return [...new Set(xs.map((x) => x.method))].join(' + ');
}

export function addEnc(...xs: Enc[]): Enc {
  const lo = xs.reduce((s, x) => s.add(x.lo), Rational.ZERO);
  const hi = xs.reduce((s, x) => s.add(x.hi), Rational.ZERO);
  const exact = xs.every((x) => x.exact !== undefined) ? lo : undefined;
  return { lo, hi, ...(exact ? { exact } : {}), certified: xs.every((x) => x.certified), method: methods(...xs) };
}

export function scaleEnc(c: Rational, x: Enc): Enc {
  const [lo, hi] = c.sign >= 0 ? [x.lo.mul(c), x.hi.mul(c)] : [x.hi.mul(c), x.lo.mul(c)];
  return { lo, hi, ...(x.exact ? { exact: x.exact.mul(c) } : {}), certified: x.certified, method: x.method };
}

/** Product of two enclosures (any signs). */
export function mulEnc(x: Enc, y: Enc): Enc {
  const c = [x.lo.mul(y.lo), x.lo.mul(y.hi), x.hi.mul(y.lo), x.hi.mul(y.hi)];
  const lo = c.reduce((a, v) => a.min(v));
  const hi = c.reduce((a, v) => a.max(v));
  const exact = x.exact && y.exact ? x.exact.mul(y.exact) : undefined;
  return { lo, hi, ...(exact ? { exact } : {}), certified: x.certified && y.certified, method: methods(x, y) };
}

/** Quotient x/y for y enclosed away from 0; undefined otherwise. */
export function divEnc(x: Enc, y: Enc): Enc | undefined {
  if (y.lo.sign <= 0 && y.hi.sign >= 0) return undefined;
  return mulEnc(x, { lo: y.hi.inverse().min(y.lo.inverse()), hi: y.hi.inverse().max(y.lo.inverse()), ...(y.exact ? { exact: y.exact.inverse() } : {}), certified: y.certified, method: y.method });
}

export function minEnc(...xs: Enc[]): Enc {
  const lo = xs.reduce((a, x) => a.min(x.lo), xs[0]!.lo);
  const hi = xs.reduce((a, x) => a.min(x.hi), xs[0]!.hi);
  const exactAll = xs.every((x) => x.exact !== undefined);
  return { lo, hi, ...(exactAll ? { exact: lo } : {}), certified: xs.every((x) => x.certified), method: methods(...xs) };
}

function sameDigits(a: Rational, c: Rational, digits: number): boolean {
  const x = roundToDigits(a, digits);
  const y = roundToDigits(c, digits);
  return x.sign === y.sign && x.mantissa === y.mantissa && x.exponent === y.exponent;
}

/** The engine's Approximation of an enclosure at `digits` digits. */
export function approximationOf(x: Enc, digits: number): Approximation {
  if (x.exact !== undefined) return { text: formatDecimal(x.exact, digits), lower: x.exact, upper: x.exact, exact: x.exact, correctlyRounded: true };
  const mid = x.lo.add(x.hi).div(Rational.TWO);
  const determined = sameDigits(x.lo, x.hi, digits);
  return { text: formatDecimal(mid, digits), lower: x.lo, upper: x.hi, correctlyRounded: determined && x.certified };
}

/** Is x >= c decided? true / false, or undefined when the enclosure straddles c. */
export function atLeast(x: Enc, c: Rational): boolean | undefined {
  if (x.lo.compare(c) >= 0) return true;
  if (x.hi.lt(c)) return false;
  return undefined;
}

/** A closed-form constant (no free symbol after substituting env), enclosed to about `digits` digits. */
export async function encloseValue(e: Expr, env: ReadonlyMap<string, Rational>, digits: number): Promise<Result<Enc>> {
  const ex = exactValue(e, env);
  if (!ex.ok) return ex;
  if (ex.value.kind === 'rational') return ok(point(ex.value.value));
  const r = await evaluate(ex.value.expr, env, { digits: digits + GUARD });
  if (!r.ok) return r;
  return ok(fromApproximation(r.value, true, 'interval evaluation'));
}

/** ∫_lo^hi body dt by piecewise quadrature (split at every ceiling jump): an estimate, not a proof. */
export async function integralValue(body: Expr, variable: string, lo: Rational, hi: Rational, env: ReadonlyMap<string, Rational>, digits: number): Promise<Result<Enc & { pieces: number }>> {
  const r = await integrate(body, variable, lo, hi, env, { digits: digits + GUARD });
  if (!r.ok) return r;
  return ok({ lo: r.value.lower, hi: r.value.upper, certified: false, method: `Gauss–Legendre quadrature on ${r.value.pieces} pieces (error estimated)`, pieces: r.value.pieces });
}

export interface Cutoff {
  /** 'jump': alpha* is a rational jump point; 'root': inside a smooth piece; 'trivial': alpha* = B/2. */
  readonly kind: 'jump' | 'root' | 'trivial';
  /** The rational alpha at which the Dudley objective is evaluated (alpha* itself unless kind = 'root'). */
  readonly alpha: Rational;
  /** alpha* itself (exact for a jump point). */
  readonly alphaStar: Enc;
  /** For kind = 'root': alpha* in closed form in the piece's constants, checked inside the certified root bracket. */
  readonly closedForm?: Expr;
}

/** dudley.cutoff: alpha* = inf { alpha in (0, upper] : h(alpha) <= level }, by the engine's monotone search. */
export async function dudleyCutoff(h: Expr, variable: string, level: Expr, upper: Rational, env: ReadonlyMap<string, Rational>, digits: number): Promise<Result<Cutoff>> {
  const c = await dudleyCrossing(h, variable, level, upper, env, { digits: digits + GUARD });
  if (!c.ok) return c;
  const x = c.value;
  if (x.kind === 'jump') return ok({ kind: 'jump', alpha: x.alpha, alphaStar: point(x.alpha, 'monotone search over jump points') });
  if (x.kind === 'trivial') return ok({ kind: 'trivial', alpha: x.alpha, alphaStar: point(x.alpha, 'h > sqrt(n)/3 on (0, B/2)') });
  // Any alpha gives a valid bound; evaluate at a rational inside the certified root bracket.
  const enc = fromApproximation(x.root, true, 'verified root of the smooth piece');
  return ok({ kind: 'root', alpha: x.root.exact ?? enc.lo.add(enc.hi).div(Rational.TWO), alphaStar: enc, ...(x.closedForm ? { closedForm: x.closedForm } : {}) });
}

/** The value of the Dudley objective 4 alpha + (12/sqrt(n)) int_alpha^upper h at a rational alpha. */
export async function dudleyObjective(h: Expr, variable: string, alpha: Rational, upper: Rational, n: Expr, env: ReadonlyMap<string, Rational>, digits: number): Promise<Result<{ value: Enc; integral: Enc }>> {
  const integral = alpha.lt(upper) ? await integralValue(h, variable, alpha, upper, env, digits) : ok(point(Rational.ZERO));
  if (!integral.ok) return integral;
  const coeff = await encloseValue(b.div(b.num(12), b.sqrt(n)), env, digits);
  if (!coeff.ok) return coeff;
  return ok({ value: addEnc(point(alpha.mul(Rational.of(4))), mulEnc(coeff.value, integral.value)), integral: integral.value });
}

/** A root of f in (lo, hi), certified by a sign change. */
export async function rootValue(f: Expr, variable: string, lo: Rational, hi: Rational, env: ReadonlyMap<string, Rational>, digits: number): Promise<Result<Enc>> {
  const r = await findRoot(f, variable, lo, hi, env, { digits: digits + GUARD });
  if (!r.ok) return r;
  return ok({ lo: r.value.lower, hi: r.value.upper, certified: true, method: 'verified root (sign change)' });
}

/** f(variable) at a rational point, enclosed. */
export async function valueAt(f: Expr, variable: string, at: Rational, env: ReadonlyMap<string, Rational>, digits: number): Promise<Result<Enc>> {
  return encloseValue(f, new Map([...env, [variable, at]]), digits);
}

/** The minimum of f over [lo, hi], certified as a local-minimum bracket by the engine (f convex there). */
export async function minimumValue(
  f: Expr,
  variable: string,
  lo: Rational,
  hi: Rational,
  env: ReadonlyMap<string, Rational>,
  digits: number,
): Promise<Result<{ value: Enc; argmin: Enc; atEndpoint: boolean }>> {
  const r = await minimise(f, variable, lo, hi, env, { digits: digits + GUARD });
  if (!r.ok) return r;
  return ok({
    value: fromApproximation(r.value.minimum, true, 'certified minimum (golden section, bracket proven by enclosures)'),
    argmin: fromApproximation(r.value.argmin, true, 'certified minimiser bracket'),
    atEndpoint: r.value.atEndpoint,
  });
}

/**
 * ∫_lo^hi min(f1, f2) dt for piecewise-smooth f1, f2 whose difference f1 - f2 is increasing on every
 * jump-free piece (the caller's guarantee; see gen.approx): on each piece the minimum is f1, f2, or f1
 * then f2 split at the verified root of f1 - f2. An estimate, like every quadrature here.
 */
export async function integralOfMin(f1: Expr, f2: Expr, variable: string, lo: Rational, hi: Rational, env: ReadonlyMap<string, Rational>, digits: number): Promise<Result<Enc>> {
  if (!lo.lt(hi)) return ok(point(Rational.ZERO));
  const split = pieces(b.add(f1, f2), variable, lo, hi, env);
  if (!split.ok) return split;
  const s1 = analyse(f1, variable, env);
  if (!s1.ok) return s1;
  const s2 = analyse(f2, variable, env);
  if (!s2.ok) return s2;
  const bits = Math.ceil((digits + GUARD) * Math.log2(10)) + 32;
  const parts: Enc[] = [];
  let count = 0;
  for (const p of split.value) {
    const g1 = freezeSteps(s1.value, p.lo, p.hi);
    const g2 = freezeSteps(s2.value, p.lo, p.hi);
    const diff = b.sub(g1, g2);
    const atLo = await signAt(diff, variable, p.lo, bits, { quiet: true });
    const atHi = await signAt(diff, variable, p.hi, bits, { quiet: true });
    // diff is increasing: negative at both ends (or undecided at hi only) -> f1; positive at lo -> f2.
    const sLo = atLo.ok ? atLo.value.sign : undefined;
    const sHi = atHi.ok ? atHi.value.sign : undefined;
    const segments: [Expr, Rational, Rational][] = [];
    if (sLo === 1 || (sLo === undefined && sHi === 1)) segments.push([g2, p.lo, p.hi]);
    else if (sHi === -1 || sHi === undefined) segments.push([g1, p.lo, p.hi]);
    else {
      const r = await findRoot(diff, variable, p.lo, p.hi, new Map(), { digits: digits + GUARD });
      if (!r.ok) return r;
      const cut = r.value.lower.add(r.value.upper).div(Rational.TWO);
      segments.push([g1, p.lo, cut], [g2, cut, p.hi]);
    }
    for (const [g, a, c] of segments) {
      const v = await integrate(g, variable, a, c, env, { digits: digits + GUARD });
      if (!v.ok) return v;
      parts.push({ lo: v.value.lower, hi: v.value.upper, certified: false, method: '' });
      count++;
    }
  }
  const total = addEnc(...parts);
  return ok({ ...total, certified: false, method: `Gauss–Legendre quadrature of the minimum on ${count} pieces (error estimated)` });
}

export function notComputed(what: string, why: Result<unknown>): ReturnType<typeof error> {
  if (!why.ok && why.diagnostics.length === 1 && why.diagnostics[0]!.code === 'EB6026') return why.diagnostics[0]!;
  // A reason that already says what was not computed is kept as it is, not wrapped again.
  const prefix = `${what} was not computed: `;
  const detail = why.ok ? '' : why.diagnostics.map((d) => `${d.code}: ${d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message}`).join('; ');
  return error('EB6026', `${prefix}${detail}`);
}

export function failNotComputed<T>(what: string, why: Result<unknown>): Result<T> {
  return fail(notComputed(what, why));
}
