// Directed rounding and the union results: cases where round-to-nearest or a naive rule would be unsound.

import { beforeAll, describe, expect, test } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { enclose, intervalContains, pointOf, type IntervalResult, type RationalInterval } from '../../src/numeric/interval.js';
import { loadMpfr } from '../../src/numeric/mpfr.js';

beforeAll(async () => {
  await loadMpfr();
});

const x = b.sym('x');
const y = b.sym('y');
const q = (n: number, d = 1) => Rational.of(n, d);
const iv = (lo: Rational, hi: Rational): RationalInterval => ({ lo, hi });
const boxOf = (entries: [string, RationalInterval][]) => new Map(entries);

function bounded(r: IntervalResult): { lo: Rational; hi: Rational } {
  if (r.kind !== 'bounded') throw new Error(`expected bounded, got ${r.kind}`);
  return r;
}

describe('outward rounding', () => {
  test('1/3 at 10 bits: lo < 1/3 < hi exactly, and the width is one ulp', () => {
    const r = bounded(enclose(b.div(b.ONE, x), boxOf([['x', pointOf(q(3))]]), 10));
    expect(r.lo.lt(q(1, 3))).toBe(true);
    expect(q(1, 3).lt(r.hi)).toBe(true);
    expect(r.hi.sub(r.lo).equals(Rational.of(1n, 2048n))).toBe(true);
  });

  test('sqrt(2), log(3), exp(1) and pi at 12 bits strictly contain the true values', () => {
    const sq = bounded(enclose(b.sqrt(x), boxOf([['x', pointOf(q(2))]]), 12));
    expect(sq.lo.mul(sq.lo).lt(q(2))).toBe(true);
    expect(q(2).lt(sq.hi.mul(sq.hi))).toBe(true);
    const pi = bounded(enclose(b.PI, new Map(), 12));
    expect(pi.lo.lt(Rational.parseDecimal('3.14159265358979')!)).toBe(true);
    expect(Rational.parseDecimal('3.14159265358980')!.lt(pi.hi)).toBe(true);
    const l3 = bounded(enclose(b.log(x), boxOf([['x', pointOf(q(3))]]), 12));
    expect(l3.lo.lt(Rational.parseDecimal('1.0986122886681')!) && Rational.parseDecimal('1.0986122886682')!.lt(l3.hi)).toBe(true);
    const e1 = bounded(enclose(b.exp(x), boxOf([['x', pointOf(q(1))]]), 12));
    expect(e1.lo.lt(Rational.parseDecimal('2.718281828459')!) && Rational.parseDecimal('2.718281828460')!.lt(e1.hi)).toBe(true);
  });

  test('a sum of many rounded terms stays outward: 100 terms 1/v, v in [10, 10 + 2^-200], at 8 bits contain 10', () => {
    const terms = Array.from({ length: 100 }, (_, i) => b.div(b.ONE, b.sym(`v${i}`)));
    const box = new Map(terms.map((_, i) => [`v${i}`, iv(q(10), q(10).add(Rational.of(1n, 1n << 200n)))] as [string, RationalInterval]));
    const r = bounded(enclose(b.add(...terms), box, 8));
    // The true range is [100/(10 + 2^-200), 10]; with round-to-nearest the upper end drifts below 10.
    expect(r.lo.lt(q(10)) && q(10).le(r.hi)).toBe(true);
    expect(r.hi.lt(q(20)) && q(5).lt(r.lo)).toBe(true); // 8-bit sums widen, but stay finite
  });
});

describe('division and zero', () => {
  test('1/x over [-1, 2] is the whole line, possibly undefined', () => {
    const r = enclose(b.div(b.ONE, x), boxOf([['x', iv(q(-1), q(2))]]), 53);
    expect(r.kind).toBe('entire');
    expect(r.kind !== 'unsupported' && r.undefinedPossible).toBe(true);
  });
  test('1/x over [0, 2] is [1/2, +inf), and over [-2, 0] is (-inf, -1/2]', () => {
    const r = enclose(b.div(b.ONE, x), boxOf([['x', iv(q(0), q(2))]]), 53);
    expect(r.kind).toBe('unbounded-above');
    if (r.kind === 'unbounded-above') expect(r.lo.equals(q(1, 2))).toBe(true);
    const s = enclose(b.div(b.ONE, x), boxOf([['x', iv(q(-2), q(0))]]), 53);
    expect(s.kind).toBe('unbounded-below');
    if (s.kind === 'unbounded-below') expect(s.hi.equals(q(-1, 2))).toBe(true);
  });
  test('1/x^2 over [-1, 3] is [1/9, +inf) rounded down; 1/x at exactly 0 is empty (definitely undefined)', () => {
    const r = enclose(b.pow(x, b.num(-2)), boxOf([['x', iv(q(-1), q(3))]]), 53);
    expect(r.kind).toBe('unbounded-above');
    if (r.kind === 'unbounded-above') expect(r.lo.lt(q(1, 9)) && q(1, 9).sub(r.lo).lt(Rational.of(1n, 1n << 55n))).toBe(true);
    const z = enclose(b.div(b.ONE, x), boxOf([['x', pointOf(q(0))]]), 53);
    expect(z.kind).toBe('empty');
    expect(z.kind === 'empty' && z.definitelyUndefined).toBe(true);
  });
});

describe('powers with awkward bases', () => {
  test('x^2 over [-3, 2] is [0, 9] exactly; x^3 is [-27, 8]', () => {
    const r = bounded(enclose(b.pow(x, b.num(2)), boxOf([['x', iv(q(-3), q(2))]]), 53));
    expect(r.lo.equals(q(0)) && r.hi.equals(q(9))).toBe(true);
    const c = bounded(enclose(b.pow(x, b.num(3)), boxOf([['x', iv(q(-3), q(2))]]), 53));
    expect(c.lo.equals(q(-27)) && c.hi.equals(q(8))).toBe(true);
  });
  test('sqrt over [-1, 4] is [0, 2], possibly undefined; over [-2, -1] it is empty', () => {
    const r = enclose(b.sqrt(x), boxOf([['x', iv(q(-1), q(4))]]), 53);
    expect(r.kind === 'bounded' && r.lo.isZero() && r.hi.equals(q(2)) && r.undefinedPossible).toBe(true);
    expect(enclose(b.sqrt(x), boxOf([['x', iv(q(-2), q(-1))]]), 53).kind).toBe('empty');
  });
  test('negative base to an interval exponent containing integers: flagged, and ±|x|^k enclosed', () => {
    const e = b.pow(x, y);
    const box = boxOf([['x', iv(q(-2), q(-1))], ['y', iv(q(1, 2), q(5, 2))]]);
    const r = enclose(e, box, 53);
    expect(r.kind !== 'unsupported' && r.undefinedPossible).toBe(true);
    for (const v of [q(-2), q(4), q(-1), q(1)]) expect(intervalContains(r, v)).toBe(true); // (-2)^1, (-2)^2, (-1)^1, (-1)^2
    const none = enclose(e, boxOf([['x', iv(q(-2), q(-1))], ['y', iv(q(1, 4), q(3, 4))]]), 53);
    expect(none.kind).toBe('empty');
  });
  test('x^y at a point integer exponent from the box is exact for negative x', () => {
    const r = bounded(enclose(b.pow(x, y), boxOf([['x', pointOf(q(-3))], ['y', pointOf(q(3))]]), 53));
    expect(r.lo.equals(q(-27)) && r.hi.equals(q(-27))).toBe(true);
  });
});

describe('step and integer functions', () => {
  test('ceil(2/t) at t = 1/12 is exactly 24 even at 10 bits; over a box around a jump it spans both sides', () => {
    const t = b.sym('t');
    const r = bounded(enclose(b.ceil(b.div(b.num(2), t)), boxOf([['t', pointOf(q(1, 12))]]), 10));
    expect(r.lo.equals(q(24)) && r.hi.equals(q(24))).toBe(true);
    const eps = Rational.of(1n, 10n ** 30n);
    const s = bounded(enclose(b.ceil(b.div(b.num(2), t)), boxOf([['t', iv(q(1, 12).sub(eps), q(1, 12).add(eps))]]), 200));
    expect(s.lo.equals(q(24)) && s.hi.equals(q(25))).toBe(true);
  });
  test('factorial and binomial', () => {
    const f = bounded(enclose(b.factorial(x), boxOf([['x', pointOf(q(20))]]), 80));
    expect(f.lo.equals(Rational.of(2432902008176640000n)) && f.hi.equals(f.lo)).toBe(true);
    const c = bounded(enclose(b.binomial(x, y), boxOf([['x', iv(q(10), q(12))], ['y', iv(q(2), q(3))]]), 53));
    expect(c.lo.equals(q(45)) && c.hi.equals(q(220))).toBe(true);
    const h = enclose(b.factorial(x), boxOf([['x', iv(q(1, 3), q(2, 3))]]), 53);
    expect(h.kind).toBe('empty');
  });
  test('abs, pos, min, max', () => {
    const box = boxOf([['x', iv(q(-3), q(2))]]);
    const a = bounded(enclose(b.abs(x), box, 53));
    expect(a.lo.isZero() && a.hi.equals(q(3))).toBe(true);
    const p = bounded(enclose(b.positivePart(x), box, 53));
    expect(p.lo.isZero() && p.hi.equals(q(2))).toBe(true);
    const m = bounded(enclose(b.min(x, b.num(1)), box, 53));
    expect(m.lo.equals(q(-3)) && m.hi.equals(q(1))).toBe(true);
  });
});

describe('refusals', () => {
  test('integrals, limits and free symbols are refused with a reason', () => {
    const i = enclose(b.integral('s', b.ZERO, b.ONE, b.sym('s')), new Map(), 53);
    expect(i.kind === 'unsupported' && i.reason === 'binder').toBe(true);
    const f = enclose(b.add(x, b.ONE), new Map(), 53);
    expect(f.kind === 'unsupported' && f.reason === 'free-symbol').toBe(true);
    const s = enclose(b.sum('j', b.ONE, b.num(10), b.sym('j')), new Map(), 53);
    expect(s.kind === 'bounded' && s.lo.equals(q(55)) && s.hi.equals(q(55))).toBe(true);
  });
});
