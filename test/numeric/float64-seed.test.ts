// Roots are seeded in doubles, and by 96-bit MPFR when doubles fail (outside their range); the seed
// never decides a digit, the certified bracket does.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { add, div, log, mul, num, pow, sub, sym } from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { doubleFromRational, Float64Field, rationalFromDouble } from '../../src/numeric/float64-field.js';
import { findRoot } from '../../src/numeric/roots.js';

const q = (a: number | bigint, b: number | bigint = 1) => Rational.of(a, b);
afterEach(() => vi.restoreAllMocks());

describe('doubles as a field', () => {
  it('doubleFromRational is within 2^-50 relative of q, also for 300-bit and tiny values', () => {
    const big = fc.bigInt({ min: 1n, max: 1n << 300n });
    fc.assert(
      fc.property(big, big, fc.boolean(), (n, d, neg) => {
        const v = Rational.of(neg ? -n : n, d);
        const x = doubleFromRational(v);
        if (!Number.isFinite(x) || x === 0) return; // beyond the double range
        const err = rationalFromDouble(x).sub(v).abs();
        expect(err.le(v.abs().mul(q(1n, 1n << 50n)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(doubleFromRational(q(1n, 10n ** 400n))).toBe(0);
    expect(doubleFromRational(q(10n ** 400n))).toBe(Infinity);
    expect(doubleFromRational(q(-1, 3))).toBe(-1 / 3);
  });
  it('rationalFromDouble is exact and root follows the real roots of MPFR', () => {
    expect(rationalFromDouble(0.1).equals(q(3602879701896397n, 1n << 55n))).toBe(true);
    const F = new Float64Field();
    expect(F.root(-27, 3)).toBe(-3);
    expect(Number.isNaN(F.root(-16, 4))).toBe(true);
    expect(F.root(16, 4)).toBe(2);
  });
});

describe('root seeds', () => {
  const alpha = sym('alpha');
  const fixedPoint = sub(alpha, mul(num(2), pow(div(mul(num(9), log(add(num(1), div(num(4), alpha)))), num(10n ** 6n)), num(1, 4))));
  it('the §6 fixed point is seeded in doubles and gives the known 50 digits', async () => {
    const spy = vi.spyOn(Float64Field.prototype, 'log');
    const r = await findRoot(fixedPoint, 'alpha', q(1, 1000), q(1), new Map(), { digits: 50 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(spy).toHaveBeenCalled();
    expect(r.value.method).toBe('newton');
    expect(r.value.approximation.text).toBe('0.14801374559536276067001775093347465978660818185780');
  });
  it('a root at 10^-400, below the doubles: the MPFR seed takes over, the same verified bracket', async () => {
    const x = sym('x');
    const c = q(3n, 10n ** 400n);
    const f = sub(log(x), log(num(c)));
    const spy = vi.spyOn(Float64Field.prototype, 'log');
    const r = await findRoot(f, 'x', q(1n, 10n ** 401n), q(1n, 10n ** 399n), new Map(), { digits: 40 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(spy).toHaveBeenCalled();
    expect(r.value.method).toBe('newton');
    expect(r.value.lower.le(c) && c.le(r.value.upper)).toBe(true);
  });
});
