import { describe, expect, it } from 'vitest';
import { add, div, exp, log, mul, num, pow, sub, sym } from '../../src/expr/build.js';
import { integerRoot, Rational } from '../../src/expr/rational.js';
import { formatDecimal } from '../../src/numeric/format.js';
import { mpfrField } from '../../src/numeric/mpfr-field.js';
import { findRoot } from '../../src/numeric/roots.js';

const x = sym('x');
const q = (a: number | bigint, b: number | bigint = 1) => Rational.of(a, b);
const none = new Map<string, Rational>();

describe('verified roots (Brent + interval sign change)', () => {
  it('x^2 − 2 on [1, 2]: √2 to 50 digits, bracketing the exact integer square root', async () => {
    const r = await findRoot(sub(pow(x, num(2)), num(2)), 'x', q(1), q(2), none, { digits: 50 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    // floor(√2 · 10^60) / 10^60 < √2 < that + 10^-60, independently of any floating point.
    const s = integerRoot(2n * 10n ** 120n, 2);
    const below = q(s, 10n ** 60n);
    const above = q(s + 1n, 10n ** 60n);
    expect(r.value.lower.lt(above) && below.lt(r.value.upper)).toBe(true);
    expect(r.value.approximation.correctlyRounded).toBe(true);
    expect(r.value.approximation.text).toBe(formatDecimal(below, 50));
    expect(r.value.atLower.hi.sign).toBe(-1);
    expect(r.value.atUpper.lo.sign).toBe(1);
  });
  it('exp(x) − 3 on [0, 2]: log 3 to 50 digits', async () => {
    const r = await findRoot(sub(exp(x), num(3)), 'x', q(0), q(2), none, { digits: 50 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const F = await mpfrField(400);
    const ln3 = F.toRational(F.log(F.rational(q(3))));
    F.destroy();
    expect(r.value.lower.le(ln3) && ln3.le(r.value.upper)).toBe(true);
    expect(r.value.approximation.text).toBe(formatDecimal(ln3, 50));
  });
  it('a parameter from env: x^3 − a with a = 5', async () => {
    const r = await findRoot(sub(pow(x, num(3)), sym('a')), 'x', q(1), q(2), new Map([['a', q(5)]]), { digits: 40 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const s = integerRoot(5n * 10n ** 150n, 3);
    expect(r.value.approximation.text).toBe(formatDecimal(q(s, 10n ** 50n), 40));
  });
  it('a root near 10^-300 in the bracket [10^-400, 1] (geometric narrowing first)', async () => {
    const r = await findRoot(sub(div(num(1), x), num(10n ** 300n)), 'x', q(1, 10n ** 400n), q(1), none, { digits: 30 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const root = q(1, 10n ** 300n);
    expect(r.value.lower.le(root) && root.le(r.value.upper)).toBe(true);
    expect(r.value.approximation.text).toBe(formatDecimal(root, 30));
  });
  it('the root of log(x) − 1/2 near a decreasing branch: x = exp(1/2)', async () => {
    const r = await findRoot(sub(num(1, 2), log(x)), 'x', q(1), q(3), none, { digits: 50 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const F = await mpfrField(400);
    const e12 = F.toRational(F.exp(F.rational(q(1, 2))));
    F.destroy();
    expect(r.value.approximation.text).toBe(formatDecimal(e12, 50));
  });
  it('no certified sign change: EB5005', async () => {
    const r = await findRoot(add(pow(x, num(2)), num(1)), 'x', q(-1), q(1), none, { digits: 20 });
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5005');
  });
  it('a sign at an end that cannot be decided (f = 0 exactly there, written inexactly): EB5104', async () => {
    const f = sub(mul(x, log(num(4))), mul(num(2), log(num(2)))); // zero at x = 1
    const r = await findRoot(f, 'x', q(1), q(2), none, { digits: 20 });
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5104');
  });
});
