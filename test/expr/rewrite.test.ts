import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Assumptions, interval, real } from '../../src/expr/domains.js';
import { exactValue } from '../../src/expr/exact.js';
import { Rational } from '../../src/expr/rational.js';
import { provablyZero, rewrite, collectPowers } from '../../src/expr/rewrite.js';
import { isNonnegative, isPositive, signOf, ANY } from '../../src/expr/sign.js';
import { equals, type Expr } from '../../src/expr/types.js';

const [x, y, a, p, q] = ['x', 'y', 'a', 'p', 'q'].map(b.sym) as [Expr, Expr, Expr, Expr, Expr];
const n = (u: number, v = 1) => b.num(u, v);
const positive = Assumptions.positive;
const reals = Assumptions.real;
const same = (u: Expr, v: Expr) => expect(equals(u, v)).toBe(true);

describe('sign inference', () => {
  it('reads domains and propagates through operations', () => {
    expect(isPositive(b.log(b.add(n(1), b.div(n(4), x))), positive)).toBe(true);
    expect(isPositive(b.log(b.add(n(1), b.div(n(4), x))), reals)).toBe(false);
    expect(isNonnegative(b.pow(x, n(2)), reals)).toBe(true);
    expect(isPositive(b.ceil(b.div(n(2), x)), positive)).toBe(true);
    expect(signOf(b.sub(x, y), positive)).toBe(ANY);
    const eps = new Assumptions(new Map([['eps', interval(Rational.ZERO, Rational.ONE)]]));
    expect(isNonnegative(b.sym('eps'), eps)).toBe(true);
    expect(isPositive(b.sym('eps'), eps)).toBe(false);
  });
});

describe('positivity-aware rules', () => {
  it('(ab)^p = a^p b^p for positive a, b, refused for real a, b', () => {
    const e = b.pow(b.mul(a, b.sym('L')), b.div(b.sym('d'), n(2)));
    const r = rewrite(e, positive);
    same(r.expr, b.mul(b.pow(a, b.div(b.sym('d'), n(2))), b.pow(b.sym('L'), b.div(b.sym('d'), n(2)))));
    expect(r.rules.has('power-of-product')).toBe(true);
    const refused = rewrite(e, reals);
    same(refused.expr, e);
    expect(refused.rules.size).toBe(0);
  });
  it('pulls a positive factor out of a power even when the rest has unknown sign', () => {
    const mixed = new Assumptions(new Map([['y', real]]));
    const e = b.pow(b.mul(x, y), n(1, 2));
    same(rewrite(e, mixed).expr, b.mul(b.sqrt(x), b.sqrt(y)));
  });
  it('(a^p)^q = a^(pq) for a >= 0, refused for real a', () => {
    const e = b.pow(b.pow(x, p), q);
    same(rewrite(e, positive).expr, b.pow(x, b.mul(p, q)));
    same(rewrite(e, reals).expr, e);
  });
  it('sqrt(a^2) = a for positive a and |a| for real a', () => {
    const e = b.sqrt(b.pow(x, n(2)));
    same(rewrite(e, positive).expr, x);
    same(rewrite(e, reals).expr, b.abs(x));
  });
  it('log(ab) = log a + log b and log(a/b) = log a - log b only for positive a, b', () => {
    const e = b.log(b.div(n(2), b.sym('delta')));
    same(rewrite(e, positive).expr, b.sub(b.log(n(2)), b.log(b.sym('delta'))));
    const refused = b.log(b.mul(x, y));
    same(rewrite(refused, reals).expr, refused);
    same(rewrite(b.log(b.pow(x, p)), positive).expr, b.mul(p, b.log(x)));
    same(rewrite(b.log(b.pow(x, p)), reals).expr, b.log(b.pow(x, p)));
  });
  it('abs, positive part and max of signed arguments', () => {
    same(rewrite(b.abs(b.sub(n(0), x)), positive).expr, x);
    same(rewrite(b.positivePart(b.neg(x)), positive).expr, n(0));
    same(rewrite(b.max(x, b.add(x, n(1))), reals).expr, b.add(x, n(1)));
    same(rewrite(b.max(x, y), positive).expr, b.max(x, y));
  });
  it('finds (1+2/x)^d x^d = (x+2)^d for positive x, and not for real x', () => {
    const d = b.sym('d');
    const e = b.sub(b.mul(b.pow(b.add(n(1), b.div(n(2), x)), d), b.pow(x, d)), b.pow(b.add(x, n(2)), d));
    expect(provablyZero(e, positive).proven).toBe(true);
    expect(provablyZero(e, reals).proven).toBe(false);
    expect(collectPowers(b.mul(b.pow(x, d), b.pow(y, d)), reals).rules.size).toBe(0);
  });
  it('does not prove false identities', () => {
    expect(provablyZero(b.sub(b.sqrt(b.add(x, y)), b.add(b.sqrt(x), b.sqrt(y))), positive).proven).toBe(false);
    expect(provablyZero(b.sub(b.log(b.add(x, y)), b.add(b.log(x), b.log(y))), positive).proven).toBe(false);
  });
});

// Points that are sixth powers keep square and cube roots rational, so values compare exactly.
const sixthPower = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 })).map(([u, v]) => Rational.of(u, v).powInt(6n)!);
const leaf = fc.constantFrom<Expr>(x, y, a, n(2), n(1, 3), n(3, 2));
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), tie('e')).map(([u, v]) => b.mul(u, v)),
    fc.tuple(tie('e'), tie('e')).map(([u, v]) => b.add(u, v)),
    fc.tuple(tie('e'), tie('e')).map(([u, v]) => b.sub(u, v)),
    fc.tuple(tie('e'), fc.constantFrom(n(1, 2), n(1, 3), n(2), n(-1), n(-1, 2), n(3, 2))).map(([u, k]) => b.pow(u, k)),
    tie('e').map((u) => b.abs(b.sub(u, n(1)))),
    tie('e').map((u) => b.sqrt(b.pow(u, n(2)))),
    tie('e').map((u) => b.pow(b.pow(u, n(2)), n(3, 2))),
    fc.tuple(tie('e'), tie('e')).map(([u, v]) => b.max(u, v)),
  ),
})).e;

describe('rewrites preserve value (exact, at random positive rational points)', () => {
  it('rewrite(e) and e agree wherever e is defined', () => {
    fc.assert(
      fc.property(exprArb, sixthPower, sixthPower, sixthPower, (e, vx, vy, va) => {
        const env = new Map([['x', vx], ['y', vy], ['a', va]]);
        const before = exactValue(e, env);
        fc.pre(before.ok && before.value.kind === 'rational');
        const after = exactValue(rewrite(e, positive).expr, env);
        expect(after.ok).toBe(true);
        if (after.ok && before.ok && before.value.kind === 'rational') {
          expect(after.value.kind).toBe('rational');
          if (after.value.kind === 'rational') expect(after.value.value.equals(before.value.value)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('canonical rebuilding is idempotent on rewritten forms', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const r = rewrite(e, positive).expr;
        same(rewrite(r, positive).expr, rewrite(rewrite(r, positive).expr, positive).expr);
      }),
      { numRuns: 300 },
    );
  });
});

describe('exact evaluation', () => {
  it('is exact where the value is rational and reports undefined values', () => {
    const t = b.sym('t');
    const v = exactValue(b.mul(b.ceil(b.div(n(2), t)), b.sqrt(n(8)), b.sqrt(n(2))), new Map([['t', Rational.of(1, 12)]]));
    expect(v.ok && v.value.kind === 'rational' && v.value.value.toString()).toBe('96');
    const bad = exactValue(b.div(n(1), b.sub(x, n(1))), new Map([['x', Rational.ONE]]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics[0]!.code).toBe('EB3001');
    const neglog = exactValue(b.log(x), new Map([['x', Rational.of(-2)]]));
    expect(!neglog.ok && neglog.diagnostics[0]!.code).toBe('EB3005');
    const s = exactValue(b.sum('j', n(1), n(10), b.sym('j')), new Map());
    expect(s.ok && s.value.kind === 'rational' && s.value.value.toString()).toBe('55');
  });
});

describe('content of sums', () => {
  it('proves 1/(d/2 - 1) = 2/(d - 2) and log(2x + 2) = log 2 + log(x + 1)', () => {
    const d = b.sym('d');
    const alpha = b.sym('alpha');
    const lhs = b.div(b.pow(alpha, b.sub(n(1), b.div(d, n(2)))), b.sub(b.div(d, n(2)), n(1)));
    const rhs = b.div(b.mul(n(2), b.pow(alpha, b.sub(n(1), b.div(d, n(2))))), b.sub(d, n(2)));
    const r = provablyZero(b.sub(lhs, rhs), positive);
    expect(r.proven).toBe(true);
    expect(r.rules.has('content-of-sum')).toBe(true);
    expect(provablyZero(b.sub(b.log(b.add(b.mul(n(2), x), n(2))), b.add(b.log(n(2)), b.log(b.add(x, n(1))))), reals).proven).toBe(true);
    expect(provablyZero(b.sub(b.div(n(1), b.sub(b.div(d, n(2)), n(1))), b.div(n(1), b.sub(d, n(2)))), positive).proven).toBe(false);
  });
});

describe('empty integrals', () => {
  it('an integral between equal limits is 0, whatever the integrand (even one undefined there)', () => {
    const a = b.sym('alpha');
    const r = rewrite(b.add(b.integral('t', a, a, b.div(b.ONE, b.sub(b.sym('t'), a))), b.sym('x')));
    expect(equals(r.expr, b.sym('x'))).toBe(true);
    expect(r.rules.has('empty-integral')).toBe(true);
    const kept = rewrite(b.integral('t', a, b.ONE, b.sym('t')));
    expect(kept.expr.kind).toBe('integral');
  });
});
