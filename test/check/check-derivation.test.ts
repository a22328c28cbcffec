import { describe, expect, it } from 'vitest';
import { checkDerivation, composeRelations } from '../../src/check/check-derivation.js';
import { renderDerivationText } from '../../src/check/report-text.js';
import { Assumptions } from '../../src/expr/domains.js';
import { Rational } from '../../src/expr/rational.js';
import { expr } from './corpus.js';

describe('derivation chains', () => {
  it('composes relations', () => {
    expect(composeRelations(['=', '='])).toBe('=');
    expect(composeRelations(['=', '<=', '<'])).toBe('<');
    expect(composeRelations(['>=', '='])).toBe('>=');
    expect(composeRelations(['<=', '>='])).toBeUndefined();
  });

  it('checks each step and concludes only from proven steps', async () => {
    const d = await checkDerivation(
      {
        first: expr('sqrt(4*alpha*C)'),
        links: [
          { rel: '<=', expr: expr('2*alpha + C/2'), justification: { kind: 'known', name: 'am-gm' } },
          { rel: '=', expr: expr('(4*alpha + C)/2') },
          { rel: '<=', expr: expr('(4*alpha + C + 1)/2') },
        ],
      },
      { assumptions: Assumptions.positive },
    );
    expect(d.steps.map((s) => s.result.status)).toEqual(['proven', 'proven', 'proven']);
    expect(d.summary.relation).toBe('<=');
    expect(d.summary.established).toBe(true);
    const text = renderDerivationText(d);
    expect(text).toContain('step 1:');
    expect(text).toContain('by known am-gm');
    expect(text.trim().split('\n').at(-1)).toMatch(/^summary: 3 proven/);
  });

  it('reports refutations with a counterexample and mixed directions as no conclusion', async () => {
    const d = await checkDerivation(
      {
        first: expr('log(1 + 4/t)'),
        links: [
          { rel: '<=', expr: expr('2/t'), justification: { kind: 'interval', box: [{ variable: 't', lower: Rational.of(1, 100), upper: Rational.of(10) }] } },
          { rel: '>=', expr: expr('1/t') },
        ],
      },
      { assumptions: Assumptions.positive },
    );
    const r = d.steps[0]!.result;
    expect(r.status).toBe('refuted');
    if (r.status === 'refuted') {
      const t = r.counterexample.point.get('t')!;
      expect(t.le(Rational.of(10)) && Rational.of(1, 100).le(t)).toBe(true);
      expect(r.counterexample.lhs.lo.compare(r.counterexample.rhs.hi)).toBeGreaterThan(0);
    }
    expect(d.summary.relation).toBeUndefined();
    expect(d.summary.established).toBe(false);
    expect(renderDerivationText(d)).toContain('counterexample: t = ');
  });

  it('leaves a step undecided with its open boxes when the budget runs out', async () => {
    // Tangent along the whole diagonal: branch and bound cannot close it, and must not claim it.
    const d = await checkDerivation(
      { first: expr('sqrt(a*b)'), links: [{ rel: '<=', expr: expr('(a + b)/2'), justification: { kind: 'interval', box: [{ variable: 'a', lower: Rational.ONE, upper: Rational.TWO }, { variable: 'b', lower: Rational.ONE, upper: Rational.TWO }] } }] },
      { assumptions: Assumptions.positive, budget: { boxes: 300, timeMs: 2000 } },
    );
    const r = d.steps[0]!.result;
    expect(r.status).toBe('undecided');
    if (r.status === 'undecided') expect(r.remaining!.length).toBeGreaterThan(0);
    expect(renderDerivationText(d)).toContain('open box:');
  });

  it('theorem steps: the injected checker decides, counterexamples are re-checked', async () => {
    const step = { first: expr('x'), links: [{ rel: '<=' as const, expr: expr('x + 1'), justification: { kind: 'theorem' as const, id: 'demo', args: [] } }] };
    const yes = await checkDerivation(step, { assumptions: Assumptions.positive, checkTheoremStep: async () => ({ status: 'proven', reason: 'hypotheses hold' }) });
    expect(yes.steps[0]!.result.status).toBe('proven');
    const bogus = await checkDerivation(step, { assumptions: Assumptions.positive, checkTheoremStep: async () => ({ status: 'refuted', reason: 'claims a failure', counterexample: { point: new Map([['x', Rational.ONE]]) } }) });
    expect(bogus.steps[0]!.result.status).toBe('undecided');
    const lying = await checkDerivation({ first: expr('x + 1'), links: [{ rel: '<=', expr: expr('x'), justification: { kind: 'theorem', id: 'demo', args: [] } }] }, { assumptions: Assumptions.positive, checkTheoremStep: async () => ({ status: 'proven', reason: 'wrong' }) });
    expect(lying.steps[0]!.result.status).toBe('refuted');
    const none = await checkDerivation(step, { assumptions: Assumptions.positive });
    expect(none.steps[0]!.result.status).toBe('undecided');
  });
});
