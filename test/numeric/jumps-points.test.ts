import { describe, expect, it } from 'vitest';
import { abs, add, ceil, div, floor, log, max, min, mul, num, positivePart, pow, sqrt, sub, sym } from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { analyse, breakpoints, countJumps, pieces } from '../../src/numeric/jumps.js';

const t = sym('t');
const q = (n: number | bigint, d: number | bigint = 1) => Rational.of(n, d);
const env = new Map<string, Rational>();
const points = (e: Parameters<typeof analyse>[0], lo: Rational, hi: Rational, e2: ReadonlyMap<string, Rational> = env) => {
  const s = analyse(e, 't', e2);
  if (!s.ok) throw new Error(s.diagnostics[0]!.message);
  const r = breakpoints(s.value, lo, hi);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value.map((x) => x.toString());
};
const codeOf = (r: { ok: boolean; diagnostics?: readonly { code: string }[] }) => (r.ok ? 'ok' : r.diagnostics![0]!.code);

describe('jumps of ceil and floor', () => {
  it('ceil(2/t) jumps at 2/j, not only at 1/j', () => {
    expect(points(ceil(div(num(2), t)), q(2, 13), q(1))).toEqual(['1/6', '2/11', '1/5', '2/9', '1/4', '2/7', '1/3', '2/5', '1/2', '2/3']);
  });
  it('ceil(1/t)^4 inside sqrt(... log(1 + 4/t)) jumps at 1/j', () => {
    const h = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));
    expect(points(h, q(1, 12), q(1))).toEqual(['1/11', '1/10', '1/9', '1/8', '1/7', '1/6', '1/5', '1/4', '1/3', '1/2']);
  });
  it('substitutes parameters: ceil(1/(2 t/(2 lam L)))^d is ceil(1/t)^4 at lam = L = 1, d = 4', () => {
    const r = div(t, mul(num(2), sym('lam'), sym('L')));
    const e = pow(ceil(div(num(1), mul(num(2), r))), sym('d'));
    const e2 = new Map([['lam', q(1)], ['L', q(1)], ['d', q(4)]]);
    expect(points(e, q(1, 5), q(1), e2)).toEqual(['1/4', '1/3', '1/2']);
    const withC = ceil(div(sym('c'), t));
    expect(points(withC, q(1, 2), q(2), new Map([['c', q(3, 2)]]))).toEqual(['3/4', '3/2']);
  });
  it('floor of an affine argument and ceil of c/(t + e)', () => {
    expect(points(floor(add(mul(num(3), t), num(1, 2))), q(0), q(1))).toEqual(['1/6', '1/2', '5/6']);
    expect(points(ceil(div(num(5), add(t, num(1)))), q(0), q(4))).toEqual(['1/4', '2/3', '3/2']);
    expect(points(ceil(mul(num(-2), t)), q(0), q(2))).toEqual(['1/2', '1', '3/2']);
  });
  it('kinks of min, max, abs and pos where the sides are simple', () => {
    expect(points(min(t, sub(num(1), t)), q(0), q(1))).toEqual(['1/2']);
    expect(points(max(div(num(1), t), num(2)), q(1, 10), q(1))).toEqual(['1/2']);
    expect(points(abs(sub(t, num(1, 3))), q(0), q(1))).toEqual(['1/3']);
    expect(points(positivePart(sub(mul(num(2), t), num(1))), q(0), q(1))).toEqual(['1/2']);
    // A kink outside the interval is not a breakpoint.
    expect(points(abs(sub(t, num(3))), q(0), q(1))).toEqual([]);
  });
  it('counts jumps exactly even when there are far too many to list', () => {
    const s = analyse(ceil(div(num(1), t)), 't', env);
    if (!s.ok) throw new Error('analyse');
    expect(countJumps(s.value, q(1, 10n ** 30n), q(1))).toBe(10n ** 30n - 2n);
  });
});

describe('refusals', () => {
  it('refuses arguments whose integer crossings it cannot solve exactly (EB5101)', () => {
    expect(codeOf(analyse(ceil(pow(t, num(2))), 't', env))).toBe('EB5101');
    expect(codeOf(analyse(ceil(log(t)), 't', env))).toBe('EB5101');
    expect(codeOf(analyse(min(pow(t, num(2)), num(1, 2)), 't', env))).toBe('EB5101');
  });
  it('refuses a pole of the argument inside the interval (EB5101)', () => {
    const s = analyse(ceil(div(num(1), sub(t, num(1, 2)))), 't', env);
    expect(s.ok).toBe(true);
    if (s.ok) expect(codeOf(breakpoints(s.value, q(0), q(1)))).toBe('EB5101');
  });
  it('caps the number of pieces (EB5102)', () => {
    expect(codeOf(pieces(ceil(div(num(1), t)), 't', q(1, 10 ** 6), q(1), env, 1000))).toBe('EB5102');
    expect(codeOf(pieces(ceil(div(num(1), t)), 't', q(1, 999), q(1), env, 1000))).toBe('ok');
  });
  it('reports parameters without values (EB5004)', () => {
    expect(codeOf(analyse(ceil(div(sym('c'), t)), 't', env))).toBe('EB5004');
  });
});

describe('pieces', () => {
  it('freezes each step to its constant on the piece', () => {
    const r = pieces(pow(ceil(div(num(1), t)), num(2)), 't', q(1, 4), q(1), env);
    if (!r.ok) throw new Error('pieces');
    expect(r.value.map((p) => [p.lo.toString(), p.hi.toString(), p.expr.kind === 'num' ? p.expr.value.toString() : '?'])).toEqual([
      ['1/4', '1/3', '16'],
      ['1/3', '1/2', '9'],
      ['1/2', '1', '4'],
    ]);
  });
});
