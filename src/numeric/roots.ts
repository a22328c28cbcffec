// Verified roots of an expression in one variable: a Brent seed in doubles (or 96-bit MPFR) polished by
// Newton (or secant) with growing precision, else Brent at full precision; interval enclosures at the two ends of a
// final dyadic bracket prove the sign change. Wide positive brackets are first narrowed geometrically.

import { derivative } from '../expr/derivative.js';
import { Assumptions } from '../expr/domains.js';
import { bitLength, Rational } from '../expr/rational.js';
import { equals, type Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import type { Approximation, Field } from './api.js';
import { UNCERTAIN_SUFFIX } from './evaluate-decimal.js';
import { commonRounding, formatDecimal, formatDigits } from './format.js';
import { substituteParameters } from './jumps.js';
import { compileDual, type CompiledDual, type Dual } from './dual-expression.js';
import { compileExpr, type Compiled } from './quadrature-expression.js';
import { Float64Field } from './float64-field.js';
import { loadMpfr } from './mpfr.js';
import { makeField, makeFieldSync } from './quadrature-field.js';
import { signAt, signAtSync, type Enclosure, type PointSign } from './roots-enclosure.js';

export interface RootOptions {
  readonly digits: number;
  /** Budget of Brent and bisection steps (default 2000). */
  readonly maxIterations?: number;
  /** 'auto' (default): Newton or secant from a low-precision seed, Brent when they fail; 'brent': Brent only. */
  readonly method?: 'auto' | 'brent';
}

/** How the approximation inside the certified bracket was found (the certificate is the same for all). */
export type RootMethod = 'newton' | 'secant' | 'brent';

/** A root x with lower < x < upper, proven by f(lower) and f(upper) having opposite certified signs. */
export interface VerifiedRoot {
  readonly lower: Rational;
  readonly upper: Rational;
  readonly approximation: Approximation;
  /** Enclosures of f at lower and at upper (opposite strict signs). */
  readonly atLower: Enclosure;
  readonly atUpper: Enclosure;
  readonly iterations: number;
  readonly method: RootMethod;
}

/**
 * A root of f(variable) = 0 in (lo, hi), proven by certified opposite signs of f at the ends of the
 * returned bracket. EB5005 when f has the same certified sign at lo and hi and no root was proven.
 */
export async function findRoot(f: Expr, variable: string, lo: Rational, hi: Rational, env: ReadonlyMap<string, Rational>, opts: RootOptions): Promise<Result<VerifiedRoot>> {
  const digits = opts.digits;
  if (!Number.isInteger(digits) || digits < 1 || digits > 10_000) return fail(error('EB5002', `precision of ${digits} digits is out of range`));
  if (!lo.lt(hi)) return fail(error('EB5005', `empty bracket [${lo}, ${hi}]`));
  const sub = substitutedOf(f, variable, env);
  if (!sub.ok) return sub;
  const e = sub.value;
  const bits = Math.ceil((digits + 20) * Math.log2(10)) + 16;
  const auto = (opts.method ?? 'auto') === 'auto';
  const base = { e, variable, lo0: lo, hi0: hi, digits, bits, maxIterations: opts.maxIterations ?? 2000 };
  // The certificate proves a root on its own: with the end signs in doubles as the orientation, the
  // fast path needs the certified end signs only when its bracket reaches an end.
  const ends = new Map<'lo' | 'hi', Promise<Result<PointSign>>>();
  const end = (which: 'lo' | 'hi') => ends.get(which) ?? ends.set(which, endSign(e, variable, which === 'lo' ? lo : hi, bits)).get(which)!;
  const compiledFirst = compiledOf(e, variable, lo.sign >= 0);
  const guess = auto && compiledFirst.ok ? signsInDoubles(compiledFirst.value, lo, hi) : undefined;
  if (guess !== undefined && compiledFirst.ok) {
    await loadMpfr(); // the polish makes MPFR fields synchronously
    const fast = await polishedRoot({ ...base, signLo: guess, end }, compiledFirst.value);
    if (fast) return ok(fast);
  }
  const sLo = await end('lo');
  if (!sLo.ok) return sLo;
  const sHi = await end('hi');
  if (!sHi.ok) return sHi;
  if (sLo.value.sign === sHi.value.sign) {
    return fail(error('EB5005', `f has the same sign (${sLo.value.sign > 0 ? '+' : '-'}) at both ends of [${lo}, ${hi}]`));
  }
  const compiled = compiledFirst;
  if (!compiled.ok) return compiled;
  const task: Task = { ...base, signLo: sLo.value.sign, end };
  // The fast path again only if the doubles had the orientation wrong (or were not finite).
  if (auto && guess !== sLo.value.sign) {
    const fast = await polishedRoot(task, compiled.value);
    if (fast) return ok(fast);
  }
  const F = await makeField('mpfr', bits);
  try {
    return await brentRoot(task, F, compiled.value.bind(F));
  } finally {
    F.destroy();
  }
}

/** sign f(lo) when f(lo) and f(hi) are finite, non-zero and of opposite signs in doubles. */
function signsInDoubles(compiled: Compiled, lo: Rational, hi: Rational): -1 | 1 | undefined {
  const F = new Float64Field();
  const g = compiled.bind(F);
  const [a, b] = [g(F.rational(lo)), g(F.rational(hi))];
  if (!F.isFinite(a) || !F.isFinite(b) || F.isZero(a) || F.isZero(b)) return undefined;
  const zero = F.rational(Rational.ZERO);
  const sa = F.cmp(a, zero) < 0 ? -1 : 1;
  return sa !== (F.cmp(b, zero) < 0 ? -1 : 1) ? sa : undefined;
}

/** How many recent expressions findRoot keeps prepared: a table or a search asks for the same f again. */
const RECENT = 8;

/** The entry of `cache` that `matches`, else `make()`'s; the newest first, at most RECENT kept. */
function recent<T>(cache: T[], matches: (c: T) => boolean, make: () => T, evict?: (old: T) => void): T {
  const hit = cache.find(matches);
  if (hit) return hit;
  const entry = make();
  cache.unshift(entry);
  for (const old of cache.splice(RECENT)) evict?.(old);
  return entry;
}

/** f with the parameters' values substituted. */
const substitutedCache: { f: Expr; variable: string; env: [string, Rational][]; e: Result<Expr> }[] = [];

function substitutedOf(f: Expr, variable: string, env: ReadonlyMap<string, Rational>): Result<Expr> {
  return recent(
    substitutedCache,
    (c) => equals(c.f, f) && c.variable === variable && c.env.length === env.size && c.env.every(([k, v]) => env.get(k)?.equals(v) ?? false),
    () => ({ f, variable, env: [...env], e: substituteParameters(f, variable, env) }),
  ).e;
}

/** Precision of the first try at the bracket's end signs. */
const END_SIGN_BITS = 128;

/**
 * The sign at a bracket end needs few bits unless f nearly vanishes there: 128 bits first, and the
 * full precision (with signAt's doublings and diagnostics) only when that does not decide it.
 */
async function endSign(e: Expr, variable: string, x: Rational, bits: number): ReturnType<typeof signAt> {
  if (bits > END_SIGN_BITS) {
    const quick = await signAt(e, variable, x, END_SIGN_BITS, { quiet: true });
    if (quick.ok) return quick;
  }
  return signAt(e, variable, x, bits);
}

/** f and its derivative compiled, per (f, variable, sign domain). */
interface CompiledRoot {
  readonly e: Expr;
  readonly variable: string;
  readonly positive: boolean;
  readonly f: Result<Compiled>;
  /** The derivative, compiled on first use (null: none, Newton gives way to secant). */
  slope?: Compiled | null;
  /** f with its derivative in one pass, compiled on first use (null: a node it cannot differentiate). */
  dual?: CompiledDual | null;
  /** Polishing fields with f (and f') bound, newest first: binding converts every constant anew. */
  fields?: PolishField[];
}

interface PolishField {
  readonly bits: number;
  readonly G: Field<unknown>;
  readonly g: (x: unknown) => unknown;
  readonly fd: ((x: unknown) => Dual<unknown>) | undefined;
  readonly dg: ((x: unknown) => unknown) | undefined;
}

/** MPFR fields held for polishing, over all kept expressions (for the memory tests). */
export function polishFieldsKept(): number {
  return compiledCache.reduce((n, c) => n + (c.fields?.length ?? 0), 0);
}

/** Fields kept per expression: the precisions of one table or search, a few at most. */
const FIELDS_PER_EXPRESSION = 2;

/** The entry's polishing field at `bits`, made and bound on first use; the oldest beyond the limit are freed. */
function polishField(t: Task, compiled: Compiled, slope: Compiled | undefined): PolishField {
  const entry = compiledEntry(t.e, t.variable, t.lo0.sign >= 0);
  const fields = (entry.fields ??= []);
  const hit = fields.find((p) => p.bits === t.bits);
  if (hit) return hit;
  const G = makeFieldSync('mpfr', t.bits);
  // With a slope, f and f' in one pass (one logarithm where two compiled expressions take two).
  const fd = slope ? dualOf(t.e, t.variable, t.lo0.sign >= 0)?.bind(G) : undefined;
  const made: PolishField = { bits: t.bits, G, g: compiled.bind(G), fd, dg: fd ? undefined : slope?.bind(G) };
  fields.unshift(made);
  for (const old of fields.splice(FIELDS_PER_EXPRESSION)) old.G.destroy();
  return made;
}
const compiledCache: CompiledRoot[] = [];

function compiledEntry(e: Expr, variable: string, positive: boolean): CompiledRoot {
  return recent(
    compiledCache,
    (c) => c.variable === variable && c.positive === positive && equals(c.e, e),
    (): CompiledRoot => ({ e, variable, positive, f: compileExpr(e, variable) }),
    (old) => old.fields?.forEach((p) => p.G.destroy()),
  );
}

function compiledOf(e: Expr, variable: string, positive: boolean): Result<Compiled> {
  return compiledEntry(e, variable, positive).f;
}

function slopeOf(e: Expr, variable: string, positive: boolean): Compiled | undefined {
  const entry = compiledEntry(e, variable, positive);
  if (entry.slope === undefined) {
    const d = derivative(e, variable, positive ? Assumptions.positive : Assumptions.real);
    const c = d.ok ? compileExpr(d.value, variable) : undefined;
    entry.slope = c?.ok ? c.value : null;
  }
  return entry.slope ?? undefined;
}

function dualOf(e: Expr, variable: string, positive: boolean): CompiledDual | undefined {
  const entry = compiledEntry(e, variable, positive);
  if (entry.dual === undefined) entry.dual = compileDual(e, variable) ?? null;
  return entry.dual ?? undefined;
}

/** The problem: the bracket, the sign assumed at its lower end, its certified end signs on demand, the precision. */
interface Task {
  readonly e: Expr;
  readonly variable: string;
  readonly lo0: Rational;
  readonly hi0: Rational;
  /** The sign of f at lo0 that the search assumes (certified, or in doubles on the fast path). */
  readonly signLo: -1 | 1;
  /** The certified sign at an end of the bracket, computed once when first asked for. */
  readonly end: (which: 'lo' | 'hi') => Promise<Result<PointSign>>;
  readonly digits: number;
  readonly bits: number;
  readonly maxIterations: number;
}

/** Precision of the Brent seed that Newton or secant polish. */
const SEED_BITS = 96;
/** Bits trusted in the seed when choosing the first polishing precision (the seed aims at 46 or 70). */
const SEED_GOOD_BITS = 40;
/** Guard bits above the expected accuracy at each polishing step. */
const GUARD_BITS = 64;

/** Relative width target for `digits` digits: a few guard digits so that the ends usually round alike. */
function targetWidth(x: Rational, digits: number): Rational {
  const scale = x.isZero() ? Rational.of(1n, 10n ** 40n) : x.abs();
  return scale.mul(Rational.of(1n, 10n ** BigInt(digits + 3)));
}

/**
 * The fast path: Brent in doubles (at SEED_BITS of MPFR when that fails), then Newton steps (secant when the derivative is refused) at a
 * precision about twice (1.6 times) the bits already correct, up to the full precision; then the same
 * certification as Brent's. Undefined, so that Brent runs, when an iterate leaves the bracket, the steps
 * stop shrinking, a value is undefined, or the certificate fails.
 */
async function polishedRoot(t: Task, compiled: Compiled): Promise<VerifiedRoot | undefined> {
  const slope = slopeOf(t.e, t.variable, t.lo0.sign >= 0);
  // A seed in doubles costs microseconds; when it or its polish fails (overflow, a noisy f near the
  // root), the 96-bit MPFR seed is the second try.
  let seed: Seed | undefined;
  let polished: { x: Rational; steps: number } | undefined;
  for (const make of [() => seedIn(t, compiled, new Float64Field(), DOUBLE_SEED_RELATIVE), () => seedIn(t, compiled, makeFieldSync('mpfr', SEED_BITS), MPFR_SEED_RELATIVE)]) {
    seed = make();
    polished = seed && polish(t, compiled, slope, seed.x, seed.other, seed.lo, seed.hi);
    if (polished) break;
  }
  if (!seed || !polished) return undefined;
  // Two widenings at most: a wider bracket means the iterate was off, and Brent is then the better answer.
  const r = await certify(t, polished.x, seed.iterations + polished.steps, slope ? 'newton' : 'secant', 2);
  return r.ok ? r.value : undefined;
}

type Seed = { x: Rational; other: Rational; lo: Rational; hi: Rational; iterations: number };

/** The seed's accuracy goal relative to the bracket's size: doubles first, then 96-bit MPFR. */
const DOUBLE_SEED_RELATIVE = Rational.of(1n, 1n << 46n);
const MPFR_SEED_RELATIVE = Rational.of(1n, 1n << 70n);

/**
 * Narrowing and Brent in G, which is destroyed after. Undefined when f is not finite somewhere on the
 * way (in doubles: overflow, underflow, a tiny bracket), so that the next field tries.
 */
function seedIn<R>(t: Task, compiled: Compiled, G: Field<R>, relative: Rational): Seed | undefined {
  try {
    const g = compiled.bind(G);
    const narrowed = narrow(G, g, t.lo0, t.hi0, t.signLo, t.maxIterations);
    if (!narrowed.ok) return undefined;
    const { lo, hi } = narrowed;
    const want = G.rational(relative.mul(lo.abs().max(hi.abs())));
    const r = brent(G, g, lo, hi, want, G.precisionBits, t.maxIterations, narrowed.iterations);
    if (!r.ok || !G.isFinite(r.b) || !G.isFinite(r.c)) return undefined;
    const x = G.toRational(r.b);
    // Doubles may round an iterate onto an end: the polish needs a point strictly inside.
    if (!(lo.lt(x) && x.lt(hi))) return undefined;
    return { x, other: G.toRational(r.c), lo, hi, iterations: r.iterations };
  } finally {
    G.destroy();
  }
}

/**
 * The bits of x known correct during Newton (order 2) or secant (order 1.6) steps, from the relative
 * size r of each step: the new error is about C dx^2 (secant: C dx e_prev), C allowed up to 2^32, and
 * not below the evaluation's at precision p.
 */
class CorrectBits {
  good = SEED_GOOD_BITS;
  private goodPrev = SEED_GOOD_BITS / 2;
  private lastStep = -Infinity;

  constructor(private readonly newton: boolean) {}

  /** The bits the next step can reach: the precision it needs. */
  reach(): number {
    return (this.newton ? 2 * this.good : this.good + this.goodPrev) + GUARD_BITS;
  }

  /** Records a step of relative size 2^-r at p bits; false when it is not converging superlinearly (a multiple root?). */
  step(step: number, r: number, p: number): boolean {
    if (step > 3 && r < 1.2 * this.lastStep) return false;
    this.lastStep = r;
    const reached = Math.min(p - 16, (this.newton ? 2 * r : r + this.goodPrev) - 32);
    this.goodPrev = Math.max(this.good, Math.min(r, p - 16));
    this.good = Math.max(this.good, reached);
    return true;
  }
}

/**
 * Newton (or secant) from x0. The precisions are planned down from t.bits, each about half (1/1.6 for
 * secant) of the next plus guard bits, so that every step lands on the next level and the last one is
 * the only step at full precision; a step whose correction is larger than planned is repeated at the
 * precision its accuracy allows. Done when a full-precision step leaves x accurate to the target width.
 */
function polish(t: Task, compiled: Compiled, slope: Compiled | undefined, x0: Rational, other: Rational, lo: Rational, hi: Rational): { x: Rational; steps: number } | undefined {
  if (t.bits <= ONE_FIELD_BITS) return polishInOneField(t, polishField(t, compiled, slope), x0, other, lo, hi);
  const order = slope ? 2 : 1.6;
  const levels = [t.bits];
  while (levels[0]! > 2 * SEED_GOOD_BITS + GUARD_BITS) levels.unshift(Math.ceil(levels[0]! / order) + GUARD_BITS / 2);
  // Bits of relative accuracy the certificate needs: its first half-width is about 2^-needBits |x|.
  const needBits = Math.ceil((t.digits + 3) * Math.log2(10)) + 4;
  let x = x0;
  let prev = other.equals(x0) ? x0.add(x0.isZero() ? Rational.of(1n, 1n << 80n) : x0.abs().mul(Rational.of(1n, 1n << 60n))) : other;
  const bits = new CorrectBits(slope !== undefined);
  for (let step = 1; step <= 60; step++) {
    const reach = bits.reach();
    const p = levels.reduce((best, l) => (l <= reach ? l : best), levels[0]!);
    const G = makeFieldSync('mpfr', p);
    try {
      const X = G.rational(x);
      const gx = compiled.bind(G)(X);
      if (!G.isFinite(gx)) return undefined;
      let s: typeof gx;
      if (slope) {
        // The slope needs only the bits dx already has (its error times dx is below dx^2): half precision.
        const H = makeFieldSync('mpfr', Math.min(p, Math.ceil(p / 2) + GUARD_BITS));
        try {
          const sh = slope.bind(H)(H.rational(x));
          if (!H.isFinite(sh) || H.isZero(sh)) return undefined;
          s = G.rational(H.toRational(sh));
        } finally {
          H.destroy();
        }
      } else {
        const P = G.rational(prev);
        s = G.div(G.sub(gx, compiled.bind(G)(P)), G.sub(X, P));
      }
      if (!G.isFinite(s) || G.isZero(s)) return undefined;
      const dx = G.toRational(G.div(gx, s));
      const next = G.toRational(G.sub(X, G.rational(dx)));
      if (!(lo.lt(next) && next.lt(hi))) return undefined;
      // Relative size of the step in bits: about the bits of x that were already correct.
      const r = dx.isZero() ? p : magnitude(x.isZero() ? next : x) - magnitude(dx);
      if (!bits.step(step, r, p)) return undefined;
      prev = x;
      x = next;
      if (p === t.bits && bits.good >= needBits + 8) return { x, steps: step };
    } finally {
      G.destroy();
    }
  }
  return undefined;
}

/**
 * Up to this precision every polishing step runs in one field at the full precision: a step at 120
 * bits costs about what one at 280 does, while each change of precision costs conversions of x, dx
 * and the slope between fields (measured: 3 steps of the ladder 126 us at 282 bits, here 90 us).
 */
const ONE_FIELD_BITS = 512;

/**
 * polish's Newton (or secant) steps, all at t.bits in one field, x kept as a float between steps. The
 * same bookkeeping of correct bits decides when to stop, and the same failures give way to Brent.
 */
function polishInOneField(t: Task, field: PolishField, x0: Rational, other: Rational, lo: Rational, hi: Rational): { x: Rational; steps: number } | undefined {
  const needBits = Math.ceil((t.digits + 3) * Math.log2(10)) + 4;
  const p = t.bits;
  const { G, g, fd, dg } = field;
  const newton = fd !== undefined || dg !== undefined;
  // Everything made here is freed at the end; the field and its bound constants stay for the next call.
  const base = G.mark();
  try {
    const [loV, hiV] = [G.rational(lo), G.rational(hi)];
    // The seed is accurate to far better than a factor 2: its magnitude is every iterate's.
    const scale = magnitude(x0.isZero() ? hi.sub(lo) : x0);
    let x = G.rational(x0);
    let prev = other.equals(x0) ? G.rational(x0.add(x0.isZero() ? Rational.of(1n, 1n << 80n) : x0.abs().mul(Rational.of(1n, 1n << 60n)))) : G.rational(other);
    const bits = new CorrectBits(newton);
    for (let step = 1; step <= 60; step++) {
      const mark = G.mark();
      const both = fd?.(x);
      const gx = both ? both.v : g(x);
      if (!G.isFinite(gx)) return undefined;
      const s = both ? both.d : dg ? dg(x) : G.div(G.sub(gx, g(prev)), G.sub(x, prev));
      if (!G.isFinite(s) || G.isZero(s)) return undefined;
      const dx = G.div(gx, s);
      const next = G.sub(x, dx);
      if (!(G.cmp(loV, next) < 0 && G.cmp(next, hiV) < 0)) return undefined;
      const r = G.isZero(dx) ? p : scale - magnitude(G.toRational(dx));
      if (!bits.step(step, r, p)) return undefined;
      G.release(mark, next);
      prev = x;
      x = next;
      if (bits.good >= needBits + 8) {
        const q = G.toRational(x);
        return lo.lt(q) && q.lt(hi) ? { x: q, steps: step } : undefined;
      }
    }
    return undefined;
  } finally {
    G.release(base);
  }
}

/** floor(log2 |q|) within one: bit lengths of numerator and denominator. */
function magnitude(q: Rational): number {
  return bitLength(q.n < 0n ? -q.n : q.n) - bitLength(q.d);
}

/** Brent at full precision from the (narrowed) bracket, then the certificate. */
async function brentRoot<R>(t: Task, F: Field<R>, fx: (x: R) => R): Promise<Result<VerifiedRoot>> {
  const narrowed = narrow(F, fx, t.lo0, t.hi0, t.signLo, t.maxIterations);
  if (!narrowed.ok) return fail(error('EB5001', narrowed.message));
  const { lo, hi } = narrowed;
  const want = F.rational(targetWidth(lo.add(hi).div(Rational.TWO), t.digits).div(Rational.of(16)));
  const r = brent(F, fx, lo, hi, want, t.bits, t.maxIterations, narrowed.iterations);
  if (!r.ok) return fail(error('EB5001', r.message));
  return certify(t, F.toRational(r.b), r.iterations, 'brent');
}

/** Geometric narrowing while the bracket spans more than a factor 4 on the positive (or negative) axis. */
function narrow<R>(F: Field<R>, fx: (x: R) => R, lo0: Rational, hi0: Rational, signLo: -1 | 1, maxIterations: number): { ok: true; lo: Rational; hi: Rational; iterations: number } | { ok: false; message: string } {
  let lo = lo0;
  let hi = hi0;
  let iterations = 0;
  const zero = F.rational(Rational.ZERO);
  while (iterations < maxIterations && lo.sign === hi.sign && lo.sign !== 0) {
    const ratio = hi.div(lo).abs();
    if (ratio.compare(Rational.of(4)) <= 0) break;
    const k = ratio.n / ratio.d; // >= 4
    const half = BigInt(Math.floor(k.toString(2).length / 2));
    const m = lo.sign > 0 ? lo.mul(Rational.of(1n << half)) : hi.mul(Rational.of(1n << half));
    iterations++;
    const v = fx(F.rational(m));
    if (!F.isFinite(v)) return { ok: false, message: `f is undefined at ${formatDecimal(m, 6)}` };
    if (F.isZero(v)) break;
    if ((F.cmp(v, zero) < 0 ? -1 : 1) === signLo) lo = m;
    else hi = m;
  }
  return { ok: true, lo, hi, iterations };
}

/** Brent (zeroin) in F on [lo, hi] to the absolute width `want`: the best point b and the other end c. */
function brent<R>(F: Field<R>, fx: (x: R) => R, lo: Rational, hi: Rational, want: R, bits: number, maxIterations: number, iterations0: number): { ok: true; b: R; c: R; iterations: number } | { ok: false; message: string } {
  let iterations = iterations0;
  let a = F.rational(lo);
  let b = F.rational(hi);
  let fa = fx(a);
  let fb = fx(b);
  if (!F.isFinite(fa) || !F.isFinite(fb)) return { ok: false, message: 'f is undefined at an end of the bracket' };
  const zero = F.rational(Rational.ZERO);
  const two = F.rational(Rational.TWO);
  const three = F.rational(Rational.of(3));
  const half = F.rational(Rational.HALF);
  const eps = F.rational(Rational.of(1n, 1n << BigInt(bits - 2)));
  const sgn = (v: R): number => (F.isZero(v) ? 0 : F.cmp(v, zero));
  let c = a;
  let fc = fa;
  let d = F.sub(b, a);
  let ee = d;
  for (; iterations < maxIterations; iterations++) {
    if (sgn(fb) * sgn(fc) > 0) {
      c = a;
      fc = fa;
      d = F.sub(b, a);
      ee = d;
    }
    if (F.cmp(F.abs(fc), F.abs(fb)) < 0) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = F.add(F.mul(F.mul(two, eps), F.abs(b)), want);
    const m = F.mul(half, F.sub(c, b));
    if (F.cmp(F.abs(m), tol) <= 0 || F.isZero(fb)) break;
    if (F.cmp(F.abs(ee), tol) >= 0 && F.cmp(F.abs(fa), F.abs(fb)) > 0) {
      let p: R;
      let q: R;
      const s = F.div(fb, fa);
      if (F.cmp(a, c) === 0) {
        p = F.mul(F.mul(two, m), s);
        q = F.sub(F.rational(Rational.ONE), s);
      } else {
        const qq = F.div(fa, fc);
        const r = F.div(fb, fc);
        p = F.mul(s, F.sub(F.mul(F.mul(two, m), F.mul(qq, F.sub(qq, r))), F.mul(F.sub(b, a), F.sub(r, F.rational(Rational.ONE)))));
        q = F.mul(F.mul(F.sub(qq, F.rational(Rational.ONE)), F.sub(r, F.rational(Rational.ONE))), F.sub(s, F.rational(Rational.ONE)));
      }
      if (sgn(p) > 0) q = F.neg(q);
      else p = F.neg(p);
      const bound1 = F.sub(F.mul(F.mul(three, m), q), F.abs(F.mul(tol, q)));
      const bound2 = F.abs(F.mul(ee, q));
      if (F.cmp(F.mul(two, p), bound1) < 0 && F.cmp(F.mul(two, p), bound2) < 0) {
        ee = d;
        d = F.div(p, q);
      } else {
        d = m;
        ee = m;
      }
    } else {
      d = m;
      ee = m;
    }
    a = b;
    fa = fb;
    b = F.cmp(F.abs(d), tol) > 0 ? F.add(b, d) : F.add(b, sgn(m) > 0 ? tol : F.neg(tol));
    fb = fx(b);
    if (!F.isFinite(fb)) return { ok: false, message: `f is undefined at ${F.toDecimal(b, 8)}` };
  }
  return { ok: true, b, c, iterations };
}

/**
 * Certifies a rational bracket around x (an MPFR value, so dyadic): step outward by powers of two from
 * about a tenth of the target width until both ends have proven opposite signs. Dyadic ends keep the
 * exact arithmetic here and in the interval evaluation free of Euclid on thousand-digit numerators.
 */
async function certify(t: Task, x: Rational, iterations: number, method: RootMethod, attempts = 40): Promise<Result<VerifiedRoot>> {
  const { e, variable, lo0, hi0, signLo, digits, bits } = t;
  const scaleBits = x.isZero() ? -Math.ceil(40 * Math.log2(10)) : magnitude(x) - 1; // 2^scaleBits <= |x|
  let j = Math.ceil((digits + 3) * Math.log2(10)) + 4 - scaleBits; // 2^-j <= targetWidth(x)/8
  for (let attempt = 0; attempt < attempts; attempt++, j -= 2) {
    const delta = j >= 0 ? Rational.of(1n, 1n << BigInt(j)) : Rational.of(1n << BigInt(-j));
    const L = addDyadic(x, delta.neg()).max(lo0);
    const U = addDyadic(x, delta).min(hi0);
    // MPFR is loaded (the search before used it): inner points are enclosed synchronously.
    const sL = L.equals(lo0) ? await t.end('lo') : signAtSync(e, variable, L, bits, { quiet: true });
    const sU = U.equals(hi0) ? await t.end('hi') : signAtSync(e, variable, U, bits, { quiet: true });
    if (sL.ok && sU.ok && sL.value.sign === signLo && sU.value.sign === -signLo) {
      // Rounding is monotone: the digits every point of [L, U] shares, from one end and one comparison.
      const common = commonRounding(L, U, digits);
      const sum = addDyadic(L, U);
      const mid = Rational.of(sum.n, sum.d * 2n);
      return ok({
        lower: L,
        upper: U,
        atLower: sL.value.enclosure,
        atUpper: sU.value.enclosure,
        iterations,
        method,
        approximation: { text: common ? formatDigits(common) : formatDecimal(mid, digits) + UNCERTAIN_SUFFIX, lower: L, upper: U, correctlyRounded: common !== undefined },
      });
    }
  }
  return fail(error('EB5003', `the root near ${formatDecimal(x, 12)} could not be certified by a sign change`));
}

/** a + b, over the common power-of-two denominator when both are dyadic (the reduction is then a shift). */
function addDyadic(a: Rational, b: Rational): Rational {
  const dyadic = (d: bigint): boolean => (d & (d - 1n)) === 0n;
  if (!dyadic(a.d) || !dyadic(b.d)) return a.add(b);
  const D = a.d > b.d ? a.d : b.d;
  return Rational.of(a.n * (D / a.d) + b.n * (D / b.d), D);
}
