// The printer into nerdamer's syntax and the reader of its output: renaming, faithful forms,
// refusals (EB4005), unreadable output (EB4004) and unevaluated operations (EB4006).
import { describe, expect, it } from 'vitest';
import { fromNerdamer, splitList } from '../../src/cas/from-nerdamer.js';
import { toNerdamer } from '../../src/cas/to-nerdamer.js';
import * as b from '../../src/expr/build.js';
import { readExpr } from '../../src/expr/read.js';
import type { Expr } from '../../src/expr/types.js';

const read = (s: string): Expr => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};
const print = (s: string) => {
  const r = toNerdamer(read(s));
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value;
};
const codeOf = (r: { ok: boolean; diagnostics?: readonly { code: string }[] }) => (r.ok ? 'ok' : r.diagnostics![0]!.code);

describe('toNerdamer', () => {
  it('renames symbols, so that e, pi, i and Greek names reach nerdamer safely', () => {
    const r = toNerdamer(b.add(b.mul(b.sym('e'), b.sym('i')), b.pow(b.sym('α'), b.TWO), b.PI));
    if (!r.ok) throw new Error('refused');
    const p = r.value;
    expect(p.text).not.toMatch(/\b(e|i|α)\b/);
    expect([...p.names.keys()].sort()).toEqual(['e', 'i', 'α']);
    expect(p.text).toContain('pi');
  });

  it('brackets every compound operand and prints rationals exactly', () => {
    const p = print('(A*L)^(d/2) - 3/7*x');
    const [A, L, d, x] = ['A', 'L', 'd', 'x'].map((n) => p.names.get(n));
    expect(p.text).toContain(`(${A}*${L})^((1/2)*${d})`);
    expect(p.text).toContain(`(-3/7)*${x}`);
  });

  it('maps pos to (x + |x|)/2 and folds n-ary max into binary calls', () => {
    expect(print('pos(x)').text).toBe('((v0)+abs(v0))/2');
    expect(print('max(a, b, c)').text).toMatch(/^max\(max\(v\d,v\d\),v\d\)$/);
  });

  it('refuses binders and binomial with EB4005', () => {
    for (const s of ['integral(t^2, t, 0, 1)', 'sup(x*t, t, 0, 1)', 'sum(k, k, 1, n)', 'binomial(n, 2)', 'limit(1/n, n -> infinity)']) {
      expect(codeOf(toNerdamer(read(s))), s).toBe('EB4005');
    }
  });
});

describe('fromNerdamer', () => {
  const names = new Map([
    ['delta', 'v0'],
    ['n', 'v1'],
  ]);

  it('maps names back and translates e, sqrt, abs, log', () => {
    const r = fromNerdamer('e^(-v1)*sqrt(v0)*abs(v1)+log(v0)', names);
    expect(r.ok && r.value).toEqual(read('exp(-n)*sqrt(delta)*abs(n)+log(delta)'));
    expect(fromNerdamer('(1/2)*pi*v0^(-1)', names)).toEqual({ ok: true, value: read('pi/(2*delta)') });
  });

  it('refuses complex numbers, unknown functions and names that were not in the input (EB4004)', () => {
    expect(codeOf(fromNerdamer('2*i*sqrt(v0)', names))).toBe('EB4004');
    expect(codeOf(fromNerdamer('(1/2)*erf(v0)*sqrt(pi)', names))).toBe('EB4004');
    expect(codeOf(fromNerdamer('v0+x', names))).toBe('EB4004');
    expect(codeOf(fromNerdamer('Infinity', names))).toBe('EB4004');
    expect(codeOf(fromNerdamer('v0 # 2', names))).toBe('EB4004');
  });

  it('reports unevaluated operations as not computed (EB4006)', () => {
    expect(codeOf(fromNerdamer('e^limit((-log(v1)+log(1+v1))*v1,v1,Infinity)', names))).toBe('EB4006');
    expect(codeOf(fromNerdamer('integrate(sqrt(v0),v0)', names))).toBe('EB4006');
  });

  it('reads Infinity only where a limit may return it', () => {
    expect(fromNerdamer('Infinity', names, { allowInfinity: true })).toEqual({ ok: true, value: b.INFINITY });
  });

  it('round-trips our printer without nerdamer in between', () => {
    for (const s of ['(A*L)^(d/2)', 'log(2/delta) + exp(-x)/3', 'ceil(2/t)^d*floor(x)', 'min(a, b) - abs(c)^(1/3)', 'factorial(n)*pi']) {
      const p = print(s);
      const back = fromNerdamer(p.text, p.names);
      expect(back.ok && back.value, s).toEqual(read(s));
    }
  });

  it('splits solution lists at top-level commas', () => {
    expect(splitList('[0,(1/2)*max(a,b),-1]')).toEqual({ ok: true, value: ['0', '(1/2)*max(a,b)', '-1'] });
    expect(splitList('[]')).toEqual({ ok: true, value: [] });
    expect(codeOf(splitList('x'))).toBe('EB4004');
  });
});
