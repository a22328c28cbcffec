// Our symbolic derivative in src/expr: known derivatives (canonical, compared structurally), refusals
// with their codes, and a property against a central difference evaluated at 60 digits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { derivative } from '../../src/expr/derivative.js';
import { Assumptions, atLeast, real } from '../../src/expr/domains.js';
import { toText } from '../../src/expr/print/text.js';
import { Rational } from '../../src/expr/rational.js';
import { readExpr } from '../../src/expr/read.js';
import { provablyZero } from '../../src/expr/rewrite.js';
import type { Expr } from '../../src/expr/types.js';
import { evaluate } from '../../src/numeric/evaluate.js';

const read = (s: string): Expr => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(`${s}: ${r.diagnostics[0]!.message}`);
  return r.value;
};
const d = (s: string, v = 'x', a?: Assumptions): Expr | string => {
  const r = derivative(read(s), v, a);
  return r.ok ? r.value : r.diagnostics[0]!.code;
};

describe('derivative: known derivatives, in canonical form', () => {
  it('powers, logs and exponentials', () => {
    expect(d('x^3')).toEqual(read('3*x^2'));
    expect(d('x^(-2)')).toEqual(read('-2/x^3'));
    expect(d('x^(2/3)')).toEqual(read('(2/3)*x^(-1/3)'));
    expect(d('sqrt(x)')).toEqual(read('1/(2*sqrt(x))'));
    expect(d('log(x)')).toEqual(read('1/x'));
    expect(d('exp(2*x)')).toEqual(read('2*exp(2*x)'));
    expect(d('a^x')).toEqual(read('a^x*log(a)'));
    expect(d('2^(x^2)')).toEqual(read('2*x*2^(x^2)*log(2)'));
    expect(d('x^x')).toEqual(read('x^x*(log(x) + 1)'));
    expect(d('x^(1 - d/2)')).toEqual(read('(1 - d/2)*x^(-d/2)'));
    expect(d('pi*x')).toEqual(b.PI);
    expect(d('y*t')).toEqual(b.ZERO);
    expect(d('log(a*x^2)')).toEqual(read('2/x'));
  });

  it('the Dudley objective 4 alpha + C alpha^(1 - d/2)', () => {
    expect(d('4*alpha + C*alpha^(1 - d/2)', 'alpha')).toEqual(read('4 + C*(1 - d/2)*alpha^(-d/2)'));
    expect(d('4*alpha + C*alpha^(1 - 4/2)', 'alpha')).toEqual(read('4 - C/alpha^2'));
  });

  it('chain and product rules, equal to the expected form after rewriting (provablyZero)', () => {
    expect(d('log(1 + 4*lambda*M/alpha)', 'alpha')).toEqual(read('-4*lambda*M/(alpha^2*(1 + 4*lambda*M/alpha))'));
    const cases: [string, string, string][] = [
      ['sqrt(log(x))', 'x', '1/(2*x*sqrt(log(x)))'],
      ['x*exp(-x)*log(x)', 'x', 'exp(-x)*log(x) - x*exp(-x)*log(x) + exp(-x)'],
      ['(x + a)^(d/2)', 'x', '(d/2)*(x + a)^(d/2 - 1)'],
    ];
    for (const [f, v, expected] of cases) {
      const got = d(f, v);
      expect(typeof got, f).not.toBe('string');
      expect(provablyZero(b.sub(got as Expr, read(expected))).proven, `${f}: ${toText(got as Expr)}`).toBe(true);
    }
  });

  it('integrals in their limits by the fundamental theorem of calculus', () => {
    expect(d('integral(t^2, t, x, 1)')).toEqual(read('-x^2'));
    expect(d('integral(exp(-t^2), t, 0, sqrt(x))')).toEqual(read('exp(-x)/(2*sqrt(x))'));
    expect(d('integral(log(t), t, x, x^2)')).toEqual(read('2*x*log(x^2) - log(x)'));
    expect(d('integral(1/t^2, t, x, infinity)')).toEqual(read('-1/x^2'));
    expect(d('integral(abs(t - 1), t, 0, x)')).toEqual(read('abs(x - 1)'));
    // The integration variable may be called x: only its limits depend on the free x.
    const x = b.sym('x');
    expect(derivative(b.integral('x', b.ZERO, x, b.pow(x, b.TWO)), 'x')).toEqual({ ok: true, value: read('x^2') });
    // Integrals free of x are constants.
    expect(d('x*integral(t*a, t, 0, 1)')).toEqual(read('integral(t*a, t, 0, 1)'));
  });
});

describe('derivative: refusals', () => {
  it('piecewise and discrete functions of the variable (EB3008)', () => {
    for (const s of ['ceil(x)', 'floor(2*x)', 'factorial(x)', 'binomial(x, 2)', 'abs(x - 1)', 'pos(x - 1)', 'max(x, 1)', 'min(x, 1/x)', 'x*ceil(x^2)']) expect(d(s), s).toBe('EB3008');
    // Only when the variable occurs: ceil(y) is a constant.
    expect(d('ceil(y)*x')).toEqual(read('ceil(y)'));
  });

  it('abs, pos, min and max where the declared domains fix the piece', () => {
    const onReals = new Assumptions(new Map(), real);
    expect(d('abs(x)', 'x', onReals)).toBe('EB3008');
    expect(d('abs(x)')).toEqual(b.ONE); // x > 0 by default
    expect(d('abs(-x^3)')).toEqual(read('3*x^2'));
    expect(d('pos(x + 1)', 'x', onReals.with('x', atLeast(Rational.ZERO)))).toEqual(b.ONE);
    expect(d('pos(-x)')).toEqual(b.ZERO);
    expect(d('max(x, x/2)')).toEqual(b.ONE);
    expect(d('min(x, 2*x, x + 1)')).toEqual(b.ONE);
    expect(d('max(x, y)')).toBe('EB3008');
  });

  it('binders: integrands depending on the variable, jumps, sums, extrema and limits (EB3009)', () => {
    for (const s of ['integral(x*t, t, 0, 1)', 'integral(ceil(t), t, 0, x)', 'integral(t^x, t, 1, x)', 'sum(x^j, j, 1, 3)', 'sum(j, j, 1, x)', 'sup(x*t, t, 0, 1)', 'limit(x/m, m -> infinity)']) {
      expect(d(s), s).toBe('EB3009');
    }
    for (const s of ['sum(a^j, j, 1, n)', 'sup(a*t, t, 0, 1)', 'limit(a/m, m -> infinity)']) expect(d(s), s).toEqual(b.ZERO);
  });
});

// ---- the property ------------------------------------------------------------------

/** Random expressions over + - * / ^ sqrt log exp in x and the positive parameters a, b. */
function differentiableArbitrary(depth: number): fc.Arbitrary<Expr> {
  const leaf = fc.oneof(
    { arbitrary: fc.constant(b.sym('x')), weight: 6 },
    { arbitrary: fc.constantFrom(b.sym('a'), b.sym('b')), weight: 2 },
    { arbitrary: fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 5 })).map(([p, q]) => b.num(p, q)), weight: 2 },
    { arbitrary: fc.constant(b.PI), weight: 1 },
  );
  if (depth === 0) return leaf;
  const sub = differentiableArbitrary(depth - 1);
  const exponent = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 1, max: 3 })).map(([p, q]) => b.num(p, q));
  return fc.oneof(
    { arbitrary: leaf, weight: 2 },
    { arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((xs) => b.add(...xs)), weight: 3 },
    { arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((xs) => b.mul(...xs)), weight: 3 },
    { arbitrary: fc.tuple(sub, sub).map(([u, v]) => b.sub(u, v)), weight: 1 },
    { arbitrary: fc.tuple(sub, sub).map(([u, v]) => b.div(u, v)), weight: 2 },
    { arbitrary: fc.tuple(sub, exponent).map(([u, q]) => b.pow(u, q)), weight: 2 },
    { arbitrary: fc.tuple(sub, sub).map(([u, v]) => b.pow(u, v)), weight: 1 },
    { arbitrary: sub.map(b.sqrt), weight: 1 },
    { arbitrary: sub.map(b.log), weight: 2 },
    { arbitrary: sub.map(b.exp), weight: 1 },
  );
}

const DIGITS = 60;
const H = Rational.of(1n, 10n ** 20n);

async function value(e: Expr, env: ReadonlyMap<string, Rational>): Promise<Rational | undefined> {
  const v = await evaluate(e, env, { digits: DIGITS });
  return v.ok ? v.value.lower.add(v.value.upper).mul(Rational.HALF) : undefined;
}

describe('derivative: property', () => {
  it('agrees with a central difference (h = 1e-20, 60 digits) at random positive points', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(differentiableArbitrary(3), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 60 }), async (e, k, m) => {
        const r = derivative(e, 'x');
        expect(r.ok, toText(e)).toBe(true);
        if (!r.ok) return;
        const x0 = Rational.of(BigInt(k), 97n);
        const env = (x: Rational) => new Map([['x', x], ['a', Rational.of(BigInt(m), 7n)], ['b', Rational.of(5n, 3n)]]);
        const [plus, minus, centre, exact] = await Promise.all([value(e, env(x0.add(H))), value(e, env(x0.sub(H))), value(e, env(x0)), value(r.value, env(x0))]);
        if (plus === undefined || minus === undefined || centre === undefined || exact === undefined) return; // undefined near x0
        const difference = plus.sub(minus).div(H.mul(Rational.TWO));
        // Truncation h^2 f'''/6 and rounding 1e-60 |f|/h are both far below this: 20 digits relative to f', or 1e-30 |f|.
        const tolerance = difference.abs().max(exact.abs()).mul(Rational.of(1n, 10n ** 20n)).add(centre.abs().add(Rational.ONE).mul(Rational.of(1n, 10n ** 30n)));
        checked++;
        expect(difference.sub(exact).abs().le(tolerance), `d/dx ${toText(e)} = ${toText(r.value)} at x = ${x0}: ${difference.toNumber()} vs ${exact.toNumber()}`).toBe(true);
      }),
      { numRuns: 250, seed: 20261123 },
    );
    expect(checked).toBeGreaterThan(120);
  }, 180_000);
});
