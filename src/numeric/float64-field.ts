// Doubles as a Field: the cheap first stage of iterations that higher-precision fields then finish
// (a root's seed). Never used for a printed digit or a proof; MPFR and decimal.js do those.

import { bitLength, Rational } from '../expr/rational.js';
import { checkRootIndex, type Field } from './api.js';
import { formatDecimal } from './format.js';

/** The exact rational value of a finite double. */
export function rationalFromDouble(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError('rationalFromDouble: not finite');
  if (x === 0) return Rational.ZERO;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  return e >= 0 ? Rational.of(sign * mant * (1n << BigInt(e))) : Rational.of(sign * mant, 1n << BigInt(-e));
}

/** A double within a few ulps of q (0 or ±Infinity beyond the double range). */
export function doubleFromRational(q: Rational): number {
  const an = q.n < 0n ? -q.n : q.n;
  const sn = Math.max(0, bitLength(an) - 64);
  const sd = Math.max(0, bitLength(q.d) - 64);
  const v = Number(an >> BigInt(sn)) / Number(q.d >> BigInt(sd));
  const scaled = sn - sd > 1000 || sn - sd < -1000 ? v * 2 ** ((sn - sd) / 2) * 2 ** ((sn - sd) / 2) : v * 2 ** (sn - sd);
  return q.n < 0n ? -scaled : scaled;
}

export class Float64Field implements Field<number> {
  readonly engine = 'float64' as const;
  readonly precisionBits = 53;
  rational(q: Rational): number {
    return doubleFromRational(q);
  }
  add(a: number, b: number): number {
    return a + b;
  }
  sub(a: number, b: number): number {
    return a - b;
  }
  mul(a: number, b: number): number {
    return a * b;
  }
  div(a: number, b: number): number {
    return a / b;
  }
  mulInt(a: number, k: number): number {
    return a * k;
  }
  divInt(a: number, k: number): number {
    return a / k;
  }
  neg(a: number): number {
    return -a;
  }
  abs(a: number): number {
    return Math.abs(a);
  }
  sqrt(a: number): number {
    return Math.sqrt(a);
  }
  log(a: number): number {
    return Math.log(a);
  }
  exp(a: number): number {
    return Math.exp(a);
  }
  pow(a: number, b: number): number {
    return Math.pow(a, b);
  }
  root(a: number, k: number): number {
    checkRootIndex(k);
    if (k === 2) return Math.sqrt(a);
    if (k === 3) return Math.cbrt(a);
    if (a < 0) return k % 2 === 1 ? -Math.pow(-a, 1 / k) : NaN;
    return Math.pow(a, 1 / k);
  }
  floor(a: number): number {
    return Math.floor(a);
  }
  ceil(a: number): number {
    return Math.ceil(a);
  }
  min(a: number, b: number): number {
    return Math.min(a, b);
  }
  max(a: number, b: number): number {
    return Math.max(a, b);
  }
  pi(): number {
    return Math.PI;
  }
  cmp(a: number, b: number): -1 | 0 | 1 {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  isFinite(a: number): boolean {
    return Number.isFinite(a);
  }
  isZero(a: number): boolean {
    return a === 0;
  }
  toRational(a: number): Rational {
    return rationalFromDouble(a);
  }
  toDecimal(a: number, digits: number): string {
    return Number.isFinite(a) ? formatDecimal(rationalFromDouble(a), digits) : String(a);
  }
  constant(q: Rational): number {
    return this.rational(q);
  }
  persist(a: number): number {
    return a;
  }
  mark(): number {
    return 0;
  }
  release(): void {}
  liveValues(): number {
    return 0;
  }
  destroy(): void {}
}
