// The fast path of findRoot takes the bracket's end signs in doubles as its orientation: its own
// certificate proves the root, so the ends are enclosed only when the certified bracket reaches one,
// and the certified end signs decide (EB5005, Brent) whenever the doubles cannot.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { add, div, log, mul, num, pow, sub, sym } from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { IntervalEvaluator } from '../../src/numeric/interval.js';
import { MpfrField } from '../../src/numeric/mpfr-field.js';
import { findRoot } from '../../src/numeric/roots.js';

const q = (a: number | bigint, b: number | bigint = 1) => Rational.of(a, b);
const x = sym('x');
afterEach(() => vi.restoreAllMocks());

/** The points at which enclosures are taken during f(). */
async function enclosedPoints<T>(f: () => Promise<T>): Promise<{ value: T; points: Rational[] }> {
  const points: Rational[] = [];
  const original = IntervalEvaluator.prototype.enclose;
  vi.spyOn(IntervalEvaluator.prototype, 'enclose').mockImplementation(function (this: IntervalEvaluator, e, box) {
    for (const iv of box.values()) if (iv.lo.equals(iv.hi)) points.push(iv.lo);
    return original.call(this, e, box);
  });
  return { value: await f(), points };
}

describe('findRoot without end enclosures', () => {
  it('the §6 fixed point at 60 digits: two enclosures, both inside the bracket, none at its ends', async () => {
    const alpha = sym('alpha');
    const ell = log(add(num(1), div(num(4), alpha)));
    const f = sub(alpha, mul(num(2), pow(div(mul(num(9), ell), num(10n ** 6n)), num(q(1, 4)))));
    await findRoot(f, 'alpha', q(1, 1000), q(1), new Map(), { digits: 60 }); // compiles and warms caches
    const { value: r, points } = await enclosedPoints(() => findRoot(f, 'alpha', q(1, 1000), q(1), new Map(), { digits: 60 }));
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.method).toBe('newton');
    expect(r.value.approximation.text.startsWith('0.14801374559536276067001775093347465978660818185780262581316')).toBe(true);
    expect(points).toHaveLength(2);
    expect(points.some((p) => p.equals(q(1, 1000)) || p.equals(q(1)))).toBe(false);
    expect(r.value.atLower.hi.sign < 0 && r.value.atUpper.lo.sign > 0).toBe(true);
  });

  it('a root 10^-10 above the lower end at 5 digits: the certified bracket reaches it, and only that end is enclosed', async () => {
    // log(x) - 10^-10: doubles see the right signs at 1 and 2 and resolve the root, so the fast path
    // runs; its bracket, about 10^-9 wide, is cut off at 1.
    const f = sub(log(x), num(q(1n, 10n ** 10n)));
    const { value: r, points } = await enclosedPoints(() => findRoot(f, 'x', q(1), q(2), new Map(), { digits: 5 }));
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.method).toBe('newton');
    expect(r.value.lower.equals(q(1))).toBe(true);
    expect(r.value.atLower.hi.sign).toBe(-1);
    expect(r.value.atUpper.lo.sign).toBe(1);
    expect(points.filter((p) => p.equals(q(1))).length).toBeGreaterThan(0);
    expect(points.some((p) => p.equals(q(2)))).toBe(false);
    expect(r.value.approximation.text).toBe('1.0000');
  });

  it('the same sign at both ends in doubles and in truth: EB5005, as before', async () => {
    const r = await findRoot(add(mul(x, x), num(1)), 'x', q(-1), q(2), new Map(), { digits: 30 });
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5005');
  });

  it('an end where doubles see 0 but f is not: the certified signs decide, the root is found', async () => {
    // f(1) = -10^-30, below a double's resolution at 1: doubles give 0, so no orientation.
    const f = sub(x, num(q(10n ** 30n + 1n, 10n ** 30n)));
    const r = await findRoot(f, 'x', q(1), q(2), new Map(), { digits: 40 });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.approximation.text).toBe('1.000000000000000000000000000001000000000');
  });
});

describe('polishing fields', () => {
  it('are kept per expression and precision, and freed when the expression leaves the cache', async () => {
    const { polishFieldsKept } = await import('../../src/numeric/roots.js');
    const destroyed = vi.spyOn(MpfrField.prototype, 'destroy');
    for (let k = 2; k < 40; k++) {
      for (const digits of [30, 60, 90]) {
        const r = await findRoot(sub(mul(x, x), num(k)), 'x', q(1), q(7), new Map(), { digits });
        if (!r.ok) throw new Error(r.diagnostics[0]!.message);
      }
      // 8 expressions kept, at most 2 precisions each.
      expect(polishFieldsKept()).toBeLessThanOrEqual(16);
    }
    expect(polishFieldsKept()).toBeGreaterThan(0);
    // 38 expressions at 3 precisions each made 114 fields; all but the 16 kept were destroyed.
    expect(destroyed.mock.calls.length).toBeGreaterThanOrEqual(114 - 16);
  });
});
