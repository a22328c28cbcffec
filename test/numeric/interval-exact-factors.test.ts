// Exact operands the interval evaluator exploits: a product with an exact small rational n/d is a
// multiplication and a division by machine integers (never a float product with a rounded factor),
// and a rational power of an exact rational with a rational root is exact (sqrt(10^6) = 1000).

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { enclose } from '../../src/numeric/interval.js';
import { loadMpfr, type Mpfr } from '../../src/numeric/mpfr.js';

let mpfr: Mpfr;
beforeAll(async () => {
  mpfr = await loadMpfr();
});

const x = b.sym('x');

function countCalls<T>(name: 'mpfr_mul' | 'mpfr_sqrt' | 'mpfr_rootn_ui', f: () => T): { value: T; calls: number } {
  const bn = mpfr.binding as unknown as Record<string, (...args: number[]) => number>;
  const original = bn[name]!;
  let calls = 0;
  bn[name] = (...args: number[]) => (calls++, original(...args));
  try {
    return { value: f(), calls };
  } finally {
    bn[name] = original;
  }
}

const small = fc.record({ n: fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 }), d: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }).map(({ n, d }) => Rational.of(n, d));
const rational = fc.record({ n: fc.bigInt({ min: -(1n << 80n), max: 1n << 80n }), d: fc.bigInt({ min: 1n, max: 1n << 70n }) }).map(({ n, d }) => Rational.of(n, d));

describe('products with an exact small rational', () => {
  for (const bits of [128, 1100]) {
    it(`q·x over [lo, hi] contains q·lo and q·hi and is a few ulps wider at most, at ${bits} bits`, () => {
      fc.assert(
        fc.property(small, rational, rational, (q, u, v) => {
          const [lo, hi] = u.le(v) ? [u, v] : [v, u];
          const r = enclose(b.mul(b.num(q), x), new Map([['x', { lo, hi }]]), bits);
          if (r.kind !== 'bounded') throw new Error(r.kind);
          const [a, c] = q.sign >= 0 ? [q.mul(lo), q.mul(hi)] : [q.mul(hi), q.mul(lo)];
          expect(r.lo.le(a) && c.le(r.hi)).toBe(true);
          // Each end moves by at most 3 roundings of its own magnitude (x's end, times n, over d).
          const slack = (e: Rational) => e.abs().mul(Rational.of(8n, 1n << BigInt(bits)));
          expect(a.sub(r.lo).le(slack(a)) && r.hi.sub(c).le(slack(c))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('at 1100 bits a fractional factor takes no float product', () => {
    const { value: r, calls } = countCalls('mpfr_mul', () => enclose(b.mul(b.num(Rational.of(12, 25)), b.sqrt(x)), new Map([['x', { lo: Rational.of(41), hi: Rational.of(41) }]]), 1100));
    expect(calls).toBe(0);
    expect(r.kind).toBe('bounded');
  });

  it('0 times a half-line is 0, and a negative factor swaps infinite ends', () => {
    const box = new Map([['x', { lo: Rational.of(-1), hi: Rational.of(2) }]]);
    const inv = b.pow(x, b.num(-1)); // the whole line (0 is a pole)
    const zero = enclose(b.mul(b.num(Rational.of(0)), b.add(x, b.num(1))), box, 1100);
    expect(zero.kind === 'bounded' && zero.lo.isZero() && zero.hi.isZero()).toBe(true);
    const half = enclose(b.mul(b.num(Rational.of(-3, 7)), b.pow(b.add(x, b.num(1)), b.num(-1))), new Map([['x', { lo: Rational.ZERO, hi: Rational.of(2) }]]), 1100);
    // 1/(x + 1) on [0, 2] is [1/3, 1]; times -3/7: [-3/7, -1/7].
    if (half.kind !== 'bounded') throw new Error(half.kind);
    expect(half.lo.le(Rational.of(-3, 7)) && Rational.of(-1, 7).le(half.hi)).toBe(true);
    const line = enclose(b.mul(b.num(Rational.of(-3, 7)), inv), box, 1100);
    expect(line.kind).toBe('entire');
  });
});

describe('exact rational powers', () => {
  const at = (v: Rational) => new Map([['x', { lo: v, hi: v }]]);
  for (const [base, exponent, value] of [
    [Rational.of(10n ** 6n), Rational.HALF, Rational.of(1000)],
    [Rational.of(8, 27), Rational.of(2, 3), Rational.of(4, 9)],
    [Rational.of(10n ** 6n), Rational.of(-1, 2), Rational.of(1, 1000)],
    [Rational.ZERO, Rational.of(3, 2), Rational.ZERO],
  ] as const) {
    it(`${base}^(${exponent}) is ${value} rounded outward, with no root taken`, () => {
      const e = b.pow(x, b.num(exponent));
      const sqrt = countCalls('mpfr_sqrt', () => enclose(e, at(base), 1100));
      const rootn = countCalls('mpfr_rootn_ui', () => enclose(e, at(base), 1100));
      expect(sqrt.calls + rootn.calls).toBe(0);
      const r = sqrt.value;
      if (r.kind !== 'bounded') throw new Error(r.kind);
      expect(r.lo.le(value) && value.le(r.hi)).toBe(true);
      // The value's own two roundings: the float below and the float above, or one float when exact.
      expect(r.hi.sub(r.lo).le(value.mul(Rational.of(1n, 1n << 1098n)))).toBe(true);
    });
  }

  it('a base without a rational root still gets an enclosure, not a value', () => {
    const r = enclose(b.sqrt(x), at(Rational.of(41)), 1100);
    expect(r.kind === 'bounded' && r.lo.lt(r.hi)).toBe(true);
  });
});
