// THEORY dudley.cutoff on the worked setting of §6: d = 4, n = 10^6, λ = L = M = k = 1, B = 2, c = √n/3.
import { describe, expect, it } from 'vitest';
import { add, ceil, div, log, min, mul, num, pow, sqrt, sub, sym } from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { dudleyCrossing } from '../../src/numeric/crossing.js';
import { formatDecimal } from '../../src/numeric/format.js';
import { mpfrField } from '../../src/numeric/mpfr-field.js';

const t = sym('t');
const [lam, L, M, k, d, n] = ['lam', 'L', 'M', 'k', 'd', 'n'].map(sym) as [Expr, Expr, Expr, Expr, Expr, Expr];
const q = (a: number | bigint, b: number | bigint = 1) => Rational.of(a, b);
const env = new Map<string, Rational>([['lam', q(1)], ['L', q(1)], ['M', q(1)], ['k', q(1)], ['d', q(4)], ['n', q(10 ** 6)]]);
const none = new Map<string, Rational>();
const level = div(sqrt(n), num(3));

/** gen.exact: h(t) = sqrt(k · N(S, t/(2λL)) · log(1 + 4λM/t)). */
const entropy = (N: (r: Expr) => Expr) => sqrt(mul(k, N(div(t, mul(num(2), lam, L))), log(add(num(1), div(mul(num(4), lam, M), t)))));
const NX0 = (r: Expr) => pow(ceil(div(num(1), mul(num(2), r))), d); // [0,1]^d: ceil(1/(2r))^d
const NX = (r: Expr) => pow(ceil(div(num(1), r)), d); // [-1,1]^d: ceil(1/r)^d

describe('the cut-off at a jump point, exactly', () => {
  it('X0: α* = 1/12 exactly, with the evidence h(1/12−) > c ≥ h(1/12)', async () => {
    const r = await dudleyCrossing(entropy(NX0), 't', level, q(1), env);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.kind).toBe('jump');
    if (r.value.kind !== 'jump') return;
    expect(r.value.alpha.toString()).toBe('1/12');
    expect(r.value.below.side).toBe('left');
    expect(r.value.below.enclosure.lo.sign).toBe(1);
    expect(r.value.at.enclosure.hi.sign).toBeLessThanOrEqual(0);
  });
  it('X: α* = 2/13 exactly', async () => {
    const r = await dudleyCrossing(entropy(NX), 't', level, q(1), env);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.kind === 'jump' && r.value.alpha.toString()).toBe('2/13');
  });
  it('the same with the substituted h written directly and c = 1000/3', async () => {
    const h = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));
    const r = await dudleyCrossing(h, 't', num(q(1000, 3)), q(1), none);
    expect(r.ok && r.value.kind === 'jump' && r.value.alpha.toString()).toBe('1/12');
  });
  it('the answer moves with n: at n = 10^4 (c = 100/3), X0 has α* = 2/5 ... found by the same search', async () => {
    // h(t) = K^2 sqrt(log(1 + 4/t)) on [1/K, 1/(K-1)); check by brute force over K which jump is first.
    const c = 100 / 3;
    let expected = '';
    for (let K = 200; K >= 2; K--) {
      const right = K * K * Math.sqrt(Math.log(1 + 4 * K)); // h(1/K)
      const left = (K + 1) * (K + 1) * Math.sqrt(Math.log(1 + 4 * K)); // h(1/K−)
      if (right <= c && left > c) expected = `1/${K}`;
    }
    const r = await dudleyCrossing(entropy(NX0), 't', level, q(1), new Map([...env, ['n', q(10 ** 4)]]));
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(expected).not.toBe('');
    expect(r.value.kind === 'jump' && `1/${r.value.alpha.inverse().toString()}`).toBe(expected);
  });
});

async function closedForm(g: Rational, c: Rational, digits: number): Promise<Rational> {
  // α* = 4/(exp(c^2/g) − 1) for h(t)^2 = g log(1 + 4/t).
  const F = await mpfrField(Math.ceil((digits + 30) * 3.33));
  try {
    const x = F.div(F.rational(q(4)), F.sub(F.exp(F.div(F.rational(c.mul(c)), F.rational(g))), F.rational(q(1))));
    return F.toRational(x);
  } finally {
    F.destroy();
  }
}

describe('the cut-off inside a smooth piece: a verified root', () => {
  it('no jumps: h = sqrt(log(1 + 4/t)), c = 10/3 (n = 100): α* = 4/(exp(n/9) − 1) to 50 digits', async () => {
    const r = await dudleyCrossing(sqrt(log(add(num(1), div(num(4), t)))), 't', div(sqrt(n), num(3)), q(1), new Map([['n', q(100)]]));
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.kind).toBe('root');
    if (r.value.kind !== 'root') return;
    const cf = await closedForm(q(1), q(10, 3), 50);
    expect(r.value.root.lower.le(cf) && cf.le(r.value.root.upper)).toBe(true);
    expect(r.value.root.correctlyRounded).toBe(true);
    expect(r.value.root.text).toBe(formatDecimal(cf, 50));
  });
  it('a root inside the ceiling piece [1/12, 1/11): c = 565/2, α* = 4/(exp(c^2/12^4) − 1)', async () => {
    const h = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));
    const c = q(565, 2);
    const r = await dudleyCrossing(h, 't', num(c), q(1), none);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.kind).toBe('root');
    if (r.value.kind !== 'root') return;
    expect([r.value.pieceLower.toString(), r.value.pieceUpper.toString()]).toEqual(['1/12', '1/11']);
    const cf = await closedForm(q(12 ** 4), c, 50);
    expect(r.value.root.lower.le(cf) && cf.le(r.value.root.upper)).toBe(true);
    expect(r.value.root.text).toBe(formatDecimal(cf, 50));
  });
  it('a crossing very close to 0 (n = 10^4, g = 1: α* ≈ 10^-482) is still found', async () => {
    const r = await dudleyCrossing(sqrt(log(add(num(1), div(num(4), t)))), 't', num(q(100, 3)), q(1), none);
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.kind).toBe('root');
    if (r.value.kind !== 'root') return;
    const cf = await closedForm(q(1), q(100, 3), 50);
    expect(r.value.root.lower.le(cf) && cf.le(r.value.root.upper)).toBe(true);
  });
});

describe('the trivial cut-off α* = B/2', () => {
  it('h > c on all of (0, B/2): α* = B/2', async () => {
    const h = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));
    const r = await dudleyCrossing(h, 't', num(1), q(1), none);
    expect(r.ok && r.value.kind === 'trivial' && r.value.alpha.toString()).toBe('1');
  });
  it('the set is {B/2} alone: h(B/2) ≤ c but h > c just below, so α* = B/2 (tested on (0, B/2), not at B/2)', async () => {
    // h = ceil(1/t): h(1) = 1 ≤ 1, h(t) = 2 on [1/2, 1).
    const r = await dudleyCrossing(ceil(div(num(1), t)), 't', num(1), q(1), none);
    expect(r.ok && r.value.kind).toBe('trivial');
  });
});

describe('undecidable comparisons are reported, never guessed', () => {
  it('h = ceil(1/t) log 4 against c = 4 log 2: h(1−) − c = 0 exactly, EB5104', async () => {
    const r = await dudleyCrossing(mul(ceil(div(num(1), t)), log(num(4))), 't', mul(num(4), log(num(2))), q(1), none);
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5104');
  });
  it('kinks need not be located for a crossing: min(ceil(1/t)^2, t^-3) against c = 50', async () => {
    // Both sides non-increasing; min = ceil(1/t)^2 here: 64 > 50 on [1/8, 1/7), 49 <= 50 at 1/7.
    const h = min(pow(ceil(div(num(1), t)), num(2)), pow(t, num(-3)));
    const r = await dudleyCrossing(h, 't', num(50), q(1), none);
    expect(r.ok && r.value.kind === 'jump' && r.value.alpha.toString()).toBe('1/7');
  });
  it('a level that depends on the variable is refused', async () => {
    const r = await dudleyCrossing(ceil(div(num(1), t)), 't', sub(t, num(1)), q(1), none);
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5004');
  });
});
