// Every known fact is itself proven by the interval prover over its sample boxes, and `by known`
// accepts instances while refusing non-instances and instances whose hypotheses fail.

import { describe, expect, it } from 'vitest';
import { checkKnown, knownFacts } from '../../src/check/known.js';
import { checkStep } from '../../src/check/check-derivation.js';
import { Assumptions, real } from '../../src/expr/domains.js';
import { expr } from './corpus.js';

describe('known facts', () => {
  for (const f of knownFacts) {
    it(`${f.name} is proven by interval on its sample boxes`, async () => {
      expect(f.testBoxes.length).toBeGreaterThan(0);
      for (const box of f.testBoxes) {
        // `by interval`: sign inference on the box's domains, then branch and bound.
        const step = { lhs: f.lhs, rel: f.rel, rhs: f.rhs, justification: { kind: 'interval' as const, box } };
        const r = await checkStep(step, { assumptions: Assumptions.positive, budget: { boxes: 50_000, timeMs: 10_000 } });
        expect(r.status, `${f.name} over ${JSON.stringify(box.map((x) => [x.variable, String(x.lower), String(x.upper)]))}: ${r.reason}`).toBe('proven');
      }
    });
  }

  it('proves instances by substitution', () => {
    const a = Assumptions.positive;
    expect(checkKnown('am-gm', expr('sqrt(4*alpha*C)'), '<=', expr('2*alpha + C/2'), a).status).toBe('proven');
    expect(checkKnown('am-gm', expr('(x + y)/2'), '>=', expr('sqrt(x*y)'), a).status).toBe('proven');
    expect(checkKnown('log-le-linear', expr('log(1 + 4/t)'), '<=', expr('4/t'), a).status).toBe('proven');
  });

  it('refuses non-instances, wrong directions and unmet hypotheses', () => {
    const a = Assumptions.positive;
    expect(checkKnown('am-gm', expr('(x + y)/2'), '<=', expr('sqrt(x*y)'), a).status).toBe('undecided');
    expect(checkKnown('am-gm', expr('sqrt(x*y)'), '<=', expr('(x + y)/3'), a).status).toBe('undecided');
    expect(checkKnown('am-gm', expr('sqrt(x*y)'), '<', expr('(x + y)/2'), a).status).toBe('undecided');
    // log(1 + x) <= x needs x > -1: not known for a real x.
    expect(checkKnown('log-le-linear', expr('log(1 + x)'), '<=', expr('x'), a.with('x', real)).status).toBe('undecided');
    expect(checkKnown('no-such-fact', expr('x'), '<=', expr('x'), a).code).toBe('EB7004');
  });
});
