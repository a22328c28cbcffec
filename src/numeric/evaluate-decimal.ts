// Point evaluation with decimal.js at digits + guard: the independent check of MPFR's printed digits
// (the CLI's --verify and the test suite). Floating point, not an enclosure; undefined values are errors.

import type { Decimal } from 'decimal.js';
import { error, fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { exactValue } from '../expr/exact.js';
import { Rational } from '../expr/rational.js';
import { freeSymbols } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { Approximation } from './api.js';
import { DecimalField } from './decimal-field.js';
import { describeExpr } from './describe.js';
import { formatDecimal, parseDecimalText, roundToDigits, ulp } from './format.js';

/** Guard digits of the decimal.js check. */
export const DECIMAL_GUARD_DIGITS = 20;
/** Appended to `text` when the enclosure did not determine the last digit. */
export const UNCERTAIN_SUFFIX = ' (last digit uncertain)';

class Refusal {
  constructor(readonly diagnostic: Diagnostic) {}
}

function refuse(code: 'EB5001' | 'EB5007', message: string): never {
  throw new Refusal(error(code, message));
}

const MAX_EXACT_FACTORIAL = 100_000n;

/** A value of the check engine: exact while every operation so far was exact, else decimal.js. */
type Val = Rational | Decimal;
const EXACT_LIMIT_BITS = 4096;

function isExact(v: Val): v is Rational {
  return v instanceof Rational;
}

function dec(F: DecimalField, v: Val): Decimal {
  return isExact(v) ? F.rational(v) : v;
}

function small(q: Rational | undefined): Rational | undefined {
  return q !== undefined && q.bits() <= EXACT_LIMIT_BITS ? q : undefined;
}

function integerOf(F: DecimalField, v: Val, node: Expr, what: string): bigint {
  if (isExact(v)) {
    if (!v.isInteger()) refuse('EB5001', `${what} of a non-integer in ${describeExpr(node)}`);
    return v.n;
  }
  if (!v.isFinite() || !v.isInteger()) refuse('EB5001', `${what} of a non-integer in ${describeExpr(node)}`);
  return F.toRational(v).n;
}

function sign(v: Val): number {
  return isExact(v) ? v.sign : v.isZero() ? 0 : v.isNeg() ? -1 : 1;
}

function cmpVal(F: DecimalField, a: Val, c: Val): number {
  if (isExact(a) && isExact(c)) return a.compare(c);
  return F.cmp(dec(F, a), dec(F, c));
}

function isIntegerVal(v: Val): boolean {
  return isExact(v) ? v.isInteger() : v.isInteger();
}

function evalNode(F: DecimalField, e: Expr, vars: Map<string, Val>): Val {
  const rec = (x: Expr) => evalNode(F, x, vars);
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'sym': {
      const v = vars.get(e.name);
      if (!v) throw new Refusal(error('EB5004', `the symbol ${e.name} has no value`));
      return v;
    }
    case 'const':
      if (e.name === 'pi') return F.pi();
      return refuse('EB5007', 'infinity is not a number');
    case 'add':
      return e.terms.map(rec).reduce((a, c) => (isExact(a) && isExact(c) ? (small(a.add(c)) ?? F.add(dec(F, a), dec(F, c))) : F.add(dec(F, a), dec(F, c))));
    case 'mul':
      return e.factors.map(rec).reduce((a, c) => (isExact(a) && isExact(c) ? (small(a.mul(c)) ?? F.mul(dec(F, a), dec(F, c))) : F.mul(dec(F, a), dec(F, c))));
    case 'pow': {
      const x = rec(e.base);
      const y = rec(e.exponent);
      if (sign(x) === 0 && sign(y) < 0) refuse('EB5001', `0 to a negative power in ${describeExpr(e)}`);
      if (sign(x) < 0 && !isIntegerVal(y)) refuse('EB5001', `a negative base to a fractional power in ${describeExpr(e)}`);
      if (isExact(y) && y.isZero()) return Rational.ONE;
      if (isExact(x) && isExact(y) && y.isInteger() && y.n >= -4096n && y.n <= 4096n) {
        const v = small(x.powInt(y.n));
        if (v) return v;
      }
      if (isExact(y) && y.equals(Rational.HALF)) return F.sqrt(dec(F, x));
      return F.pow(dec(F, x), dec(F, y));
    }
    case 'apply': {
      const args = e.args.map(rec);
      const a = args[0]!;
      switch (e.fn) {
        case 'log':
          if (sign(a) <= 0) refuse('EB5001', `log of a non-positive number in ${describeExpr(e)}`);
          if (isExact(a) && a.isOne()) return Rational.ZERO;
          return F.log(dec(F, a));
        case 'exp':
          if (isExact(a) && a.isZero()) return Rational.ONE;
          return F.exp(dec(F, a));
        case 'min':
          return args.reduce((p, q) => (cmpVal(F, p, q) <= 0 ? p : q));
        case 'max':
          return args.reduce((p, q) => (cmpVal(F, p, q) >= 0 ? p : q));
        case 'ceil':
          return isExact(a) ? a.ceil() : Math.abs(a.e) > 1000 ? F.ceil(a) : F.toRational(F.ceil(a));
        case 'floor':
          return isExact(a) ? a.floor() : Math.abs(a.e) > 1000 ? F.floor(a) : F.toRational(F.floor(a));
        case 'abs':
          return isExact(a) ? a.abs() : F.abs(a);
        case 'pos':
          return sign(a) > 0 ? a : Rational.ZERO;
        case 'factorial': {
          const n = integerOf(F, a, e, 'factorial');
          if (n < 0n) refuse('EB5001', `factorial of a negative number in ${describeExpr(e)}`);
          if (n > MAX_EXACT_FACTORIAL) refuse('EB5007', `factorial of ${n} is beyond the decimal.js check`);
          let r = 1n;
          for (let i = 2n; i <= n; i++) r *= i;
          return small(Rational.of(r)) ?? F.rational(Rational.of(r));
        }
        case 'binomial': {
          const n = integerOf(F, a, e, 'binomial');
          const k = integerOf(F, args[1]!, e, 'binomial');
          if (n < 0n) refuse('EB5001', `binomial with a negative upper argument in ${describeExpr(e)}`);
          if (k < 0n || k > n) return Rational.ZERO;
          const m = k < n - k ? k : n - k;
          if (m > MAX_EXACT_FACTORIAL) refuse('EB5007', `binomial(${n}, ${k}) is beyond the decimal.js check`);
          let r = 1n;
          for (let i = 1n; i <= m; i++) r = (r * (n - m + i)) / i;
          return small(Rational.of(r)) ?? F.rational(Rational.of(r));
        }
      }
      break;
    }
    case 'sum': {
      const lo = rec(e.lower);
      const hi = rec(e.upper);
      if (!isExact(lo) || !isExact(hi) || !lo.isInteger() || !hi.isInteger()) refuse('EB5007', 'a sum needs exact integer bounds');
      if (hi.n - lo.n + 1n > 10_000n) refuse('EB5007', 'a sum of more than 10000 terms is beyond the decimal.js check');
      let s: Val = Rational.ZERO;
      const saved = vars.get(e.index);
      for (let j = lo.n; j <= hi.n; j++) {
        vars.set(e.index, Rational.of(j));
        const t = rec(e.body);
        s = isExact(s) && isExact(t) ? (small(s.add(t)) ?? F.add(dec(F, s), dec(F, t))) : F.add(dec(F, s), dec(F, t));
      }
      if (saved) vars.set(e.index, saved);
      else vars.delete(e.index);
      return s;
    }
    case 'integral':
    case 'extremum':
    case 'limit':
      return refuse('EB5007', `${e.kind} is not supported by the decimal.js evaluator`);
  }
  throw new Error(`decimal evaluator: unhandled node ${(e as Expr).kind}`);
}

/**
 * The expression tree evaluated as written (no canonical rewriting), exactly while exact and with
 * decimal.js at digits + DECIMAL_GUARD_DIGITS after: the independent reference of the property tests.
 */
export function evaluateDecimalTree(e: Expr, env: ReadonlyMap<string, Rational>, digits: number): Result<Rational> {
  const F = new DecimalField(digits + DECIMAL_GUARD_DIGITS);
  try {
    const v = evalNode(F, e, new Map<string, Val>(env));
    if (isExact(v)) return ok(v);
    if (!v.isFinite()) return fail(error('EB5008', `decimal.js value is ${v.toString()}`));
    if (Math.abs(v.e) > 100_000) return fail(error('EB5008', `decimal.js value ${v.toExponential(5)} is beyond the exact range`));
    return ok(F.toRational(v));
  } catch (x) {
    if (x instanceof Refusal) return fail(x.diagnostic);
    throw x;
  }
}

export interface DecimalEvaluation {
  /** `digits` significant digits, rounded to nearest from the guarded value. */
  readonly text: string;
  /** The guarded decimal.js value, exactly. */
  readonly value: Rational;
  readonly exact?: Rational;
}

/** e at env with decimal.js at digits + DECIMAL_GUARD_DIGITS; exact when the value is rational. */
export function evaluateDecimalJs(e: Expr, env: ReadonlyMap<string, Rational>, digits: number): Result<DecimalEvaluation> {
  if (!Number.isInteger(digits) || digits < 1 || digits > 10_000) return fail(error('EB5002', `precision of ${digits} digits is out of range`));
  const free = [...freeSymbols(e)].filter((s) => !env.has(s));
  if (free.length > 0) return fail(error('EB5004', `no value for ${free.join(', ')}`));
  const ex = exactValue(e, env);
  if (!ex.ok) return fail(...ex.diagnostics.map((d) => error('EB5001', d.message)));
  if (ex.value.kind === 'rational') {
    const q = ex.value.value;
    return ok({ text: formatDecimal(q, digits), value: q, exact: q });
  }
  const r = evaluateDecimalTree(ex.value.expr, new Map(), digits);
  if (!r.ok) return r;
  return ok({ text: formatDecimal(r.value, digits), value: r.value });
}

/** Significant digits shown in a formatDecimal text (trailing zeros count, leading zeros do not). */
export function significantDigits(text: string): number {
  const mant = text.replace(UNCERTAIN_SUFFIX, '').replace(/^-/, '').replace(/e.*$/, '').replace('.', '');
  const s = mant.replace(/^0+/, '');
  return Math.max(1, s.length);
}

/**
 * Recomputes e with decimal.js and compares with the printed digits: EB5006 when they differ by more
 * than the last digit's rounding (half an ulp if correctly rounded, one ulp otherwise).
 */
export function verifyDigits(approx: Approximation, e: Expr, env: ReadonlyMap<string, Rational>): Diagnostic | undefined {
  const text = approx.text.replace(UNCERTAIN_SUFFIX, '');
  const printed = parseDecimalText(text);
  if (!printed) return error('EB5006', `the printed value ${approx.text} is not a decimal number`);
  const digits = significantDigits(text);
  const dj = evaluateDecimalJs(e, env, digits);
  if (!dj.ok) return dj.diagnostics[0];
  const v = dj.value.value;
  if (v.isZero() && printed.isZero()) return undefined;
  const ref = v.isZero() ? printed : v;
  const e10 = roundToDigits(ref, digits).exponent;
  const u = ulp(e10, digits);
  // decimal.js carries DECIMAL_GUARD_DIGITS more digits: allow its own error on top of the rounding.
  const slack = u.mul(Rational.of(1n, 10n ** BigInt(DECIMAL_GUARD_DIGITS - 5)));
  const allowed = (approx.correctlyRounded ? u.mul(Rational.HALF) : u).add(slack);
  const diff = v.sub(printed).abs();
  if (diff.compare(allowed) > 0) {
    return error('EB5006', `MPFR printed ${approx.text} but decimal.js gives ${formatDecimal(v, digits + 5)} (difference ${formatDecimal(diff, 3)}, allowed ${formatDecimal(allowed, 3)})`);
  }
  return undefined;
}
