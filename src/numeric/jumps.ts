// Where a piecewise integrand changes formula: the jumps of ceil/floor and the kinks of min, max, abs
// and pos, located exactly. An argument must be a Möbius function (a t + b)/(c t + d) of the variable
// with rational coefficients after substituting parameters; anything else is refused (EB5101), never guessed.

import { num, sub } from '../expr/build.js';
import { Rational } from '../expr/rational.js';
import { freeSymbols, rebuild, substitute, children } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';

/** Default cap on the number of pieces an interval is split into. */
export const MAX_PIECES = 100_000;

/** u(t) = (a t + b) / (c t + d) with rational coefficients; c = 0, d = 1 for an affine argument. */
export interface Mobius {
  readonly a: Rational;
  readonly b: Rational;
  readonly c: Rational;
  readonly d: Rational;
}

/** A ceil or floor whose argument depends on the variable: it jumps where the argument is an integer. */
export interface StepSite {
  readonly fn: 'ceil' | 'floor';
  readonly arg: Mobius;
}

/** The structure of an integrand in its variable: step sites and kink sites (zeros of a Möbius difference). */
export interface Structure {
  /** The body with every parameter replaced by its value. */
  readonly body: Expr;
  readonly variable: string;
  readonly steps: readonly StepSite[];
  readonly kinks: readonly Mobius[];
}

/** A maximal interval on which no step jumps and no kink lies inside; `expr` is the body with each step frozen to its constant value there. */
export interface Piece {
  readonly lo: Rational;
  readonly hi: Rational;
  readonly expr: Expr;
}

// ---- Möbius arithmetic -------------------------------------------------------------------

/** Polynomials of degree <= 1 as [constant, slope]. */
type Lin = readonly [Rational, Rational];
interface Frac {
  readonly num: Lin;
  readonly den: Lin;
}

const R0 = Rational.ZERO;
const R1 = Rational.ONE;

function linMul(p: Lin, q: Lin): Lin | undefined {
  if (!p[1].isZero() && !q[1].isZero()) return undefined; // degree 2
  return [p[0].mul(q[0]), p[0].mul(q[1]).add(p[1].mul(q[0]))];
}
function linAdd(p: Lin, q: Lin): Lin {
  return [p[0].add(q[0]), p[1].add(q[1])];
}
function isConstLin(p: Lin): boolean {
  return p[1].isZero();
}

function fracAdd(x: Frac, y: Frac): Frac | undefined {
  if (isConstLin(x.den) && isConstLin(y.den)) {
    // x.num/x0 + y.num/y0 = (x.num y0 + y.num x0)/(x0 y0)
    return { num: linAdd(linMul(x.num, y.den)!, linMul(y.num, x.den)!), den: [x.den[0].mul(y.den[0]), R0] };
  }
  const plusConstant = (f: Frac, k: Rational): Frac => ({ num: linAdd(f.num, [f.den[0].mul(k), f.den[1].mul(k)]), den: f.den });
  if (isConstLin(y.num) && isConstLin(y.den)) return plusConstant(x, y.num[0].div(y.den[0]));
  if (isConstLin(x.num) && isConstLin(x.den)) return plusConstant(y, x.num[0].div(x.den[0]));
  // Proportional denominators: x.den = s * y.den.
  const s = proportional(x.den, y.den);
  if (s !== undefined) return { num: linAdd(x.num, [y.num[0].mul(s), y.num[1].mul(s)]), den: x.den };
  return undefined;
}
function proportional(p: Lin, q: Lin): Rational | undefined {
  // p = s q ?
  if (!q[1].isZero()) {
    const s = p[1].div(q[1]);
    return p[0].equals(q[0].mul(s)) && !s.isZero() ? s : undefined;
  }
  if (!p[1].isZero() || q[0].isZero()) return undefined;
  return p[0].div(q[0]);
}

function fracMul(x: Frac, y: Frac): Frac | undefined {
  const n = linMul(x.num, y.num);
  const d = linMul(x.den, y.den);
  if (n && d) return { num: n, den: d };
  // Cancel an identical linear factor: (t+e)/(...) * (...)/(t+e).
  const s1 = proportional(x.num, y.den);
  if (s1 !== undefined) return fracMul({ num: [s1, R0], den: x.den }, { num: y.num, den: [R1, R0] });
  const s2 = proportional(y.num, x.den);
  if (s2 !== undefined) return fracMul({ num: x.num, den: [R1, R0] }, { num: [s2, R0], den: y.den });
  return undefined;
}

/** The Möbius form of e in `variable`, or undefined when e is not one (or has other free symbols). */
export function asMobius(e: Expr, variable: string): Mobius | undefined {
  const f = toFrac(e, variable, 0);
  if (!f) return undefined;
  if (f.den[0].isZero() && f.den[1].isZero()) return undefined;
  return { a: f.num[1], b: f.num[0], c: f.den[1], d: f.den[0] };
}

function toFrac(e: Expr, v: string, depth: number): Frac | undefined {
  if (depth > 64) return undefined;
  switch (e.kind) {
    case 'num':
      return { num: [e.value, R0], den: [R1, R0] };
    case 'sym':
      return e.name === v ? { num: [R0, R1], den: [R1, R0] } : undefined;
    case 'add': {
      let acc: Frac | undefined = { num: [R0, R0], den: [R1, R0] };
      for (const t of e.terms) {
        const f = toFrac(t, v, depth + 1);
        if (!f || !acc) return undefined;
        acc = fracAdd(acc, f);
      }
      return acc;
    }
    case 'mul': {
      let acc: Frac | undefined = { num: [R1, R0], den: [R1, R0] };
      for (const t of e.factors) {
        const f = toFrac(t, v, depth + 1);
        if (!f || !acc) return undefined;
        acc = fracMul(acc, f);
      }
      return acc;
    }
    case 'pow': {
      if (e.exponent.kind !== 'num' || !e.exponent.value.isInteger()) return undefined;
      const k = e.exponent.value.n;
      const base = toFrac(e.base, v, depth + 1);
      if (!base) return undefined;
      const unit = k < 0n ? { num: base.den, den: base.num } : base;
      const m = k < 0n ? -k : k;
      if (m > 8n) return undefined;
      let acc: Frac | undefined = { num: [R1, R0], den: [R1, R0] };
      for (let i = 0n; i < m && acc; i++) acc = fracMul(acc, unit);
      return acc;
    }
    default:
      return undefined;
  }
}

/** u(t) exactly, or undefined at the pole. */
export function mobiusAt(m: Mobius, t: Rational): Rational | undefined {
  const den = m.c.mul(t).add(m.d);
  if (den.isZero()) return undefined;
  return m.a.mul(t).add(m.b).div(den);
}

/** The t with u(t) = y, or undefined when there is none (u constant, or y the excluded value). */
export function mobiusSolve(m: Mobius, y: Rational): Rational | undefined {
  // a t + b = y (c t + d)  =>  t (a - y c) = y d - b
  const k = m.a.sub(y.mul(m.c));
  if (k.isZero()) return undefined;
  return y.mul(m.d).sub(m.b).div(k);
}

/** The pole of u, if any. */
export function mobiusPole(m: Mobius): Rational | undefined {
  return m.c.isZero() ? undefined : m.d.neg().div(m.c);
}

/** Sign of u'(t) away from the pole: sign(a d - b c). */
export function mobiusDirection(m: Mobius): -1 | 0 | 1 {
  return m.a.mul(m.d).sub(m.b.mul(m.c)).sign;
}

// ---- structure ------------------------------------------------------------------------------

function dependsOn(e: Expr, v: string): boolean {
  return freeSymbols(e).has(v);
}

/** Replaces parameters by their values and checks that only `variable` remains free. */
export function substituteParameters(body: Expr, variable: string, env: ReadonlyMap<string, Rational>): Result<Expr> {
  const m = new Map<string, Expr>();
  for (const [k, q] of env) if (k !== variable) m.set(k, num(q));
  const e = substitute(body, m);
  const free = [...freeSymbols(e)].filter((s) => s !== variable);
  if (free.length > 0) return fail(error('EB5004', `free symbol${free.length > 1 ? 's' : ''} ${free.join(', ')} in the integrand; give every parameter a value`));
  return ok(e);
}

/**
 * Finds every step and kink site of `body` in `variable`; refuses (EB5101) what it cannot locate
 * exactly. With `kinks: false` (enough where only continuity matters, as for a crossing) kinks are ignored.
 */
export function analyse(body: Expr, variable: string, env: ReadonlyMap<string, Rational>, opts: { kinks?: boolean } = {}): Result<Structure> {
  const withKinks = opts.kinks ?? true;
  const substituted = substituteParameters(body, variable, env);
  if (!substituted.ok) return substituted;
  const steps: StepSite[] = [];
  const kinks: Mobius[] = [];
  const problems: string[] = [];
  const visit = (e: Expr): void => {
    if (!dependsOn(e, variable)) return;
    if (e.kind === 'integral' || e.kind === 'extremum' || e.kind === 'sum' || e.kind === 'limit') {
      problems.push(`a nested ${e.kind} depends on ${variable}`);
      return;
    }
    if (e.kind === 'apply') {
      const args = e.args;
      switch (e.fn) {
        case 'ceil':
        case 'floor': {
          const m = asMobius(args[0]!, variable);
          if (!m) problems.push(`${e.fn} of an argument that is not (a·${variable} + b)/(c·${variable} + d)`);
          else steps.push({ fn: e.fn, arg: m });
          break;
        }
        case 'abs':
        case 'pos': {
          if (!withKinks) break;
          const m = asMobius(args[0]!, variable);
          if (!m) problems.push(`${e.fn} of an argument whose zeros cannot be located exactly`);
          else kinks.push(m);
          break;
        }
        case 'min':
        case 'max':
          if (!withKinks) break;
          for (let i = 0; i < args.length; i++)
            for (let j = i + 1; j < args.length; j++) {
              const m = asMobius(sub(args[i]!, args[j]!), variable);
              if (!m) problems.push(`${e.fn} whose arguments cross where it cannot be located exactly`);
              else kinks.push(m);
            }
          break;
        case 'binomial':
        case 'factorial':
          problems.push(`${e.fn} of an argument depending on ${variable}`);
          break;
        default:
          break;
      }
    }
    for (const c of children(e)) visit(c);
  };
  visit(substituted.value);
  if (problems.length > 0) return fail(error('EB5101', `jump points cannot be located: ${[...new Set(problems)].join('; ')}`));
  return ok({ body: substituted.value, variable, steps, kinks });
}


// ---- points -----------------------------------------------------------------------------------

/** Integers strictly between x and y (in either order), as [first, last] or undefined if none. */
function integersStrictlyBetween(x: Rational, y: Rational): [bigint, bigint] | undefined {
  const lo = x.min(y);
  const hi = x.max(y);
  const first = lo.floor().n + 1n;
  const last = hi.ceil().n - 1n;
  return first <= last ? [first, last] : undefined;
}

/** Checks that no argument has its pole in [lo, hi]; the integrand is then not piecewise smooth there. */
function poleInside(s: Structure, lo: Rational, hi: Rational): Rational | undefined {
  for (const m of [...s.steps.map((x) => x.arg), ...s.kinks]) {
    const p = mobiusPole(m);
    if (p !== undefined && lo.le(p) && p.le(hi)) return p;
  }
  return undefined;
}

/** Number of step jumps strictly inside (lo, hi), exactly (may be huge). Requires no pole in [lo, hi]. */
export function countJumps(s: Structure, lo: Rational, hi: Rational): bigint {
  let n = 0n;
  for (const st of s.steps) {
    const r = integersStrictlyBetween(mobiusAt(st.arg, lo)!, mobiusAt(st.arg, hi)!);
    if (r) n += r[1] - r[0] + 1n;
  }
  return n;
}

/** A jump strictly inside (lo, hi) near the middle of the largest family, or undefined if there is none. */
export function middleJump(s: Structure, lo: Rational, hi: Rational): Rational | undefined {
  let best: { count: bigint; site: StepSite; mid: bigint } | undefined;
  for (const st of s.steps) {
    const r = integersStrictlyBetween(mobiusAt(st.arg, lo)!, mobiusAt(st.arg, hi)!);
    if (!r) continue;
    const count = r[1] - r[0] + 1n;
    if (!best || count > best.count) best = { count, site: st, mid: (r[0] + r[1]) / 2n };
  }
  return best ? mobiusSolve(best.site.arg, Rational.of(best.mid)) : undefined;
}

/**
 * Every jump and kink strictly inside (lo, hi), sorted and without duplicates. Fails with EB5102 beyond
 * `maxPoints`, with EB5101 when an argument has its pole in [lo, hi].
 */
export function breakpoints(s: Structure, lo: Rational, hi: Rational, maxPoints = MAX_PIECES - 1): Result<Rational[]> {
  const pole = poleInside(s, lo, hi);
  if (pole !== undefined) return fail(error('EB5101', `an argument of a step or kink has a pole at ${s.variable} = ${pole} inside [${lo}, ${hi}]`));
  const total = countJumps(s, lo, hi) + BigInt(s.kinks.length);
  if (total > BigInt(maxPoints)) return fail(error('EB5102', `the integrand has ${total} jumps on [${lo}, ${hi}], more than the limit ${maxPoints}`));
  const pts: Rational[] = [];
  for (const st of s.steps) {
    const r = integersStrictlyBetween(mobiusAt(st.arg, lo)!, mobiusAt(st.arg, hi)!);
    if (!r) continue;
    for (let j = r[0]; j <= r[1]; j++) {
      const t = mobiusSolve(st.arg, Rational.of(j));
      if (t !== undefined && lo.lt(t) && t.lt(hi)) pts.push(t);
    }
  }
  for (const m of s.kinks) {
    const t = mobiusSolve(m, R0);
    if (t !== undefined && lo.lt(t) && t.lt(hi)) pts.push(t);
  }
  pts.sort((x, y) => x.compare(y));
  const out: Rational[] = [];
  for (const p of pts) if (out.length === 0 || !out[out.length - 1]!.equals(p)) out.push(p);
  return ok(out);
}

/**
 * The body with every step replaced by its constant value on the open interval (lo, hi), which must
 * contain no jump. Kinks are kept: min/max/abs/pos are continuous, and on a kink-free piece smooth.
 */
export function freezeSteps(s: Structure, lo: Rational, hi: Rational): Expr {
  const mid = lo.add(hi).div(Rational.TWO);
  const go = (e: Expr): Expr => {
    if (!dependsOn(e, s.variable)) return e;
    if (e.kind === 'apply' && (e.fn === 'ceil' || e.fn === 'floor')) {
      const m = asMobius(e.args[0]!, s.variable)!;
      const u = mobiusAt(m, mid)!;
      return num(e.fn === 'ceil' ? u.ceil() : u.floor());
    }
    const kids = children(e);
    const mapped = kids.map(go);
    return mapped.every((k, i) => k === kids[i]) ? e : rebuild(e, mapped);
  };
  return go(s.body);
}

/** The value just to the right (side = 1) or left (side = -1) of t: the body frozen on an adjacent jump-free interval. */
export function freezeBeside(s: Structure, t: Rational, side: 1 | -1): Expr {
  // Any rational closer to t than every jump of every family works; find the nearest jump on that side.
  let other = side > 0 ? t.add(R1) : t.sub(R1);
  if (side < 0 && t.sign > 0 && other.sign <= 0) other = t.div(Rational.TWO);
  for (let i = 0; i < 4096; i++) {
    const lo = side > 0 ? t : other;
    const hi = side > 0 ? other : t;
    if (poleInside(s, lo, hi) === undefined && countJumps(s, lo, hi) === 0n) return freezeSteps(s, lo, hi);
    other = t.add(other).div(Rational.TWO);
  }
  throw new Error('freezeBeside: no jump-free neighbourhood found (jumps accumulate at the point)');
}

/** Splits [lo, hi] into pieces at every jump and kink (EB5102 beyond maxPieces). */
export function pieces(body: Expr, variable: string, lo: Rational, hi: Rational, env: ReadonlyMap<string, Rational>, maxPieces = MAX_PIECES): Result<Piece[]> {
  const st = analyse(body, variable, env);
  if (!st.ok) return st;
  return piecesOf(st.value, lo, hi, maxPieces);
}

export function piecesOf(s: Structure, lo: Rational, hi: Rational, maxPieces = MAX_PIECES): Result<Piece[]> {
  if (!lo.lt(hi)) return ok([]);
  const bp = breakpoints(s, lo, hi, maxPieces - 1);
  if (!bp.ok) return bp;
  const cuts = [lo, ...bp.value, hi];
  const out: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) out.push({ lo: cuts[i]!, hi: cuts[i + 1]!, expr: freezeSteps(s, cuts[i]!, cuts[i + 1]!) });
  return ok(out);
}
