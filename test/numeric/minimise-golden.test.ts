import { describe, expect, it } from 'vitest';
import { add, div, log, mul, num, pow, sub, sym } from '../../src/expr/build.js';
import { integerRoot, Rational } from '../../src/expr/rational.js';
import { formatDecimal } from '../../src/numeric/format.js';
import { minimise } from '../../src/numeric/minimise.js';

const x = sym('x');
const q = (a: number | bigint, b: number | bigint = 1) => Rational.of(a, b);
const none = new Map<string, Rational>();

describe('certified 1-D minimisation', () => {
  it('4α + 2/α on [1/100, 10]: minimum 4√2 at α = 1/√2, to 50 digits', async () => {
    const f = add(mul(num(4), x), div(num(2), x));
    const r = await minimise(f, 'x', q(1, 100), q(10), none, { digits: 50 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const s32 = integerRoot(32n * 10n ** 140n, 2); // 4√2 = √32
    const lo = q(s32, 10n ** 70n);
    const hi = q(s32 + 1n, 10n ** 70n);
    expect(r.value.minimum.lower.le(hi) && lo.le(r.value.minimum.upper)).toBe(true);
    expect(r.value.minimum.correctlyRounded).toBe(true);
    expect(r.value.minimum.text).toBe(formatDecimal(lo, 50));
    const sh = integerRoot(5n * 10n ** 139n, 2); // 1/√2 = √(1/2) = √50/10
    const amin = q(sh, 10n ** 70n);
    expect(r.value.argmin.lower.le(amin.add(q(1, 10n ** 70n))) && amin.le(r.value.argmin.upper)).toBe(true);
    expect(r.value.atEndpoint).toBe(false);
    // The certificate: f(x2) <= f(x1) and f(x2) <= f(x3) by enclosures.
    const [e1, e2, e3] = r.value.values;
    expect(e2.hi.le(e1.lo) && e2.hi.le(e3.lo)).toBe(true);
  });
  it('x − log x on [1/10, 10]: minimum 1 at x = 1', async () => {
    const r = await minimise(sub(x, log(x)), 'x', q(1, 10), q(10), none, { digits: 40 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.minimum.lower.le(q(1)) && q(1).le(r.value.minimum.upper)).toBe(true);
    expect(r.value.minimum.text).toBe(formatDecimal(q(1), 40));
    expect(r.value.argmin.lower.le(q(1)) && q(1).le(r.value.argmin.upper)).toBe(true);
  });
  it('a minimum at an end of the range: (x − 3)^2 on [0, 1] is least at 1', async () => {
    const r = await minimise(pow(sub(x, num(3)), num(2)), 'x', q(0), q(1), none, { digits: 30 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.atEndpoint).toBe(true);
    expect(r.value.points[1].toString()).toBe('1');
    expect(r.value.minimum.text).toBe(formatDecimal(q(4), 30));
  });
  it('refuses an empty range', async () => {
    const r = await minimise(x, 'x', q(1), q(1), none, { digits: 10 });
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5106');
  });
});
