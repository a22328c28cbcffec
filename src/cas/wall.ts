// The wall: every CAS result is checked before it is accepted. First our own rewrite rules try to
// prove it (exact); otherwise both sides are evaluated by the injected numeric engine at random points
// of the declared domains (numerically verified: equal at k points, not a proof). A disagreement is a
// rejection (EB4001) naming the point and both values; points where a side is undefined are resampled.

import { error, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { Assumptions } from '../expr/domains.js';
import { Rational } from '../expr/rational.js';
import { provablyZero } from '../expr/rewrite.js';
import { freeSymbols, substitute } from '../expr/traverse.js';
import { equals, type Expr } from '../expr/types.js';
import { derivative } from './derivative.js';
import type { Check, CheckMethod, Domain, Enclosure, PointEvaluator, Witness } from './outcome.js';
import { decimalText, samplePoint, seededRandom } from './sampling.js';

export interface WallSettings {
  readonly evaluate: PointEvaluator;
  readonly domains: ReadonlyMap<string, Domain>;
  readonly points: number;
  readonly digits: number;
  readonly seed: number;
}

export const DEFAULT_POINTS = 16;
export const DEFAULT_DIGITS = 60;
export const DEFAULT_SEED = 0x5eed;

export function wallSettings(o: { evaluate: PointEvaluator; domains?: ReadonlyMap<string, Domain>; points?: number; digits?: number; seed?: number }): WallSettings {
  return {
    evaluate: o.evaluate,
    domains: o.domains ?? new Map(),
    points: Math.max(1, o.points ?? DEFAULT_POINTS),
    digits: Math.max(20, o.digits ?? DEFAULT_DIGITS),
    seed: o.seed ?? DEFAULT_SEED,
  };
}

export type Verdict = { readonly accepted: true; readonly exact: boolean; readonly check: Check } | { readonly accepted: false; readonly check: Check; readonly diagnostic: Diagnostic };

/** Relative agreement demanded: 10 digits fewer than the working precision (50 of 60). */
function tolerance(digits: number): Rational {
  return Rational.of(1n, 10n ** BigInt(digits - 10));
}

const absQ = (q: Rational) => q.abs();

/** The enclosures agree to relative tolerance `tol` (absolute when one of them contains zero). */
export function agree(x: Enclosure, y: Enclosure, tol: Rational): boolean {
  const hi = x.upper.max(y.upper);
  const lo = x.lower.min(y.lower);
  const spread = hi.sub(lo);
  const scale = [x.lower, x.upper, y.lower, y.upper].map(absQ).reduce((p, q) => p.max(q));
  if (scale.isZero()) return true;
  const containsZero = (e: Enclosure) => e.lower.sign <= 0 && e.upper.sign >= 0;
  const floor = containsZero(x) || containsZero(y) ? Rational.ONE : Rational.ZERO;
  return spread.le(tol.mul(scale.max(floor)));
}

export function enclosureText(e: Enclosure): string {
  const mid = e.lower.add(e.upper).mul(Rational.HALF);
  return decimalText(mid, 20);
}

export function pointText(point: ReadonlyMap<string, Rational>): string {
  return [...point].map(([k, v]) => `${k} = ${v.toString()}`).join(', ');
}

type PointVerdict = { readonly kind: 'agree' } | { readonly kind: 'undefined' } | { readonly kind: 'disagree'; readonly expected: string; readonly got: string };

/**
 * Samples points until `s.points` agree, one disagrees, or the budget of attempts (4x + 8) is spent
 * on points where a side is undefined.
 */
async function sampled(symbols: Iterable<string>, s: WallSettings, method: CheckMethod, what: string, atPoint: (p: Map<string, Rational>) => Promise<PointVerdict>): Promise<Verdict> {
  const rng = seededRandom(s.seed);
  const names = [...symbols];
  const budget = 4 * s.points + 8;
  let agreed = 0;
  let resampled = 0;
  const base = { method, digits: s.digits };
  for (let attempt = 0; attempt < budget && agreed < s.points; attempt++) {
    const point = samplePoint(names, s.domains, rng);
    const v = await atPoint(point);
    if (v.kind === 'agree') agreed++;
    else if (v.kind === 'undefined') resampled++;
    else {
      const witness: Witness = { point, expected: v.expected, got: v.got };
      const check: Check = { ...base, points: agreed, resampled, witness };
      const at = names.length > 0 ? `at ${pointText(point)}` : 'at the only point';
      return { accepted: false, check, diagnostic: error('EB4001', `${what} fails ${at}: expected ${v.expected}, got ${v.got}`) };
    }
    if (names.length === 0 && agreed > 0) break; // a constant: one evaluation decides
  }
  const check: Check = { ...base, points: agreed, resampled };
  if (agreed >= s.points || (names.length === 0 && agreed > 0)) return { accepted: true, exact: false, check };
  return { accepted: false, check, diagnostic: error('EB4001', `${what} could not be checked: both sides were defined at only ${agreed} of ${agreed + resampled} sampled points`) };
}

async function evaluateAt(s: WallSettings, e: Expr, point: ReadonlyMap<string, Rational>): Promise<Result<Enclosure>> {
  const env = new Map<string, Rational>();
  const free = freeSymbols(e);
  for (const [k, v] of point) if (free.has(k)) env.set(k, v);
  try {
    return await s.evaluate(e, env, s.digits);
  } catch {
    // An evaluator that throws is treated like an undefined value at this point.
    return { ok: false, diagnostics: [] };
  }
}

function proofBy(input: Expr, output: Expr, s: WallSettings): Verdict | undefined {
  const base = { digits: s.digits, points: 0, resampled: 0 };
  if (equals(input, output)) return { accepted: true, exact: true, check: { ...base, method: 'identical' } };
  const proof = provablyZero(b.sub(input, output), new Assumptions(s.domains));
  if (proof.proven) return { accepted: true, exact: true, check: { ...base, method: 'rewrite', rules: [...proof.rules] } };
  return undefined;
}

/** input = output: proven by our rules, or equal at s.points random points to 50 of 60 digits. */
export async function checkEquality(input: Expr, output: Expr, s: WallSettings, what = 'the CAS result'): Promise<Verdict> {
  const proven = proofBy(input, output, s);
  if (proven) return proven;
  const tol = tolerance(s.digits);
  const symbols = new Set([...freeSymbols(input), ...freeSymbols(output)]);
  return sampled(symbols, s, 'points', what, async (p) => {
    const x = await evaluateAt(s, input, p);
    const y = await evaluateAt(s, output, p);
    if (!x.ok || !y.ok) return { kind: 'undefined' };
    return agree(x.value, y.value, tol) ? { kind: 'agree' } : { kind: 'disagree', expected: enclosureText(x.value), got: enclosureText(y.value) };
  });
}

/** F is an antiderivative of f in `variable`: our derivative of F equals f (symbolically or at points). */
export async function checkAntiderivative(F: Expr, f: Expr, variable: string, s: WallSettings): Promise<Verdict> {
  const dF = derivative(F, variable);
  if (!dF.ok) {
    const check: Check = { method: 'derivative', points: 0, digits: s.digits, resampled: 0 };
    return { accepted: false, check, diagnostic: error('EB4001', `the antiderivative could not be checked: ${dF.diagnostics[0]?.message ?? 'no derivative'}`) };
  }
  const v = await checkEquality(f, dF.value, s, `the derivative of the antiderivative`);
  return { ...v, check: { ...v.check, method: v.check.method === 'points' ? 'derivative' : v.check.method } } as Verdict;
}

/** g(variable := root) = 0 to 50 digits relative to the size of g's terms there. */
export async function checkRoot(g: Expr, variable: string, root: Expr, s: WallSettings): Promise<Verdict> {
  const at = (e: Expr) => substitute(e, new Map([[variable, root]]));
  const value = at(g);
  const base = { digits: s.digits, points: 0, resampled: 0 };
  if (value.kind === 'num' && value.value.isZero()) return { accepted: true, exact: true, check: { ...base, method: 'identical' } };
  const proof = provablyZero(value, new Assumptions(s.domains));
  if (proof.proven) return { accepted: true, exact: true, check: { ...base, method: 'rewrite', rules: [...proof.rules] } };
  const terms = g.kind === 'add' ? g.terms.map(at) : [value];
  const tol = tolerance(s.digits);
  const symbols = new Set([...freeSymbols(g), ...freeSymbols(root)]);
  symbols.delete(variable);
  return sampled(symbols, s, 'substitution', 'the solution', async (p) => {
    const v = await evaluateAt(s, value, p);
    if (!v.ok) return { kind: 'undefined' };
    let scale = v.value.lower.abs().max(v.value.upper.abs());
    for (const t of terms) {
      const tv = await evaluateAt(s, t, p);
      if (!tv.ok) return { kind: 'undefined' };
      scale = scale.max(tv.value.lower.abs()).max(tv.value.upper.abs());
    }
    const residual = v.value.lower.abs().max(v.value.upper.abs());
    if (residual.le(tol.mul(scale))) return { kind: 'agree' };
    return { kind: 'disagree', expected: '0', got: `${enclosureText(v.value)} (terms of size ${decimalText(scale, 6)})` };
  });
}

const FAR = [10n, 20n, 40n];

/**
 * `limit` is the limit of body as variable -> to: along variable = 10^10, 10^20, 10^40 (or to + 10^-k)
 * the distance to the limit does not grow and ends below 10^-6 relative (absolute near zero).
 */
export async function checkLimit(body: Expr, variable: string, to: Expr, limit: Expr, s: WallSettings): Promise<Verdict> {
  const infinite = to.kind === 'const' && to.name === 'infinity';
  const approach = FAR.map((k) => (infinite ? b.num(10n ** k) : b.add(to, b.num(Rational.of(1n, 10n ** k)))));
  const symbols = new Set([...freeSymbols(body), ...freeSymbols(to), ...freeSymbols(limit)]);
  symbols.delete(variable);
  const settings = { ...s, points: Math.min(s.points, 8) };
  const loose = Rational.of(1n, 1_000_000n);
  return sampled(symbols, settings, 'asymptotic', 'the limit', async (p) => {
    const L = await evaluateAt(s, limit, p);
    if (!L.ok) return { kind: 'undefined' };
    const errors: Rational[] = [];
    let last: Enclosure | undefined;
    for (const x of approach) {
      const at = substitute(body, new Map([[variable, x]]));
      const v = await evaluateAt(s, at, p);
      if (!v.ok) return { kind: 'undefined' };
      last = v.value;
      const far = v.value.upper.sub(L.value.lower).abs().max(v.value.lower.sub(L.value.upper).abs());
      errors.push(far);
    }
    const scale = L.value.lower.abs().max(L.value.upper.abs()).max(Rational.ONE);
    const final = errors[errors.length - 1]!;
    if (final.le(loose.mul(scale)) && final.le(errors[0]!)) return { kind: 'agree' };
    return { kind: 'disagree', expected: enclosureText(L.value), got: `${enclosureText(last!)} at ${variable} = ${infinite ? "10^40" : "the last approach point"}` };
  });
}
