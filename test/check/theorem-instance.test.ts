// `by theorem ID(args)` steps: proven only as instances whose sides are proven equal, whose relation implies
// the step's and whose hypotheses follow from the declared domains; at most verified when a side is equal
// only numerically; otherwise undecided with the reason, or refuted at a certified counterexample.

import { describe, expect, it } from 'vitest';
import { checkStep } from '../../src/check/check-derivation.js';
import type { CheckContext, Relation, StepResult } from '../../src/check/step.js';
import { canonicalBinders } from '../../src/check/theorem-instance.js';
import { Assumptions, atLeast, interval, positiveInteger, type Domain } from '../../src/expr/domains.js';
import { Rational } from '../../src/expr/rational.js';
import { equals } from '../../src/expr/types.js';
import { corpusSetting, expr, splitArguments } from './corpus.js';

const q = (n: number, d = 1) => Rational.of(n, d);

/** The worked setting: L = M = k = lambda = 1, B = 2; d integer in [3, 40], n integer >= 1, delta in (0, 1), alpha in (0, 1]. */
function context(domains: Record<string, Domain> = {}, setting: Record<string, string> = { L: '1', M: '1', k: '1', lambda: '1', B: '2' }): CheckContext {
  let assumptions = Assumptions.positive
    .with('d', interval(q(3), q(40), { integer: true }))
    .with('n', positiveInteger)
    .with('delta', interval(q(0), q(1), { openLower: true, openUpper: true }))
    .with('alpha', interval(q(0), q(1), { openLower: true }));
  for (const [k, v] of Object.entries(domains)) assumptions = assumptions.with(k, v);
  return { assumptions, theoremSetting: corpusSetting(setting) };
}

function check(lhs: string, rel: Relation, rhs: string, by: string, ctx: CheckContext = context()): Promise<StepResult> {
  const m = /^([a-z.]+)\((.*)\)$/.exec(by)!;
  return checkStep({ lhs: expr(lhs), rel, rhs: expr(rhs), justification: { kind: 'theorem', id: m[1]!, args: splitArguments(m[2]!).map(expr) } }, ctx);
}

const conf = '2*sqrt(log(2/delta)/(2*n))';
const gamma = `2*inf(4*a + 12/sqrt(n)*integral(sqrt((s/2)^(-d)*log(1 + 4/s)), s, a, 1), a, 0, 1) + ${conf}`;
const P = `2*(4*alpha + 12/sqrt(n)*sqrt(log(1 + 4/alpha))*2^(d/2)*alpha^(1 - d/2)/(d/2 - 1)) + ${conf}`;

describe('alpha-equivalence', () => {
  it('renames bound variables by depth, so binders that differ only in names compare equal', () => {
    const a = canonicalBinders(expr('integral(integral(x*y, y, 0, x), x, 0, 1) + integral(u^2, u, 0, 1)'));
    const b = canonicalBinders(expr('integral(t^2, t, 0, 1) + integral(integral(s*w, w, 0, s), s, 0, 1)'));
    expect(equals(a, b)).toBe(true);
    expect(equals(canonicalBinders(expr('integral(x*y, x, 0, 1)')), canonicalBinders(expr('integral(x*z, x, 0, 1)')))).toBe(false);
  });
});

describe('gen.exact.power', () => {
  it('proves the Dudley bound with the power law <= P(alpha), bound variables named freely', async () => {
    const r = await check(gamma, '<=', P, 'gen.exact.power(1, d, alpha)');
    expect(r).toMatchObject({ status: 'proven', method: 'theorem', used: ['gen.exact.power'] });
    expect(r.reason).toContain('instance of gen.exact.power (P(alpha))');
  });

  it('reads the step in either orientation', async () => {
    expect((await check(P, '>=', gamma, 'gen.exact.power(1, d, alpha)')).status).toBe('proven');
  });

  it('a strict step is not implied by the theorem\'s <=, nor the reverse direction', async () => {
    const strict = await check(gamma, '<', P, 'gen.exact.power(1, d, alpha)');
    expect(strict).toMatchObject({ status: 'undecided', code: 'EB7009' });
    expect(strict.reason).toContain('gives lhs <= rhs for these sides; the step claims <');
    const reversed = await check(gamma, '>=', P, 'gen.exact.power(1, d, alpha)');
    expect(reversed).toMatchObject({ status: 'undecided', code: 'EB7009' });
  });

  it('names a hypothesis the declared domains do not imply', async () => {
    const r = await check(gamma, '<=', P, 'gen.exact.power(1, d, alpha)', context({ d: interval(q(1), q(5), { integer: true }) }));
    expect(r).toMatchObject({ status: 'undecided', code: 'EB7011' });
    expect(r.reason).toBe('hypothesis d > 2 of gen.exact.power is not implied by d integer in [1, 5]');
  });

  it('decides d > 2 on an open integer domain exactly', async () => {
    expect((await check(gamma, '<=', P, 'gen.exact.power(1, d, alpha)', context({ d: atLeast(q(2), { integer: true, open: true }) }))).status).toBe('proven');
  });

  it('a constant off is not an instance, and the statement is shown', async () => {
    const r = await check(gamma, '<=', P.replace('12/sqrt(n)', '6/sqrt(n)'), 'gen.exact.power(1, d, alpha)');
    expect(r).toMatchObject({ status: 'undecided', code: 'EB7009' });
    expect(r.reason).toMatch(/^the step is not an instance of gen\.exact\.power, which states P\(alpha\): .* <= .*; or closed form at alpha0: /);
  });

  it('the closed form needs alpha0 below the fixed point: proven for n <= 10^6, not for every n', async () => {
    const closed = `16*d/(d - 2)*(9*log(401)/n)^(1/d) + ${conf}`;
    const bounded = context({ n: interval(q(1), q(1_000_000), { integer: true }) });
    expect((await check(gamma, '<=', closed, 'gen.exact.power(1, d, 1/100)', bounded)).status).toBe('proven');
    const r = await check(gamma, '<=', closed, 'gen.exact.power(1, d, 1/100)');
    expect(r).toMatchObject({ status: 'undecided', code: 'EB7011' });
    expect(r.reason).toContain('hypothesis alpha <= 2*L*lambda*(9*A*k*log(4*M*lambda/alpha + 1)/n)^(1/d) (here 1/100 <= 2*(9*log(401)/n)^(1/d))');
  }, 30_000);
});

describe('tradeoff.optimal', () => {
  const E = 'lam*pos(eta - eps) + 2*min(G1, GG + 2*lam*eps)';
  const min = 'min(lam*eta + 2*GG, 2*G1)';
  const ctx = () => context({}, { lambda: 'lam' });

  it('proves the minimum of the additive bound, and E(eps) >= it; = justifies <=', async () => {
    expect((await check(`inf(${E.replaceAll('eps', 'e')}, e, 0, eta)`, '=', min, 'tradeoff.optimal(G1, GG)', ctx())).status).toBe('proven');
    expect((await check(`inf(${E.replaceAll('eps', 'e')}, e, 0, eta)`, '<=', min, 'tradeoff.optimal(G1, GG)', ctx())).status).toBe('proven');
    expect((await check(E, '>=', min, 'tradeoff.optimal(G1, GG)', ctx())).status).toBe('proven');
  });

  it('refutes the reversed claim at a certified point', async () => {
    const r = await check(E, '<=', min, 'tradeoff.optimal(G1, GG)', ctx());
    expect(r).toMatchObject({ status: 'refuted', code: 'EB7001' });
    expect(r.reason).toContain('the step claims <=');
  });

  it('a side equal to the instance only at sample points makes the step verified, not proven', async () => {
    // G1 = sqrt(5 + 2 sqrt(6)) = sqrt(2) + sqrt(3): equal numerically, not by the rewriting rules.
    const r = await check(E.replace('G1', '(sqrt(2) + sqrt(3))'), '>=', min.replace('G1', '(sqrt(2) + sqrt(3))'), 'tradeoff.optimal(sqrt(5 + 2*sqrt(6)), GG)', ctx());
    expect(r).toMatchObject({ status: 'verified-numerically', code: 'EB7006' });
    expect(r.reason).toContain('a side equals the theorem\'s only at 64 sample points');
  });
});

describe('dudley.cutoff', () => {
  const ctx = (alpha: Domain) => context({ alpha }, { n: '9', B: '4' });
  it('proves phi(alpha) >= phi(alpha*) when h crosses sqrt(n)/3 at alpha*, for alpha on either side', async () => {
    const r = await check('4*alpha + 4*integral(1/t, t, alpha, 2)', '>=', '4 + 4*integral(1/t, t, 1, 2)', 'dudley.cutoff(1/t, 1, alpha)', ctx(interval(q(0), q(2), { openLower: true })));
    expect(r.status).toBe('proven');
  });

  it('a wrong cut-off leaves a hypothesis unshown', async () => {
    const r = await check('4*alpha + 4*integral(1/t, t, alpha, 2)', '>=', '2 + 4*integral(1/t, t, 1/2, 2)', 'dudley.cutoff(1/t, 1/2, alpha)', ctx(interval(q(0), q(2), { openLower: true })));
    expect(r).toMatchObject({ status: 'undecided', code: 'EB7011' });
    expect(r.reason).toContain('hypothesis h(t) <= sqrt(n)/3 for t between alpha* and alpha (here 1/t <= 1 for t between 1/2 and alpha)');
  });
});

describe('theorems without an arithmetic instance, and bad arguments', () => {
  it('are undecided with what the theorem bounds; a false step is still refuted', async () => {
    const r = await check('x', '<=', 'x + 1', 'cover.cube(x)');
    expect(r).toMatchObject({ status: 'undecided', code: 'EB7010' });
    expect(r.reason).toContain('cover.cube has no arithmetic instance: it bounds the covering number N(S, r)');
    const f = await check('x + 1', '<=', 'x', 'approx.upper(x)');
    expect(f).toMatchObject({ status: 'refuted', code: 'EB7001' });
  });

  it('a wrong argument count or an unknown id is a reason, not a crash', async () => {
    const r = await check('x', '<=', 'x + 1', 'gen.exact.power(x)');
    expect(r).toMatchObject({ status: 'undecided', code: 'EB7009' });
    expect(r.reason).toContain('takes 3 arguments (1 given)');
    const u = await check('x', '<=', 'x + 1', 'gen.exakt.power(x)');
    expect(u.reason).toContain('did you mean gen.exact.power?');
  });

  it('without a theorem setting the injected checker is asked, as before', async () => {
    const r = await checkStep({ lhs: expr(gamma), rel: '<=', rhs: expr(P), justification: { kind: 'theorem', id: 'gen.exact.power', args: [] } }, { assumptions: Assumptions.positive });
    expect(r).toMatchObject({ status: 'undecided', code: 'EB7002' });
  });
});
