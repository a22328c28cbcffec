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
  return a === 0n ? 0 : a.toString(2).length;
}

/** floor(log10(q)) for q > 0, exactly. */
export function decimalExponent(q: Rational): number {
  const n = q.n < 0n ? -q.n : q.n;
  let e = Math.floor((bitLen(n) - bitLen(q.d)) * LOG10_2);
  // Correct the estimate (off by at most 1 or 2) exactly: 10^e <= q < 10^(e+1).
  const le = (k: number) => (k >= 0 ? 10n ** BigInt(k) * q.d <= n : q.d <= n * 10n ** BigInt(-k));
  while (!le(e)) e--;
  while (le(e + 1)) e++;
  return e;
}

/** Rounds |q| to `digits` significant digits, ties to even. */
export function roundToDigits(q: Rational, digits: number): DecimalDigits {
  if (!Number.isInteger(digits) || digits < 1) throw new RangeError(`digits must be a positive integer, got ${digits}`);
  if (q.isZero()) return { sign: 0, mantissa: '0'.repeat(digits), exponent: 0 };
  const n = q.n < 0n ? -q.n : q.n;
  let e = decimalExponent(q);
  // m = |q| * 10^(digits-1-e), rounded half to even.
  const shift = digits - 1 - e;
  let num = n;
  let den = q.d;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  let m = num / den;
  const r2 = 2n * (num - m * den);
  if (r2 > den || (r2 === den && (m & 1n) === 1n)) m += 1n;
  if (m === 10n ** BigInt(digits)) {
    m = 10n ** BigInt(digits - 1);
    e += 1;
  }
  return { sign: q.sign, mantissa: m.toString(), exponent: e };
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
