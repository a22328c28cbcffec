// Substitution re-canonicalises; an undefined part must not be cancelled into a printed number.
import { describe, expect, it } from 'vitest';
import { readExpr } from '../../src/expr/read.js';
import { exactValue } from '../../src/expr/exact.js';
import { Rational } from '../../src/expr/rational.js';
import { evaluate } from '../../src/numeric/evaluate.js';

const parse = (s: string) => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};

describe('definedness survives cancellation', () => {
  it('log(x)*min(x, 0) at x = 0 is undefined, not 0', async () => {
    const e = parse('log(x)*min(x, 0)');
    const env = new Map([['x', Rational.ZERO]]);
    const ex = exactValue(e, env);
    expect(ex.ok).toBe(false);
    const r = await evaluate(e, env, { digits: 20 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('EB5001');
  });
  it('an irrational undefined argument is caught by the enclosure of the tree as written', async () => {
    const e = parse('log(x - sqrt(2))*min(x, 0) + 1');
    const r = await evaluate(e, new Map([['x', Rational.ZERO]]), { digits: 20 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('EB5001');
  });
  it('x/x at x = 0 and (x - x)^0 style cancellations are refused too', async () => {
    const r = await evaluate(parse('(1/x)*min(x, 0) + 2'), new Map([['x', Rational.ZERO]]), { digits: 10 });
    expect(r.ok).toBe(false);
  });
  it('defined values still evaluate exactly', async () => {
    const r = await evaluate(parse('ceil(2/t)*sqrt(8)*sqrt(2)'), new Map([['t', Rational.of(1, 12)]]), { digits: 10 });
    expect(r.ok && r.value.exact?.toString()).toBe('96');
  });
});
