// Our own derivative, the reference of the wall for diff and integrate: rules, refusals, and a
// property against a central difference at 60 digits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivative } from '../../src/cas/derivative.js';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { readExpr } from '../../src/expr/read.js';
import { substitute } from '../../src/expr/traverse.js';
import type { Expr } from '../../src/expr/types.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { toText } from '../../src/expr/print/text.js';
import { exprArbitrary } from '../expr/arbitrary.js';

const read = (s: string): Expr => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};
const d = (s: string, v = 'x') => {
  const r = derivative(read(s), v);
  return r.ok ? r.value : r.diagnostics[0]!.code;
};

describe('derivative', () => {
  it('knows the elementary rules', () => {
    expect(d('x^3')).toEqual(read('3*x^2'));
    expect(d('log(x)')).toEqual(read('1/x'));
    expect(d('exp(2*x)')).toEqual(read('2*exp(2*x)'));
    expect(d('sqrt(x)')).toEqual(read('1/(2*sqrt(x))'));
    expect(d('a^x')).toEqual(read('a^x*log(a)'));
    expect(d('abs(x)')).toEqual(read('x/abs(x)'));
    expect(d('y*t')).toEqual(read('0'));
    expect(d('4*a + C*a^(1-d/2)', 'a')).toEqual(read('4 + C*(1-d/2)*a^(-d/2)'));
  });

  it('refuses piecewise-constant and discrete functions and binders (EB4005)', () => {
    for (const s of ['ceil(x)', 'floor(2*x)', 'factorial(x)', 'binomial(x, 2)', 'integral(x*t, t, 0, 1)']) expect(d(s), s).toBe('EB4005');
    expect(d('ceil(y)*x')).toEqual(read('ceil(y)'));
  });

  it('agrees with a central difference at 100 digits on random expressions', async () => {
    const h = Rational.of(1n, 10n ** 25n);
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(exprArbitrary({ maxDepth: 3, binders: false }), fc.integer({ min: 1, max: 1000 }), async (e, k) => {
        const r = derivative(e, 'x');
        if (!r.ok) return;
        const x0 = Rational.of(BigInt(k), 97n);
        const env = new Map(['a', 'b', 'n', 'd', 't', 'eps'].map((s, i) => [s, Rational.of(BigInt(3 + i), 4n)] as const));
        const at = async (x: Rational, f: Expr) => {
          const v = await evaluate(substitute(f, new Map([['x', b.num(x)]])), env, { digits: 100 });
          return v.ok ? v.value.lower.add(v.value.upper).mul(Rational.HALF) : undefined;
        };
        const plus = await at(x0.add(h), e);
        const minus = await at(x0.sub(h), e);
        const exact = await at(x0, r.value);
        if (plus === undefined || minus === undefined || exact === undefined) return;
        const diff = plus.sub(minus).div(h.mul(Rational.TWO));
        const scale = diff.abs().max(exact.abs()).max(Rational.of(1n, 10n ** 20n));
        checked++;
        expect(diff.sub(exact).abs().le(scale.mul(Rational.of(1n, 10n ** 15n))), `d/dx ${toText(e)} at x = ${x0}: ${diff.toNumber()} vs ${exact.toNumber()}`).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(checked).toBeGreaterThan(50);
  }, 120_000);
});
