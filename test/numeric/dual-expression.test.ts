// f and f' in one pass: the value is the compiled expression's, the derivative the symbolic
// derivative's (both evaluated at 200 bits), for the smooth nodes; kinks and steps are refused.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { derivative } from '../../src/expr/derivative.js';
import { Assumptions } from '../../src/expr/domains.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { compileDual } from '../../src/numeric/dual-expression.js';
import { loadMpfr } from '../../src/numeric/mpfr.js';
import { makeFieldSync } from '../../src/numeric/quadrature-field.js';
import { compileExpr } from '../../src/numeric/quadrature-expression.js';

beforeAll(async () => {
  await loadMpfr();
});

const x = b.sym('x');
const q = (n: number | bigint, d: number | bigint = 1) => b.num(Rational.of(n, d));

const smooth: [string, Expr][] = [
  ['x^3', b.pow(x, q(3))],
  ['sqrt(x)', b.sqrt(x)],
  ['1/x^2', b.pow(x, q(-2))],
  ['x^(2/3)', b.pow(x, q(2, 3))],
  ['x^(-5/7)', b.pow(x, q(-5, 7))],
  ['log(1 + 4/x)', b.log(b.add(b.ONE, b.div(q(4), x)))],
  ['exp(x^2)', b.exp(b.pow(x, q(2)))],
  ['x^x', b.pow(x, x)],
  ['the §6 fixed point', b.sub(x, b.mul(q(2), b.pow(b.div(b.mul(q(9), b.log(b.add(b.ONE, b.div(q(4), x)))), q(10n ** 6n)), q(1, 4))))],
  ['x log x + pi x', b.add(b.mul(x, b.log(x)), b.mul(b.PI, x))],
  ['log(200) x + ceil(5/2)', b.add(b.mul(b.log(q(200)), x), b.ceil(q(5, 2)))],
  ['2^x', b.pow(q(2), x)],
  ['x^((10^9 + 1)/10^9)', b.pow(x, b.num(Rational.of(10n ** 9n + 1n, 10n ** 9n)))],
];

describe('compileDual', () => {
  for (const [name, e] of smooth) {
    it(`${name}: value as compiled, derivative as the symbolic one, at 200 bits`, () => {
      const dual = compileDual(e, 'x');
      expect(dual).toBeDefined();
      const f = compileExpr(e, 'x');
      const dsym = derivative(e, 'x', Assumptions.positive);
      if (!f.ok || !dsym.ok) throw new Error('reference');
      const df = compileExpr(dsym.value, 'x');
      if (!df.ok) throw new Error('reference derivative');
      const F = makeFieldSync('mpfr', 200);
      try {
        const [g, dg, both] = [f.value.bind(F), df.value.bind(F), dual!.bind(F)];
        fc.assert(
          fc.property(fc.integer({ min: 1, max: 10 ** 6 }), (k) => {
            const at = F.rational(Rational.of(k, 250_000)); // x in (0, 4]
            const r = both(at);
            const v = F.toRational(r.v);
            const d = F.toRational(r.d);
            const v0 = F.toRational(g(at));
            const d0 = F.toRational(dg(at));
            const close = (a: Rational, c: Rational) => a.sub(c).abs().le(c.abs().add(Rational.ONE).mul(Rational.of(1n, 1n << 170n)));
            expect(close(v, v0)).toBe(true);
            expect(close(d, d0)).toBe(true);
          }),
          { numRuns: 40 },
        );
      } finally {
        F.destroy();
      }
    });
  }

  it('refuses kinks and steps of the variable (the symbolic derivative checks those)', () => {
    for (const e of [b.abs(b.sub(x, q(3))), b.ceil(b.div(q(1), x)), b.min(x, q(1)), b.mul(x, b.floor(x))]) {
      expect(compileDual(e, 'x')).toBeUndefined();
    }
  });
});
