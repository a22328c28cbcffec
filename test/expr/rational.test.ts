// Rational's own arithmetic (cancel-before-multiply, Knuth's sum) against fraction.js, which reduces
// by the gcd of the whole product: same reduced values everywhere, including dyadic and huge operands;
// and integer and exact roots, including root indices far beyond the number's size.
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { exactRoot, integerRoot, Rational } from '../../src/expr/rational.js';

const big = fc.bigInt({ min: -(1n << 300n), max: 1n << 300n });
const small = fc.bigInt({ min: -60n, max: 60n });
const pos = (g: fc.Arbitrary<bigint>) => g.map((x) => (x < 0n ? -x : x) + 1n);
const rational = fc.oneof(
  fc.tuple(small, pos(small)),
  fc.tuple(big, pos(big)),
  fc.tuple(big, fc.integer({ min: 0, max: 400 }).map((k) => 1n << BigInt(k))), // interval endpoints
  fc.tuple(small, fc.constant(1n)),
  fc.tuple(fc.constant(0n), pos(small)),
).map(([n, d]) => Rational.of(n, d));

function viaFraction(a: Rational, b: Rational, op: 'add' | 'sub' | 'mul' | 'div'): Rational {
  const f = new Fraction(a.n, a.d)[op](new Fraction(b.n, b.d));
  return Rational.of(BigInt(f.s) * BigInt(f.n), BigInt(f.d));
}

const reduced = (q: Rational) => {
  let [a, b] = [q.n < 0n ? -q.n : q.n, q.d];
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 1n && q.d > 0n && (q.n !== 0n || q.d === 1n);
};

describe('Rational arithmetic', () => {
  for (const op of ['add', 'sub', 'mul', 'div'] as const) {
    it(`${op} agrees with fraction.js and returns reduced values`, () => {
      fc.assert(
        fc.property(rational, rational, (a, b) => {
          if (op === 'div' && b.isZero()) return;
          const r = a[op](b);
          expect(reduced(r)).toBe(true);
          expect(r.equals(viaFraction(a, b, op))).toBe(true);
        }),
        { numRuns: 1500 },
      );
    });
  }
  it('inverse keeps the denominator positive and refuses zero', () => {
    expect(Rational.of(-3n, 7n).inverse().toString()).toBe('-7/3');
    expect(Rational.of(1n << 200n, 3n).inverse().equals(Rational.of(3n, 1n << 200n))).toBe(true);
    expect(() => Rational.ZERO.inverse()).toThrow(RangeError);
  });
});

describe('integer and exact roots', () => {
  it('integerRoot(a, k) is the largest r with r^k <= a', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 200n }), fc.integer({ min: 1, max: 300 }), (a, k) => {
        const r = integerRoot(a, k);
        const K = BigInt(k);
        expect(r ** K <= a && (r + 1n) ** K > a).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('huge root indices answer at once (no 2^(k-1) on the way)', () => {
    expect(integerRoot(41n, 2 ** 30)).toBe(1n);
    expect(exactRoot(Rational.of(41), 2 ** 30)).toBeUndefined();
    expect(exactRoot(Rational.ONE, 2 ** 30)).toEqual(Rational.ONE);
    expect(exactRoot(Rational.of(8, 27), 3)).toEqual(Rational.of(2, 3));
    expect(exactRoot(Rational.of(-8, 27), 3)).toEqual(Rational.of(-2, 3));
  });
});
