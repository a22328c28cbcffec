// Decimal text of exact rationals: `digits` significant digits, round half to even, plain notation for
// moderate exponents and `1.234e-15` otherwise. Every printed number of the tool goes through here.

import { Rational } from '../expr/rational.js';

export interface DecimalDigits {
  /** Sign of the value (0 only for zero). */
  readonly sign: -1 | 0 | 1;
  /** Exactly `digits` decimal digits, the first non-zero unless the value is zero. */
  readonly mantissa: string;
  /** Decimal exponent of the first digit: value ≈ 0.d1d2… × 10^(exponent+1). */
  readonly exponent: number;
}

const LOG10_2 = Math.log10(2);

function bitLen(a: bigint): number {
  if (a === 0n) return 0;
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** 10^k for k >= 0, cached: the Ziv loop rounds both endpoints with the same powers. */
const powers = new Map<number, bigint>();
function pow10(k: number): bigint {
  const hit = powers.get(k);
  if (hit !== undefined) return hit;
  const p = 10n ** BigInt(k);
  if (k > 20_000) return p; // beyond MAX_DIGITS-sized work: not worth holding
  if (powers.size >= 64) powers.clear();
  powers.set(k, p);
  return p;
}

/** floor(log10(q)) for q > 0, exactly. */
export function decimalExponent(q: Rational): number {
  const n = q.n < 0n ? -q.n : q.n;
  let e = Math.floor((bitLen(n) - bitLen(q.d)) * LOG10_2);
  // Correct the estimate (off by at most 1 or 2) exactly: 10^e <= q < 10^(e+1).
  const le = (k: number) => (k >= 0 ? pow10(k) * q.d <= n : q.d <= n * pow10(-k));
  while (!le(e)) e--;
  while (le(e + 1)) e++;
  return e;
}

/** |q| rounded to `digits` significant digits, ties to even: the mantissa as an integer. */
function roundMagnitude(q: Rational, digits: number): { m: bigint; exponent: number } {
  const n = q.n < 0n ? -q.n : q.n;
  let e = decimalExponent(q);
  // m = |q| * 10^(digits-1-e), rounded half to even.
  const shift = digits - 1 - e;
  let num = n;
  let den = q.d;
  if (shift >= 0) num *= pow10(shift);
  else den *= pow10(-shift);
  let m = num / den;
  const r2 = 2n * (num - m * den);
  if (r2 > den || (r2 === den && (m & 1n) === 1n)) m += 1n;
  if (m === pow10(digits)) {
    m = pow10(digits - 1);
    e += 1;
  }
  return { m, exponent: e };
}

/** Rounds |q| to `digits` significant digits, ties to even. */
export function roundToDigits(q: Rational, digits: number): DecimalDigits {
  if (!Number.isInteger(digits) || digits < 1) throw new RangeError(`digits must be a positive integer, got ${digits}`);
  if (q.isZero()) return { sign: 0, mantissa: '0'.repeat(digits), exponent: 0 };
  const { m, exponent } = roundMagnitude(q, digits);
  return { sign: q.sign, mantissa: m.toString(), exponent };
}

/**
 * The rounding to `digits` digits shared by every value of [lo, hi] (lo <= hi), or undefined if two of
 * them round differently. Rounding is monotone, so the ends decide. With both ends of one sign only the
 * end nearer 0 is rounded; the other need only stay below the outer edge of that rounding's cell,
 * (m + 1/2)·10^k, reaching it only when m is even (ties go to even): one division instead of two.
 */
export function commonRounding(lo: Rational, hi: Rational, digits: number): DecimalDigits | undefined {
  if (lo.sign !== hi.sign || lo.sign === 0) {
    const a = roundToDigits(lo, digits);
    const c = roundToDigits(hi, digits);
    return a.sign === c.sign && a.mantissa === c.mantissa && a.exponent === c.exponent ? a : undefined;
  }
  if (!Number.isInteger(digits) || digits < 1) throw new RangeError(`digits must be a positive integer, got ${digits}`);
  const inner = lo.sign > 0 ? lo : hi;
  const outer = lo.sign > 0 ? hi : lo;
  const { m, exponent } = roundMagnitude(inner, digits);
  const k = exponent - digits + 1;
  const n = outer.n < 0n ? -outer.n : outer.n;
  const lhs = k < 0 ? 2n * n * pow10(-k) : 2n * n;
  const rhs = k > 0 ? (2n * m + 1n) * outer.d * pow10(k) : (2n * m + 1n) * outer.d;
  if (lhs < rhs || (lhs === rhs && (m & 1n) === 0n)) return { sign: inner.sign, mantissa: m.toString(), exponent };
  return undefined;
}

/**
 * Text of q to `digits` significant digits: plain when -7 < exponent < digits (like
 * Number.prototype.toPrecision, so no insignificant zero is ever printed), else scientific.
 */
export function formatDecimal(q: Rational, digits: number): string {
  return formatDigits(roundToDigits(q, digits));
}

export function formatDigits(d: DecimalDigits): string {
  if (d.sign === 0) return '0';
  const sign = d.sign < 0 ? '-' : '';
  const digits = d.mantissa.length;
  const e = d.exponent;
  if (e < -6 || e >= digits) {
    const frac = d.mantissa.slice(1);
    return `${sign}${d.mantissa[0]}${frac ? '.' + frac : ''}e${e}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${d.mantissa}`;
  const int = d.mantissa.slice(0, e + 1);
  const frac = d.mantissa.slice(e + 1);
  return `${sign}${int}${frac ? '.' + frac : ''}`;
}

/** One unit in the last place of a `digits`-digit rendering with decimal exponent e. */
export function ulp(exponent: number, digits: number): Rational {
  const k = exponent - digits + 1;
  return k >= 0 ? Rational.of(10n ** BigInt(k)) : Rational.of(1n, 10n ** BigInt(-k));
}

/** The exact value of a text printed by formatDecimal (or any decimal literal). */
export function parseDecimalText(text: string): Rational | undefined {
  return Rational.parseDecimal(text.trim());
}
