// THEORY dudley.cutoff: a cut-off inside a smooth piece comes with its closed form in the piece's constants,
// kept only when the form's certified value lies in the verified root bracket.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { add, ceil, div, exp, log, mul, num, pow, sqrt, sub, sym } from '../../src/expr/build.js';
import * as invert from '../../src/expr/invert.js';
import { toText } from '../../src/expr/print/text.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { dudleyCrossing, type Crossing } from '../../src/numeric/crossing.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { dudleyCutoff, point } from '../../src/theory/evaluate-bound.js';
import { gammaValues } from '../../src/theory/theorems/dudley.js';

// The inversion can be replaced per test, to hand the crossing a wrong closed form.
vi.mock('../../src/expr/invert.js', async (original) => {
  const real = await original<typeof import('../../src/expr/invert.js')>();
  return { ...real, invertEquation: vi.fn(real.invertEquation) };
});
const invertEquation = vi.mocked(invert.invertEquation);
afterEach(() => invertEquation.mockClear());

const t = sym('t');
const q = (a: number | bigint, b: number | bigint = 1) => Rational.of(a, b);
const none = new Map<string, Rational>();
/** h(t) = sqrt(log(1 + 4/t)): no jumps, so α* is the root of the one smooth piece. */
const smooth = sqrt(log(add(num(1), div(num(4), t))));
/** h(t) = sqrt(ceil(1/t)^4 log(1 + 4/t)) (gen.exact on [0,1]^4, λ = L = M = k = 1). */
const ceilings = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));

async function rootCrossing(h: Expr, level: Expr, env: ReadonlyMap<string, Rational> = none): Promise<Extract<Crossing, { kind: 'root' }>> {
  const r = await dudleyCrossing(h, 't', level, q(1), env);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  if (r.value.kind !== 'root') throw new Error(`expected a root, got ${r.value.kind}`);
  return r.value;
}

async function digitsOf(e: Expr, digits = 50): Promise<string> {
  const r = await evaluate(e, new Map(), { digits });
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value.text;
}

describe('the closed form of a root inside a smooth piece', () => {
  it('n = 100, g = 1: α* = 4/(exp(100/9) − 1), and its 50 digits are the root’s', async () => {
    const c = await rootCrossing(smooth, div(sqrt(sym('n')), num(3)), new Map([['n', q(100)]]));
    expect(c.closedForm && toText(c.closedForm)).toBe('4/(exp(100/9) - 1)');
    expect(c.root.correctlyRounded).toBe(true);
    expect(await digitsOf(c.closedForm!)).toBe(c.root.text);
  });

  it('inside the ceiling piece [1/12, 1/11), c = 565/2: α* = 4/(exp(c^2/12^4) − 1), K frozen to 12', async () => {
    const c = await rootCrossing(ceilings, num(q(565, 2)));
    expect([c.pieceLower.toString(), c.pieceUpper.toString()]).toEqual(['1/12', '1/11']);
    expect(c.closedForm && toText(c.closedForm)).toBe('4/(exp(319225/82944) - 1)');
    expect(await digitsOf(c.closedForm!)).toBe(c.root.text);
  });

  it('a root near 10^-482 (n = 10^4, g = 1) still has its closed form checked', async () => {
    const c = await rootCrossing(smooth, num(q(100, 3)));
    expect(c.closedForm && toText(c.closedForm)).toBe('4/(exp(10000/9) - 1)');
    expect(await digitsOf(c.closedForm!)).toBe(c.root.text);
  });

  it('no closed form when the piece does not invert: the volumetric envelope (1 + 4/t) sqrt(log(1 + 4/t))', async () => {
    const u = add(num(1), div(num(4), t));
    const c = await rootCrossing(mul(u, sqrt(log(u))), num(q(100, 3)));
    expect(invertEquation).toHaveBeenCalled();
    expect(c.closedForm).toBeUndefined();
  });
});

describe('the bracket check: a closed form whose value misses the certified root bracket is dropped', () => {
  const right = div(num(4), sub(exp(div(num(100), num(9))), num(1)));
  const level = num(q(10, 3));

  it('the right form is kept (the control)', async () => {
    invertEquation.mockImplementationOnce(() => right);
    const c = await rootCrossing(smooth, level);
    expect(c.closedForm && toText(c.closedForm)).toBe(toText(right));
  });

  it('off by a relative 10^-51, beyond the 50 digits the root is printed to: dropped', async () => {
    invertEquation.mockImplementationOnce(() => mul(right, add(num(1), num(q(1n, 10n ** 51n)))));
    const c = await rootCrossing(smooth, level);
    expect(c.closedForm).toBeUndefined();
  });

  it('a form that is undefined (log of a negative number): dropped, and the root still reported', async () => {
    invertEquation.mockImplementationOnce(() => log(num(-1)));
    const c = await rootCrossing(smooth, level);
    expect(c.closedForm).toBeUndefined();
    expect(c.root.correctlyRounded).toBe(true);
  });
});

describe('the theory layer carries the closed form to the alpha* value', () => {
  it('dudleyCutoff keeps it, and gammaValues reports it as the expr of alpha*', async () => {
    const cut = await dudleyCutoff(smooth, 't', num(q(10, 3)), q(1), none, 20);
    if (!cut.ok) throw new Error(cut.diagnostics[0]!.message);
    expect(cut.value.kind).toBe('root');
    expect(cut.value.closedForm && toText(cut.value.closedForm)).toBe('4/(exp(100/9) - 1)');
    const zero = point(Rational.ZERO);
    const values = gammaValues('Gamma_1', { gamma: zero, rad: zero, integral: zero, confidence: zero, cutoff: cut.value }, q(2), 20);
    const alpha = values.find((v) => v.name === 'alpha*(Gamma_1)')!;
    expect(alpha.expr && toText(alpha.expr)).toBe('4/(exp(100/9) - 1)');
    expect(alpha.description).toContain("closed form in the piece's constants, checked inside the certified root bracket");
    expect(alpha.approximation!.text).toBe(await digitsOf(alpha.expr!, 20));
  });
});
