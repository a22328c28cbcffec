// The two Field implementations: MPFR and decimal.js agree, values convert exactly, destroy frees.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Rational } from '../../src/expr/rational.js';
import type { Field } from '../../src/numeric/api.js';
import { DecimalField, lnDecimal, piDecimal } from '../../src/numeric/decimal-field.js';
import { MpfrField, mpfrFieldSync } from '../../src/numeric/mpfr-field.js';
import { loadMpfr, RNDD, RNDU } from '../../src/numeric/mpfr.js';
import { Decimal } from 'decimal.js';

let mp: MpfrField;
beforeAll(async () => {
  await loadMpfr();
  mp = mpfrFieldSync(400);
});
afterAll(() => mp.destroy());

function sample<R>(F: Field<R>): string[] {
  const q = (n: number, d = 1) => F.rational(Rational.of(n, d));
  return [
    F.add(q(1, 3), q(2, 7)),
    F.sub(q(1, 3), q(1, 2)),
    F.mul(q(-5, 3), q(7, 11)),
    F.div(q(22), q(7)),
    F.sqrt(q(2)),
    F.log(q(10)),
    F.exp(q(-3, 2)),
    F.pow(q(3), q(1, 3)),
    F.pow(q(-2), q(5)),
    F.root(q(3), 4),
    F.root(q(-27, 5), 3),
    F.root(q(2, 9), 2),
    F.root(q(10), 7),
    F.floor(F.div(q(-7), q(2))),
    F.ceil(F.div(q(7), q(2))),
    F.min(q(1, 3), q(1, 4)),
    F.max(q(1, 3), q(1, 4)),
    F.abs(q(-9, 4)),
    F.neg(q(9, 4)),
    F.pi(),
  ].map((v) => F.toDecimal(v, 100));
}

describe('Field engines', () => {
  test('MPFR (400 bits) and decimal.js (130 digits) agree to 100 digits on every operation', () => {
    expect(sample(mp)).toEqual(sample(new DecimalField(130)));
  });
  test('root is the real k-th root: NaN for a negative base and even k, exact where the root is', () => {
    for (const F of [mp, new DecimalField(60)] as Field<unknown>[]) {
      expect(F.isFinite(F.root(F.rational(Rational.of(-16)), 4))).toBe(false);
      expect(F.toDecimal(F.root(F.rational(Rational.of(-243, 32)), 5), 40)).toBe(F.toDecimal(F.rational(Rational.of(-3, 2)), 40));
      expect(F.isZero(F.root(F.rational(Rational.ZERO), 3))).toBe(true);
      expect(() => F.root(F.rational(Rational.ONE), 1)).toThrow(RangeError);
    }
    // MPFR's root is correctly rounded: exact when the root is a float.
    expect(mp.toRational(mp.root(mp.rational(Rational.of(-243, 32)), 5)).equals(Rational.of(-3, 2))).toBe(true);
  });
  test('toRational is exact and cmp, isZero, isFinite behave', () => {
    const F = mp;
    const x = F.rational(Rational.of(3, 8));
    expect(F.toRational(x).equals(Rational.of(3, 8))).toBe(true);
    expect(F.cmp(x, F.rational(Rational.of(1, 2)))).toBe(-1);
    expect(F.isZero(F.sub(x, x))).toBe(true);
    expect(F.isFinite(F.div(x, F.rational(Rational.ZERO)))).toBe(false);
    const D = new DecimalField(30);
    expect(D.toRational(D.rational(Rational.of(3, 8))).equals(Rational.of(3, 8))).toBe(true);
  });
  test('directed rounding fields bracket 1/3', () => {
    const down = mpfrFieldSync(10, RNDD);
    const up = mpfrFieldSync(10, RNDU);
    const third = Rational.of(1, 3);
    expect(down.toRational(down.rational(third)).lt(third)).toBe(true);
    expect(third.lt(up.toRational(up.rational(third)))).toBe(true);
    down.destroy();
    up.destroy();
    down.destroy(); // idempotent
  });
  test('decimal.js beyond its ln/pi tables (1500 digits) agrees with MPFR', () => {
    const big = mpfrFieldSync(Math.ceil(1530 * Math.log2(10)));
    const D = new DecimalField(1500);
    const mLn = big.toDecimal(big.log(big.rational(Rational.of(7, 3))), 1500);
    const seven3 = new (Decimal.clone({ precision: 1600 }))(7).div(3);
    expect(D.toDecimal(lnDecimal(seven3, 1520), 1500)).toBe(mLn);
    // The field works at its own precision: its last digits carry rounding, so compare 1490.
    expect(D.toDecimal(D.log(D.rational(Rational.of(7, 3))), 1490)).toBe(big.toDecimal(big.log(big.rational(Rational.of(7, 3))), 1490));
    expect(D.toDecimal(piDecimal(1520), 1500)).toBe(big.toDecimal(big.pi(), 1500));
    expect(D.toDecimal(D.pow(D.rational(Rational.of(5)), D.rational(Rational.of(1, 3))), 1490)).toBe(
      big.toDecimal(big.pow(big.rational(Rational.of(5)), big.div(big.rational(Rational.ONE), big.rational(Rational.of(3)))), 1490),
    );
    big.destroy();
  });
  test('values of another field are refused', () => {
    const other = mpfrFieldSync(64);
    expect(() => mp.add(mp.rational(Rational.ONE), other.rational(Rational.ONE))).toThrow();
    other.destroy();
  });
});
