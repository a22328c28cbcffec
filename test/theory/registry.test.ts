// Every THEORY id is in the registry with its statement, hypotheses and proof sketch, instantiates in a
// setting that meets its hypotheses, and renders as LaTeX naming the theorem and its hypotheses.
import { describe, expect, it } from 'vitest';
import { freeSymbols } from '../../src/expr/traverse.js';
import { instantiate, registry, renderInstantiation, theoremIds } from '../../src/theory/index.js';
import { free, value, type Setting } from '../../src/theory/setting.js';
import { q, section6 } from './fixtures.js';

const full = section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: value(q(1)), hypothesisClass: { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'approximate' } });
const settingFor = (id: string): Setting => {
  if (id === 'cover.ball' || id === 'gain.lie') return section6(2, { space: { kind: 'ball', radius: q(1), dim: 2 }, group: { kind: 'SO2' } });
  if (id === 'cover.arc') return section6(1, { space: { kind: 'circle' }, group: { kind: 'cyclic', m: 3 } });
  if (id === 'cover.simplex') return section6(3, { space: { kind: 'cube', lower: q(0), upper: q(1), dim: 3 }, group: { kind: 'permutations', d: 3 } });
  if (id === 'partial.words' || id === 'gen.partial') return section6(1, { space: { kind: 'circle' }, group: { kind: 'trivial' }, transformations: { kind: 'cyclic', m: 4, generators: [1] }, eps: value(q(1, 100)) });
  if (id === 'approx.l2') return section6(4, { loss: { kind: 'squared' }, invariantInputLaw: true, eta2: value(q(1, 10)) });
  if (id === 'gen.exact' || id === 'gen.exact.power' || id === 'uniform.deviation') return section6();
  return full;
};

describe('registry', () => {
  it('has every id of the issue with statement, named hypotheses, constants, proof sketch and source', () => {
    for (const id of theoremIds) {
      const s = registry[id];
      expect(s.id).toBe(id);
      expect(s.statement.length).toBeGreaterThan(20);
      expect(s.proofSketch.length).toBeGreaterThan(40);
      expect(s.hypotheses.length).toBeGreaterThan(0);
      for (const h of s.hypotheses) expect(h.name).toMatch(/^[a-z_]+$/);
      expect(s.source).toMatch(/Petrache & Trivedi/);
      for (const u of s.uses) expect(theoremIds).toContain(u);
    }
  });

  for (const id of theoremIds) {
    it(`${id} instantiates symbolically and renders as LaTeX`, async () => {
      const r = await instantiate(id, settingFor(id), { evaluate: false });
      if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; '));
      const inst = r.value;
      expect(inst.theorem).toBe(id);
      expect(inst.hypotheses.length).toBeGreaterThan(0);
      const tex = renderInstantiation(inst, 'latex');
      expect(tex).toContain(`\\texttt{${id}}`);
      for (const h of inst.hypotheses) expect(tex).toContain(h.name.replace(/_/g, '\\_'));
      // With every parameter known, the instantiated bound has no free parameter left.
      expect([...freeSymbols(inst.bound)].filter((s) => !['t', 'r', 'alpha0'].includes(s))).toEqual([]);
    });
  }

  it('keeps free parameters symbolic and evaluates nothing it cannot', async () => {
    const r = await instantiate('gen.exact', section6(4, { n: free() }));
    if (!r.ok) throw new Error('refused');
    expect([...freeSymbols(r.value.bound)]).toEqual(['n']);
    expect(r.value.values.every((v) => v.notComputed?.code === 'EB6026')).toBe(true);
  });
});
