import { describe, expect, it } from 'vitest';
import { add, ceil, div, log, mul, num, pow, sqrt, sym } from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { integrate } from '../../src/numeric/quadrature.js';
import { encloseIntegral } from '../../src/numeric/quadrature-enclosure.js';

const t = sym('t');
const q = (n: number | bigint, d: number | bigint = 1) => Rational.of(n, d);
const none = new Map<string, Rational>();
const h0 = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));

describe('rigorous integral enclosures', () => {
  it('monotone Riemann sums enclose ∫_{1/12}^1 h and reach the requested width', async () => {
    const r = await encloseIntegral(h0, 't', q(1, 12), q(1), none, { width: q(1, 100), monotone: 'nonincreasing' });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    const est = await integrate(h0, 't', q(1, 12), q(1), none, { digits: 30 });
    if (!est.ok) throw new Error('integrate');
    expect(r.value.lower.le(est.value.value) && est.value.value.le(r.value.upper)).toBe(true);
    expect(r.value.upper.sub(r.value.lower).le(q(1, 100))).toBe(true);
  });
  it('interval Riemann sums without a monotonicity flag enclose an exact piecewise integral', async () => {
    let exact = Rational.ZERO;
    for (let K = 2; K <= 6; K++) exact = exact.add(q(K ** 2).mul(q(1, K - 1).sub(q(1, K))));
    const body = pow(ceil(div(num(1), t)), num(2));
    const r = await encloseIntegral(body, 't', q(1, 6), q(1), none, { width: q(1, 10 ** 6) });
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    // Piecewise constant after the split: the enclosure is exact.
    expect(r.value.lower.le(exact) && exact.le(r.value.upper)).toBe(true);
    const smooth = await encloseIntegral(pow(t, num(-2)), 't', q(1, 3), q(2), none, { width: q(1, 1000) });
    if (!smooth.ok) throw new Error(smooth.diagnostics[0]!.message);
    expect(smooth.value.lower.le(q(5, 2)) && q(5, 2).le(smooth.value.upper)).toBe(true);
    expect(smooth.value.upper.sub(smooth.value.lower).le(q(1, 1000))).toBe(true);
  });
  it('refuses an unbounded integrand at an improper end instead of returning a bound', async () => {
    const r = await encloseIntegral(pow(t, num(-1, 2)), 't', q(0), q(1), none, { width: q(1, 10) });
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toMatch(/EB5108|EB5001/);
  });
  it('stops at its evaluation budget (EB5105)', async () => {
    const r = await encloseIntegral(pow(t, num(-2)), 't', q(1, 3), q(2), none, { width: q(1, 10n ** 30n), maxEvaluations: 500 });
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5105');
  });
});
