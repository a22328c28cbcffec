// invertEquation: closed-form solutions of e = 0 along one invertible chain (THEORY dudley.cutoff), and
// the shapes it must refuse rather than guess.
import { describe, expect, it } from 'vitest';
import { add, ceil, div, exp, log, mul, num, pow, sqrt, sub, sym } from '../../src/expr/build.js';
import { invertEquation } from '../../src/expr/invert.js';
import { toText } from '../../src/expr/print/text.js';
import { substitute } from '../../src/expr/traverse.js';
import { equals, type Expr } from '../../src/expr/types.js';
import { evaluate } from '../../src/numeric/evaluate.js';

const t = sym('t');
const [g, lam, M, n] = ['g', 'lam', 'M', 'n'].map(sym) as [Expr, Expr, Expr, Expr];

/** |e| at t = root, bounded from its 30-digit enclosure: about 0 when the root is right. */
async function residual(e: Expr, root: Expr): Promise<number> {
  const r = await evaluate(substitute(e, new Map([['t', root]])), new Map(), { digits: 30 });
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return Math.max(Math.abs(r.value.lower.toNumber()), Math.abs(r.value.upper.toNumber()));
}

describe('the chains it inverts', () => {
  it('THEORY dudley.cutoff: h(t)^2 = g log(1 + 4λM/t) at level sqrt(n)/3 gives α* = 4λM/(exp(n/(9g)) − 1)', () => {
    const piece = sub(sqrt(mul(g, log(add(num(1), div(mul(num(4), lam, M), t))))), div(sqrt(n), num(3)));
    const alpha = invertEquation(piece, 't');
    const expected = div(mul(num(4), lam, M), sub(exp(div(n, mul(num(9), g))), num(1)));
    expect(alpha && toText(alpha)).toBe(toText(expected));
    expect(alpha && equals(alpha, expected)).toBe(true);
  });

  it('the same at concrete numbers: sqrt(6 log(1 + 8/t)) − 3 = 0 at t = 8/(exp(3/2) − 1)', async () => {
    const piece = sub(sqrt(mul(num(6), log(add(num(1), div(num(8), t))))), num(3));
    const alpha = invertEquation(piece, 't')!;
    expect(toText(alpha)).toBe('8/(exp(3/2) - 1)');
    expect(await residual(piece, alpha)).toBeLessThan(1e-25);
  });

  it('a frozen ceiling piece: sqrt(12^4) sqrt(log(1 + 4/t)) − 565/2 = 0 at t = 4/(exp((565/2)^2/12^4) − 1)', () => {
    const piece = sub(mul(sqrt(num(12 ** 4)), sqrt(log(add(num(1), div(num(4), t))))), num(565, 2));
    expect(toText(invertEquation(piece, 't')!)).toBe('4/(exp(319225/82944) - 1)');
  });

  it('a chain with exp and powers: (exp(1/t^2) + 3)^3 = 1000 at t = 1/sqrt(log 7)', async () => {
    const e = sub(pow(add(exp(pow(t, num(-2))), num(3)), num(3)), num(1000));
    const root = invertEquation(e, 't')!;
    expect(toText(root)).toBe('1/sqrt(log(7))');
    expect(await residual(e, root)).toBeLessThan(1e-25);
  });

  it('2 exp(sqrt(t)) = 10 at t = log(5)^2', () => {
    expect(toText(invertEquation(sub(mul(num(2), exp(sqrt(t))), num(10)), 't')!)).toBe('log(5)^2');
  });

  it('t itself, and t^(-1) with a right-hand side of any sign', () => {
    expect(toText(invertEquation(sub(t, num(3, 4)), 't')!)).toBe('3/4');
    expect(toText(invertEquation(add(div(num(2), t), sqrt(num(2))), 't')!)).toBe('-sqrt(2)');
  });
});

describe('what it refuses (undefined, never a guess)', () => {
  const refuses = (e: Expr) => expect(invertEquation(e, 't')).toBeUndefined();
  it('two terms in t: t + log(t) − 3', () => refuses(sub(add(t, log(t)), num(3))));
  it('t inside a ceiling: sqrt(ceil(1/t)) − 3', () => refuses(sub(sqrt(ceil(div(num(1), t))), num(3))));
  it('t in two factors: t log(t) − 1', () => refuses(sub(mul(t, log(t)), num(1))));
  it('the volumetric envelope (1 + 4/t) sqrt(log(1 + 4/t)) − 10: t in two factors', () => {
    const u = add(num(1), div(num(4), t));
    refuses(sub(mul(u, sqrt(log(u))), num(10)));
  });
  it('t in an exponent: 2^t − 8', () => refuses(sub(pow(num(2), t), num(8))));
  it('no t at all', () => refuses(sub(g, num(1))));
  it('a square root equal to a negative number: sqrt(log(1 + 1/t)) + 2', () => refuses(add(sqrt(log(add(num(1), div(num(1), t)))), num(2))));
  it('an even power of a base of unknown sign: (t − 5)^2 − 4 (the root t = 3 is on the negative branch)', () => refuses(sub(pow(sub(t, num(5)), num(2)), num(4))));
  it('exp equal to a negative number: exp(1/t) + 1', () => refuses(add(exp(div(num(1), t)), num(1))));
});
