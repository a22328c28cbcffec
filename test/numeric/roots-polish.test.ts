import { describe, expect, it } from 'vitest';
import { abs, add, div, log, mul, num, pow, sub, sym } from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { signAt } from '../../src/numeric/roots-enclosure.js';
import { findRoot, type RootOptions, type VerifiedRoot } from '../../src/numeric/roots.js';

const q = (a: number | bigint, b: number | bigint = 1) => Rational.of(a, b);
const none = new Map<string, Rational>();

/** The §6 fixed point: alpha − 2 lambda L (9 k A log(1 + 4 lambda M/alpha)/n)^(1/d) at d = 4, n = 10^6, the rest 1. */
const alpha = sym('alpha');
const fixedPoint = sub(alpha, mul(num(2), pow(div(mul(num(9), log(add(num(1), div(num(4), alpha)))), num(10n ** 6n)), num(1, 4))));

async function root(f: Expr, v: string, lo: Rational, hi: Rational, opts: RootOptions): Promise<VerifiedRoot> {
  const r = await findRoot(f, v, lo, hi, none, opts);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value;
}

/** The bracket is re-verified from scratch: independent enclosures at its ends have opposite signs. */
async function expectVerified(f: Expr, v: string, r: VerifiedRoot, bits: number): Promise<void> {
  expect(r.lower.lt(r.upper)).toBe(true);
  const [sL, sU] = await Promise.all([signAt(f, v, r.lower, bits), signAt(f, v, r.upper, bits)]);
  if (!sL.ok || !sU.ok) throw new Error('an end sign is undecided');
  expect(sL.value.sign).toBe(-sU.value.sign);
  expect(Math.sign(r.atLower.lo.sign + r.atLower.hi.sign)).toBe(sL.value.sign);
  expect(Math.sign(r.atUpper.lo.sign + r.atUpper.hi.sign)).toBe(sU.value.sign);
}

describe('verified roots: Newton or secant from a low-precision seed, same digits as Brent', () => {
  it('the §6 fixed point to 1000 digits: Newton gives Brent\'s digits and a verified, as narrow bracket', async () => {
    const fast = await root(fixedPoint, 'alpha', q(1, 1000), q(1), { digits: 1000 });
    const slow = await root(fixedPoint, 'alpha', q(1, 1000), q(1), { digits: 1000, method: 'brent' });
    expect(fast.method).toBe('newton');
    expect(slow.method).toBe('brent');
    expect(fast.approximation.correctlyRounded).toBe(true);
    expect(fast.approximation.text).toBe(slow.approximation.text);
    expect(fast.approximation.text.startsWith('0.14801374559536276067001775093347465978660818185780262581316')).toBe(true);
    // Both brackets contain the root, so they overlap; the fast one is no wider than 4 times Brent's.
    expect(fast.lower.lt(slow.upper) && slow.lower.lt(fast.upper)).toBe(true);
    expect(fast.upper.sub(fast.lower).le(slow.upper.sub(slow.lower).mul(q(4)))).toBe(true);
    await expectVerified(fixedPoint, 'alpha', fast, 3400);
  });
  it('no derivative (|x − 3| is refused where the kink is not excluded): secant, the same 1000 digits', async () => {
    const x = sym('x');
    const f = add(sub(pow(x, num(2)), num(3)), div(abs(sub(x, num(3))), num(100)));
    const fast = await root(f, 'x', q(1), q(2), { digits: 1000 });
    const slow = await root(f, 'x', q(1), q(2), { digits: 1000, method: 'brent' });
    expect(fast.method).toBe('secant');
    expect(fast.approximation.correctlyRounded).toBe(true);
    expect(fast.approximation.text).toBe(slow.approximation.text);
    await expectVerified(f, 'x', fast, 3400);
  });
  it('a triple root, where Newton converges only linearly: the fast path gives way to Brent, same digits', async () => {
    const x = sym('x');
    const f = pow(sub(x, num(1, 3)), num(3));
    const fast = await root(f, 'x', q(0), q(1), { digits: 200 });
    const slow = await root(f, 'x', q(0), q(1), { digits: 200, method: 'brent' });
    expect(fast.approximation.text).toBe(slow.approximation.text);
    expect(fast.method).toBe('brent');
    expect(fast.approximation.text.startsWith('0.3333333333')).toBe(true);
    await expectVerified(f, 'x', fast, 800);
  });
  it('an end where f is 10^-60 from 0: the 128-bit first try cannot decide its sign, the full precision does', async () => {
    const x = sym('x');
    const c = q(1, 3).add(q(1n, 10n ** 60n));
    const f = sub(log(x), log(num(c))); // not rational at x = 1/3, so no exact shortcut decides the sign
    const quick = await signAt(f, 'x', q(1, 3), 128, { quiet: true });
    expect(quick.ok).toBe(false);
    const r = await root(f, 'x', q(1, 3), q(1), { digits: 70 });
    expect(r.lower.le(c) && c.le(r.upper)).toBe(true);
    await expectVerified(f, 'x', r, 400);
  });
});
