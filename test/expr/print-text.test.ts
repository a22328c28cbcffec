import { describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { toText } from '../../src/expr/print/text.js';
import { readExpr } from '../../src/expr/read.js';
import { equals, type Expr } from '../../src/expr/types.js';

const [x, y, n, d, a, t] = ['x', 'y', 'n', 'd', 'a', 't'].map(b.sym) as [Expr, Expr, Expr, Expr, Expr, Expr];
const q = (p: number, r = 1) => b.num(p, r);

describe('toText', () => {
  it.each<[string, Expr, string]>([
    ['a difference by value', b.sub(x, b.mul(q(2), y)), 'x - 2*y'],
    ['a quotient with a product below', b.div(x, b.mul(q(2), y)), 'x/(2*y)'],
    ['a reciprocal square root', b.div(q(1), b.sqrt(n)), '1/sqrt(n)'],
    ['a rational base', b.pow(q(1, 2), x), '(1/2)^x'],
    ['a rational exponent', b.pow(x, q(3, 2)), 'x^(3/2)'],
    ['a negative rational exponent', b.pow(x, q(-3, 2)), '1/x^(3/2)'],
    ['a cube root', b.root(x, q(3)), 'x^(1/3)'],
    ['a rational coefficient', b.mul(q(-2, 3), x), '-2*x/3'],
    ['a rational constant term', b.add(x, q(-1, 2)), 'x - 1/2'],
    ['a positive term leads', b.sub(q(1), x), '1 - x'],
    ['a negated sum', b.neg(b.add(x, y)), '-(x + y)'],
    ['a symbolic negative exponent stays', b.pow(n, b.neg(b.div(q(1), d))), 'n^(-1/d)'],
    ['right-associative powers', b.pow(x, b.pow(y, n)), 'x^y^n'],
    ['a power of a power', b.pow(b.root(x, q(3)), y), '(x^(1/3))^y'],
    ['a negative base', b.pow(q(-8), q(1, 3)), '(-8)^(1/3)'],
    ['a factorial of a sum', b.factorial(b.add(n, q(1))), '(n + 1)!'],
    ['a factorial power', b.pow(b.factorial(n), q(2)), 'n!^2'],
    ['an iterated factorial', b.factorial(b.factorial(n)), '(n!)!'],
    ['a function call', b.binomial(b.add(n, d, q(-1)), d), 'binomial(d + n - 1, d)'],
    ['a positive part', b.div(b.positivePart(b.sub(a, x)), q(2)), 'pos(a - x)/2'],
    ['pi', b.mul(q(2), b.PI), '2*pi'],
    ['a binder after a fraction', b.mul(q(12), b.pow(n, q(-1, 2)), b.integral('t', a, b.div(x, q(2)), b.sqrt(t))), '12/sqrt(n)*integral(sqrt(t), t, a, x/2)'],
    ['an infimum', b.extremum('inf', 's', q(0), q(1), b.add(b.sym('s'), x)), 'inf(s + x, s, 0, 1)'],
    ['a sum', b.sum('j', q(1), n, b.pow(b.sym('j'), q(-2))), 'sum(1/j^2, j, 1, n)'],
    ['a limit', b.limit('n', b.INFINITY, b.div(x, n)), 'limit(x/n, n -> infinity)'],
    ['a numeric radical', b.sqrt(q(8)), '2*sqrt(2)'],
  ])('%s', (_what, e, text) => {
    expect(toText(e)).toBe(text);
    const back = readExpr(text);
    expect(back.ok && equals(back.value, e)).toBe(true);
  });
});
