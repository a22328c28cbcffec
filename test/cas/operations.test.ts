// The operations on the formulas of THEORY.md §1-§2: each result is accepted only through the wall.
import { describe, expect, it } from 'vitest';
import * as cas from '../../src/cas/index.js';
import { interval } from '../../src/expr/domains.js';
import { Rational } from '../../src/expr/rational.js';
import { readExpr } from '../../src/expr/read.js';
import type { Expr } from '../../src/expr/types.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { evaluatePoint } from './evaluator.js';

const read = (s: string): Expr => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};
const options = { evaluate: evaluatePoint };
const accepted = (o: cas.CasOutcome): Expr => {
  if (o.status !== 'exact' && o.status !== 'numerically-verified') throw new Error(`${o.operation}: ${o.status} ${o.status !== 'failed' && o.status !== 'rejected' ? '' : o.diagnostics.map((d) => d.code).join()}`);
  return o.expr;
};
const num = async (e: Expr, env: Record<string, [bigint, bigint?]>) => {
  const r = await evaluate(e, new Map(Object.entries(env).map(([k, [n, d]]) => [k, Rational.of(n, d ?? 1n)])), { digits: 30 });
  if (!r.ok) throw new Error('eval');
  return r.value.lower.toNumber();
};
const dAbove2 = new Map([['d', interval(Rational.of(2n), Rational.of(12n), { openLower: true })]]);

describe('operations', () => {
  it('simplify, expand and factor of polynomials are accepted', async () => {
    expect(accepted(await cas.expand(read('(x+1)^3'), options))).toEqual(read('x^3 + 3*x^2 + 3*x + 1'));
    const f = await cas.factor(read('x^2 - 1'), options);
    expect(f.status).toMatch(/exact|numerically-verified/);
    expect(accepted(await cas.simplify(read('(x^2-1)/(x-1)'), options))).toEqual(read('x + 1'));
  });

  it('differentiates the Dudley objective 4α + C α^(1-d/2)', async () => {
    const o = await cas.differentiate(read('4*alpha + C*alpha^(1-d/2)'), 'alpha', options);
    expect(accepted(o)).toEqual(read('4 + C*(1 - d/2)*alpha^(-d/2)'));
    expect((await cas.differentiate(read('y^2'), 'x', options)).status).toBe('exact');
  });

  it('solves d/dα [4α + C α^(1−d/2)] = 0 for the cut-off α̃ = (C(d−2)/8)^(2/d)', async () => {
    const dphi = accepted(await cas.differentiate(read('4*alpha + C*alpha^(1-d/2)'), 'alpha', options));
    const o = await cas.solve(dphi, 'alpha', { ...options, domains: dAbove2 });
    expect(o.status).toBe('numerically-verified');
    const env = { C: [3n] as [bigint], d: [4n] as [bigint] };
    expect(await num(o.solutions[0]!.expr, env)).toBeCloseTo(await num(read('(C*(d-2)/8)^(2/d)'), env), 12);
  });

  it('integrates the power-law Dudley integrand in closed form and evaluates ∫_α^{B/2}', async () => {
    const body = read('sqrt(k*A*(2*L/t)^d)');
    const o = await cas.definiteIntegral(body, 't', read('alpha'), read('B/2'), { ...options, domains: dAbove2 });
    const value = accepted(o);
    const env = { k: [1n], A: [1n], L: [1n], d: [4n], alpha: [1n, 10n], B: [2n] } as Record<string, [bigint, bigint?]>;
    // d = 4: ∫ 4 t^-2 dt from 1/10 to 1 = 4 (10 - 1) = 36.
    expect(await num(value, env)).toBeCloseTo(36, 20);
  });

  it('takes limits of ratios as n -> infinity and checks them', async () => {
    const o = await cas.limit(read('(2*n + 1)/(n + 3)'), 'n', read('infinity'), options);
    expect(accepted(o)).toEqual(read('2'));
    expect(o.status === 'numerically-verified' && o.check.method).toBe('asymptotic');
    // With symbolic coefficients nerdamer returns (1+Infinity*a)/(3+Infinity*b): not computed, never a value.
    const p = await cas.limit(read('(a*n + 1)/(b*n + 3)'), 'n', read('infinity'), options);
    expect(p.status === 'failed' && p.diagnostics[0]!.code).toBe('EB4006');
  });

  it('refuses what nerdamer cannot represent, before calling it', async () => {
    const o = await cas.simplify(read('integral(t^2, t, 0, x)'), options);
    expect(o.status === 'failed' && o.diagnostics[0]!.code).toBe('EB4005');
  });
});
