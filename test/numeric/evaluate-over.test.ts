// evaluateOver: the digits every value of an expression over a box shares, e.g. a bound at a verified
// root, evaluated on the root's bracket rather than at one rational inside it.
import { describe, expect, it } from 'vitest';
import { readExpr } from '../../src/expr/read.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { evaluate, evaluateOver } from '../../src/numeric/evaluate.js';
import { findRoot } from '../../src/numeric/roots.js';

const parse = (s: string): Expr => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};
const q = (a: number | bigint, b: number | bigint = 1) => Rational.of(a, b);

describe('evaluateOver', () => {
  it('over a point box gives evaluate\'s digits', async () => {
    const e = parse('sqrt(2) + log(x)/x');
    const x = q(37, 250);
    const [a, b] = await Promise.all([evaluate(e, new Map([['x', x]]), { digits: 60 }), evaluateOver(e, new Map([['x', { lo: x, hi: x }]]), { digits: 60 })]);
    if (!a.ok || !b.ok) throw new Error('evaluation failed');
    expect(b.value.text).toBe(a.value.text);
    expect(b.value.correctlyRounded).toBe(true);
  });
  it('over the bracket of the verified root of x^2 - 2: x^3 is 2 sqrt(2) to 50 digits', async () => {
    const root = await findRoot(parse('x^2 - 2'), 'x', q(1), q(2), new Map(), { digits: 60 });
    if (!root.ok) throw new Error(root.diagnostics[0]!.message);
    const over = await evaluateOver(parse('x^3'), new Map([['x', { lo: root.value.lower, hi: root.value.upper }]]), { digits: 50 });
    const exact = await evaluate(parse('2*sqrt(2)'), new Map(), { digits: 50 });
    if (!over.ok || !exact.ok) throw new Error('evaluation failed');
    expect(over.value.text).toBe(exact.value.text);
    expect(over.value.correctlyRounded).toBe(true);
    expect(over.value.lower.lt(over.value.upper)).toBe(true);
  });
  it('a box too wide for the digits: the midpoint\'s digits, marked uncertain, with EB5003', async () => {
    const r = await evaluateOver(parse('x + 1'), new Map([['x', { lo: q(1), hi: q(2) }]]), { digits: 10, maxPrecisionBits: 256 });
    if (!r.ok) throw new Error('expected a value');
    expect(r.value.correctlyRounded).toBe(false);
    expect(r.warnings?.map((w) => w.code)).toContain('EB5003');
    expect(r.value.lower.le(q(2)) && q(3).le(r.value.upper)).toBe(true);
  });
  it('possibly undefined somewhere in the box: no digits, EB5003; a free symbol: EB5004; bad digits: EB5002', async () => {
    const undefinedSomewhere = await evaluateOver(parse('log(x)'), new Map([['x', { lo: q(-1), hi: q(1) }]]), { digits: 10, maxPrecisionBits: 256 });
    expect(undefinedSomewhere.ok).toBe(false);
    if (!undefinedSomewhere.ok) expect(undefinedSomewhere.diagnostics[0]!.code).toBe('EB5003');
    const free = await evaluateOver(parse('x + y'), new Map([['x', { lo: q(1), hi: q(1) }]]), { digits: 10 });
    expect(!free.ok && free.diagnostics[0]!.code).toBe('EB5004');
    const digits = await evaluateOver(parse('x'), new Map([['x', { lo: q(1), hi: q(1) }]]), { digits: 0 });
    expect(!digits.ok && digits.diagnostics[0]!.code).toBe('EB5002');
  });
});
