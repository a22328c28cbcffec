// commonRounding (the Ziv loop's test that an enclosure determines its digits) agrees with rounding both
// ends and comparing, on random intervals and on intervals that end exactly on, just below or just above
// the edge of a rounding cell, ties to even, carries to the next power of ten, both signs.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Rational } from '../../src/expr/rational.js';
import { commonRounding, roundToDigits, type DecimalDigits } from '../../src/numeric/format.js';

function byBothEnds(lo: Rational, hi: Rational, digits: number): DecimalDigits | undefined {
  const a = roundToDigits(lo, digits);
  const c = roundToDigits(hi, digits);
  return a.sign === c.sign && a.mantissa === c.mantissa && a.exponent === c.exponent ? a : undefined;
}

const rational = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 25n }))
  .map(([n, d]) => Rational.of(n, d));

/** (2m + 1)/2 · 10^k: the edge between the cells of m and m + 1 at scale 10^k. */
function edge(m: bigint, k: number): Rational {
  const scale = k >= 0 ? Rational.of(10n ** BigInt(k)) : Rational.of(1n, 10n ** BigInt(-k));
  return Rational.of(2n * m + 1n, 2n).mul(scale);
}

describe('commonRounding', () => {
  test('equals rounding both ends, on random intervals', () => {
    fc.assert(
      fc.property(rational, rational, fc.integer({ min: 1, max: 30 }), (a, b, digits) => {
        const [lo, hi] = a.le(b) ? [a, b] : [b, a];
        expect(commonRounding(lo, hi, digits)).toEqual(byBothEnds(lo, hi, digits));
      }),
      { numRuns: 3000 },
    );
  });

  test('equals rounding both ends next to the edge of a cell (ties, carries, both signs)', () => {
    const cases = fc.tuple(
      fc.integer({ min: 1, max: 25 }),
      fc.integer({ min: -30, max: 30 }),
      fc.bigInt({ min: 0n, max: 10n ** 25n }),
      fc.constantFrom(-2n, -1n, 0n, 1n, 2n),
      fc.bigInt({ min: 0n, max: 1000n }),
      fc.boolean(),
      fc.constantFrom('any', 'top', 'bottom'),
    );
    fc.assert(
      fc.property(cases, ([digits, k, raw, nudge, width, negative, where]) => {
        const top = 10n ** BigInt(digits);
        // The mantissa: any, the largest (the next cell carries to 10^digits), or the smallest.
        const m = where === 'top' ? top - 1n : where === 'bottom' ? top / 10n : top / 10n + (raw % (top - top / 10n));
        const tiny = Rational.of(1n, 10n ** BigInt(digits + Math.abs(k) + 40));
        const e = edge(m, k).add(tiny.mul(Rational.of(nudge)));
        const inner = e.sub(tiny.mul(Rational.of(width)));
        if (inner.sign <= 0) return;
        const [lo, hi] = negative ? [e.neg(), inner.neg()] : [inner, e];
        expect(commonRounding(lo, hi, digits)).toEqual(byBothEnds(lo, hi, digits));
      }),
      { numRuns: 5000 },
    );
  });

  test('a tie at the edge stays only with an even mantissa', () => {
    // [1.25 - 10^-9, 1.25] to 2 digits: 1.25 ties to 1.2 (even), so 1.2 is common.
    const lo = Rational.of(125, 100).sub(Rational.of(1, 10 ** 9));
    expect(commonRounding(lo, Rational.of(125, 100), 2)?.mantissa).toBe('12');
    // [1.35 - 10^-9, 1.35]: 1.35 ties to 1.4, the left end to 1.3.
    expect(commonRounding(Rational.of(135, 100).sub(Rational.of(1, 10 ** 9)), Rational.of(135, 100), 2)).toBeUndefined();
    // [9.94, 9.95] to 2 digits: 9.95 ties to 10 (carry), 9.94 to 9.9.
    expect(commonRounding(Rational.of(994, 100), Rational.of(995, 100), 2)).toBeUndefined();
  });
});
