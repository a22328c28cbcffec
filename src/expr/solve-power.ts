// Exact positive roots of a + b x^q = 0, coefficients and exponent free of x: the stationarity equation
// of the Dudley objective c1 α + c2 α^p. A root is returned only when the declared domains decide that
// it exists and is a positive real; when a sign cannot be decided the answer is `undecided`, never a guess.
//
// Main statements. For x > 0 and q != 0, x -> x^q is a bijection of (0, ∞), so a + b x^q = 0 has exactly
// one positive root, (-a/b)^(1/q), when a and b have opposite signs, and none when they have the same
// sign. A sum c1 x^p1 + c2 x^p2 is c1 x^p1 (1 + (c2/c1) x^(p2-p1)) and is treated as c1 + c2 x^(p2-p1).

import { error, fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import * as b from './build.js';
import { splitCoefficient } from './build.js';
import { derivative, occursIn } from './derivative.js';
import { Assumptions, positiveReal, type Domain, contains } from './domains.js';
import { toText } from './print/text.js';
import { Rational } from './rational.js';
import { rewrite, sumContent } from './rewrite.js';
import { ANY, NEG, POS, signOf, ZER, type SignMask } from './sign.js';
import { equals, type Add, type Expr, type Pow } from './types.js';

/** The equation constant + coefficient * x^exponent = 0. */
export interface PowerEquation {
  readonly variable: string;
  readonly constant: Expr;
  readonly coefficient: Expr;
  readonly exponent: Expr;
}

export type PowerRoot =
  /** The unique positive root, exact. */
  | { readonly status: 'root'; readonly root: Expr; readonly equation: PowerEquation }
  /** Decided: no positive root (the coefficients have the same sign, or the equation is c x^p = 0 with c != 0). */
  | { readonly status: 'none'; readonly reason: string; readonly equation: PowerEquation }
  /** Whether a positive root exists depends on the sign of `condition`, which the declared domains leave open. */
  | { readonly status: 'undecided'; readonly condition: Expr; readonly diagnostic: Diagnostic; readonly equation?: PowerEquation };

/**
 * The positive root in x of g = 0, for g a sum of at most two powers of x (a constant counts as x^0)
 * with coefficients and exponents free of x, possibly times factors free of x or powers of x.
 * Symbols not named in `assumptions` are positive reals. EB3010 when g has another form.
 */
export function solvePowerEquation(g: Expr, x: string, assumptions: Assumptions = Assumptions.positive): Result<PowerRoot> {
  const a = assumptions;
  if (!occursIn(g, x)) return fail(error('EB3010', `${toText(g)} does not depend on ${x}`));
  const inner = dropNonzeroFactors(g, x, a);
  if ('status' in inner) return ok(inner);
  const parsed = powerTerms(inner.expr, x, a);
  if (!parsed.ok) return parsed;
  const groups = parsed.value;
  if (groups.length > 2) return fail(error('EB3010', `${toText(g)} has ${groups.length} distinct powers of ${x}; the solver takes at most two`));
  if (groups.length === 0) return fail(error('EB3010', `${toText(g)} has no power of ${x} left after collecting terms`));
  if (groups.length === 1) {
    const [{ coefficient, exponent }] = groups as [Group];
    const equation: PowerEquation = { variable: x, constant: b.ZERO, coefficient, exponent };
    const s = decidedSign(coefficient, a);
    if ((s & ZER) === 0) return ok({ status: 'none', reason: `${toText(coefficient)} is not 0 and ${x}^(${toText(exponent)}) > 0 for ${x} > 0`, equation });
    return ok(undecided(coefficient, `the equation is ${toText(coefficient)}*${x}^(${toText(exponent)}) = 0; whether ${toText(coefficient)} is 0 is not decided`, equation));
  }
  // c1 x^p1 + c2 x^p2 = 0 with x > 0 is c1 + c2 x^(p2 - p1) = 0; the constant term, if any, is c1.
  const [first, second] = groups as [Group, Group];
  const [g1, g2] = isZeroExponent(second.exponent) ? [second, first] : [first, second];
  const equation: PowerEquation = { variable: x, constant: g1.coefficient, coefficient: g2.coefficient, exponent: b.sub(g2.exponent, g1.exponent) };
  return ok(positiveRoot(equation, a));
}

/** The stationary point of f in x: the positive root of f' = 0 when f' has the form solvePowerEquation takes. */
export function stationaryPoint(f: Expr, x: string, assumptions: Assumptions = Assumptions.positive): Result<{ readonly derivative: Expr; readonly solution: PowerRoot }> {
  const df = derivative(f, x, assumptions);
  if (!df.ok) return df;
  const s = solvePowerEquation(df.value, x, assumptions);
  return s.ok ? ok({ derivative: df.value, solution: s.value }) : s;
}

// ---- the root ------------------------------------------------------------------

function undecided(condition: Expr, message: string, equation?: PowerEquation): PowerRoot {
  const diagnostic = error('EB3011', message);
  return equation ? { status: 'undecided', condition, diagnostic, equation } : { status: 'undecided', condition, diagnostic };
}

function positiveRoot(eq: PowerEquation, a: Assumptions): PowerRoot {
  const { constant: c1, coefficient: c2, exponent: q, variable: x } = eq;
  const sq = decidedSign(q, a);
  if (sq & ZER) return undecided(q, `the exponent ${toText(q)} may be 0 under the declared domains`, eq);
  const s1 = decidedSign(c1, a);
  const s2 = decidedSign(c2, a);
  const opposite = (s1 === POS && s2 === NEG) || (s1 === NEG && s2 === POS);
  const same = (s1 === POS && s2 === POS) || (s1 === NEG && s2 === NEG);
  if (same) return { status: 'none', reason: `${toText(c1)} and ${toText(c2)} have the same sign, so ${toText(c1)} + ${toText(c2)}*${x}^(${toText(q)}) has no positive root`, equation: eq };
  if (!opposite) {
    const ratio = b.mul(b.neg(c1), b.pow(c2, b.MINUS_ONE));
    return undecided(ratio, `a positive root needs ${toText(ratio)} > 0; the signs of ${toText(c1)} and ${toText(c2)} are not decided by the declared domains`, eq);
  }
  // x^q = -c1/c2 = |c1|/|c2|, so x = (|c1|/|c2|)^(1/q) = (|c2|/|c1|)^(-1/q); the form whose exponent reads positive is kept.
  const abs1 = s1 === NEG ? negate(c1, a) : c1;
  const abs2 = s2 === NEG ? negate(c2, a) : c2;
  const forward = { ratio: b.mul(abs1, b.pow(abs2, b.MINUS_ONE)), exponent: b.pow(q, b.MINUS_ONE) };
  const backward = { ratio: b.mul(abs2, b.pow(abs1, b.MINUS_ONE)), exponent: b.neg(forward.exponent) };
  const chosen = !prefersPositive(forward.exponent, a) && prefersPositive(backward.exponent, a) ? backward : forward;
  const root = powerOfPositive(tidy(chosen.ratio), chosen.exponent);
  const domain = a.domainOf(x);
  if (!containsPositiveReals(domain)) {
    if (root.kind === 'num') {
      if (contains(domain, root.value)) return { status: 'root', root, equation: eq };
      return { status: 'none', reason: `the only positive root, ${toText(root)}, lies outside the declared domain of ${x}`, equation: eq };
    }
    return undecided(root, `the positive root ${toText(root)} may lie outside the declared domain of ${x}`, eq);
  }
  return { status: 'root', root, equation: eq };
}

/** The exponent reads as positive: its sign is decided positive, or its rational coefficient is. */
function prefersPositive(e: Expr, a: Assumptions): boolean {
  const s = decidedSign(e, a);
  if (s === POS) return true;
  if (s === NEG) return false;
  return splitCoefficient(e).coeff.sign > 0;
}

/** r^e for r > 0; a positive rational factor of r is taken out when e is a number ((C/4)^(1/2) = sqrt(C)/2). */
function powerOfPositive(r: Expr, e: Expr): Expr {
  if (e.kind !== 'num' || r.kind !== 'mul') return b.pow(r, e);
  const { coeff, rest } = splitCoefficient(r);
  if (coeff.sign <= 0 || coeff.isOne()) return b.pow(r, e);
  return b.mul(b.pow(b.num(coeff), e), b.pow(rest, e));
}

function containsPositiveReals(d: Domain): boolean {
  return !d.integer && !d.upper && (!d.lower || d.lower.value.sign <= 0);
}

// ---- reading the equation -----------------------------------------------------------

interface Group {
  readonly exponent: Expr;
  readonly coefficient: Expr;
}

const isZeroExponent = (e: Expr) => e.kind === 'num' && e.value.isZero();

/**
 * g = c * h with c free of x and decided nonzero, or a power of x (nonzero for x > 0): the equation is h = 0.
 * A factor free of x whose sign may be 0 makes the answer undecided.
 */
function dropNonzeroFactors(g: Expr, x: string, a: Assumptions): { expr: Expr } | PowerRoot {
  if (g.kind !== 'mul') return { expr: g };
  const rest: Expr[] = [];
  for (const f of g.factors) {
    if (!occursIn(f, x)) {
      if (decidedSign(f, a) & ZER) return undecided(f, `the factor ${toText(f)} of the equation may be 0 under the declared domains`);
    } else if (!isPowerOf(f, x)) rest.push(f);
  }
  if (rest.length === 1) return { expr: rest[0]! };
  return { expr: g };
}

function isPowerOf(f: Expr, x: string): boolean {
  return (f.kind === 'sym' && f.name === x) || (f.kind === 'pow' && f.base.kind === 'sym' && f.base.name === x && !occursIn(f.exponent, x));
}

/** A term as coefficient * x^exponent, both free of x; undefined when it has another form. */
function splitTerm(t: Expr, x: string): Group | undefined {
  if (!occursIn(t, x)) return { exponent: b.ZERO, coefficient: t };
  if (isPowerOf(t, x)) return { exponent: t.kind === 'pow' ? t.exponent : b.ONE, coefficient: b.ONE };
  if (t.kind !== 'mul') return undefined;
  const dependent = t.factors.filter((f) => occursIn(f, x));
  if (dependent.length !== 1 || !isPowerOf(dependent[0]!, x)) return undefined;
  const p = dependent[0]!;
  return { exponent: p.kind === 'pow' ? p.exponent : b.ONE, coefficient: b.mul(...t.factors.filter((f) => f !== p)) };
}

/** The terms of g grouped by their power of x; a term of another form is first rewritten with x > 0. */
function powerTerms(g: Expr, x: string, a: Assumptions): Result<Group[]> {
  const terms = g.kind === 'add' ? g.terms : [g];
  const groups: { exponent: Expr; coefficients: Expr[] }[] = [];
  const withX = a.with(x, positiveReal);
  for (const t of terms) {
    const split = splitTerm(t, x) ?? splitTerm(rewrite(t, withX).expr, x);
    if (!split) return fail(error('EB3010', `the term ${toText(t)} is not a coefficient times a power of ${x}`));
    const found = groups.find((h) => equals(h.exponent, split.exponent));
    if (found) found.coefficients.push(split.coefficient);
    else groups.push({ exponent: split.exponent, coefficients: [split.coefficient] });
  }
  const out = groups.map((h) => ({ exponent: h.exponent, coefficient: b.add(...h.coefficients) })).filter((h) => !(h.coefficient.kind === 'num' && h.coefficient.value.isZero()));
  return ok(out);
}

// ---- signs ----------------------------------------------------------------------------

/**
 * signOf, sharpened where the declared domains say more than the signs of the symbols: a sum's range is
 * bounded by interval arithmetic on the domains' endpoints (1 - d/2 < 0 for d > 2), and products and
 * integer powers combine the sharpened signs of their parts. Sound: every refinement is intersected.
 */
export function decidedSign(e: Expr, a: Assumptions): SignMask {
  const plain = signOf(e, a);
  if (plain === POS || plain === NEG || plain === ZER) return plain;
  let refined = ANY;
  switch (e.kind) {
    case 'add': {
      const r = rangeOf(e, a);
      if (r) refined = maskOfRange(r);
      break;
    }
    case 'mul':
      refined = e.factors.map((f) => decidedSign(f, a)).reduce(mulMasks);
      break;
    case 'pow': {
      const s = decidedSign(e.base, a);
      const k = e.exponent.kind === 'num' ? e.exponent.value : undefined;
      if (k?.isInteger()) {
        const zero = k.sign > 0 ? s & ZER : 0;
        const nonzero = s & (NEG | POS);
        refined = (k.n % 2n === 0n ? (nonzero ? POS : 0) : nonzero) | zero;
      } else if ((s & ZER) === 0) refined = POS; // defined only for a base >= 0, and the base is not 0
      break;
    }
    default:
      break;
  }
  const both = plain & refined;
  return both === 0 ? plain : both;
}

function mulMasks(p: SignMask, r: SignMask): SignMask {
  let out = 0;
  for (const x of [NEG, ZER, POS].filter((s) => p & s))
    for (const y of [NEG, ZER, POS].filter((s) => r & s)) out |= x === ZER || y === ZER ? ZER : x === y ? POS : NEG;
  return out;
}

interface End {
  readonly value: Rational;
  readonly open: boolean;
}
interface Range {
  readonly lower?: End;
  readonly upper?: End;
}

const point = (q: Rational): Range => ({ lower: { value: q, open: false }, upper: { value: q, open: false } });

function maskOfRange(r: Range): SignMask {
  let mask = ANY;
  if (r.lower) {
    const c = r.lower.value.sign;
    if (c > 0 || (c === 0 && r.lower.open)) mask &= POS;
    else if (c === 0) mask &= ZER | POS;
  }
  if (r.upper) {
    const c = r.upper.value.sign;
    if (c < 0 || (c === 0 && r.upper.open)) mask &= NEG;
    else if (c === 0) mask &= NEG | ZER;
  }
  return mask === 0 ? ANY : mask;
}

function rangeOfMask(m: SignMask): Range {
  const zero = { value: Rational.ZERO, open: false };
  const openZero = { value: Rational.ZERO, open: true };
  if (m === POS) return { lower: openZero };
  if (m === (POS | ZER)) return { lower: zero };
  if (m === NEG) return { upper: openZero };
  if (m === (NEG | ZER)) return { upper: zero };
  if (m === ZER) return point(Rational.ZERO);
  return {};
}

function scale(r: Range, c: Rational): Range {
  if (c.isZero()) return point(Rational.ZERO);
  const times = (e: End | undefined) => (e ? { value: e.value.mul(c), open: e.open } : undefined);
  const lower = times(c.sign > 0 ? r.lower : r.upper);
  const upper = times(c.sign > 0 ? r.upper : r.lower);
  return { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

function plus(r: Range, s: Range): Range {
  const end = (p?: End, q?: End) => (p && q ? { value: p.value.add(q.value), open: p.open || q.open } : undefined);
  const lower = end(r.lower, s.lower);
  const upper = end(r.upper, s.upper);
  return { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

/** An enclosure of a sum's values: each term a number, a rational multiple of a symbol (its domain), or its sign. */
function rangeOf(e: Expr, a: Assumptions): Range | undefined {
  if (e.kind !== 'add') return undefined;
  let acc: Range = point(Rational.ZERO);
  for (const t of e.terms) {
    const { coeff, rest } = splitCoefficient(t);
    const r = rest.kind === 'num' ? point(Rational.ONE) : rest.kind === 'sym' ? domainRange(a.domainOf(rest.name)) : rangeOfMask(decidedSign(rest, a));
    acc = plus(acc, scale(r, coeff));
    if (!acc.lower && !acc.upper) return undefined;
  }
  return acc;
}

function domainRange(d: Domain): Range {
  return { ...(d.lower ? { lower: d.lower } : {}), ...(d.upper ? { upper: d.upper } : {}) };
}

// ---- tidy forms of the root ------------------------------------------------------------

/** -e in a readable form: a negative coefficient flips, else the minus goes into a sum factor: -(C (1 - d/2)) = C (d/2 - 1). */
function negate(e: Expr, a: Assumptions): Expr {
  if (e.kind === 'add') return negateSum(e);
  if (e.kind !== 'mul' || splitCoefficient(e).coeff.sign < 0) return b.neg(e);
  // A sum factor, or a sum to an odd integer power, takes the minus; one known negative is preferred.
  const flip = (f: Expr): Expr | undefined => {
    if (f.kind === 'add') return negateSum(f);
    const k = f.kind === 'pow' && f.base.kind === 'add' ? integerExponent(f) : undefined;
    return f.kind === 'pow' && f.base.kind === 'add' && k !== undefined && k % 2n !== 0n ? b.pow(negateSum(f.base), f.exponent) : undefined;
  };
  const candidates = e.factors.filter((f) => flip(f) !== undefined);
  const target = candidates.find((f) => decidedSign(f, a) === NEG) ?? candidates[0];
  if (!target) return b.neg(e);
  return b.mul(...e.factors.map((f) => (f === target ? flip(f)! : f)));
}

function negateSum(s: Add): Expr {
  return b.add(...s.terms.map(b.neg));
}

function integerExponent(p: Pow): bigint | undefined {
  return p.exponent.kind === 'num' && p.exponent.value.isInteger() ? p.exponent.value.n : undefined;
}

/** Moves the contents of sum factors (and of integer powers of sums) into the coefficient: C (d/2 - 1)/4 = C (d - 2)/8. */
function tidy(e: Expr): Expr {
  const factors = e.kind === 'mul' ? e.factors : [e];
  let coeff = Rational.ONE;
  const out = factors.map((f): Expr => {
    const sum = f.kind === 'add' ? f : f.kind === 'pow' && f.base.kind === 'add' ? f.base : undefined;
    const k = f.kind === 'add' ? 1n : f.kind === 'pow' ? integerExponent(f) : undefined;
    const c = sum ? sumContent(sum) : undefined;
    const ck = c && k !== undefined ? c.powInt(k) : undefined;
    if (!sum || !c || k === undefined || !ck) return f;
    coeff = coeff.mul(ck);
    return b.pow(b.add(...sum.terms.map((t) => b.mul(b.num(c.inverse()), t))), b.num(k));
  });
  return b.mul(b.num(coeff), ...out);
}
