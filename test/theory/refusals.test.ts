// Every theorem refuses once, with the EB6xxx code naming the hypothesis its setting lacks.
import { describe, expect, it } from 'vitest';
import { instantiate, theoremIds } from '../../src/theory/index.js';
import { free, value, type Setting } from '../../src/theory/setting.js';
import { q, section6 } from './fixtures.js';

const approxClass = { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'approximate' as const };
const circle = (over: Partial<Setting> = {}) => section6(1, { space: { kind: 'circle' }, group: { kind: 'cyclic', m: 4 }, ...over });

const cases: Record<(typeof theoremIds)[number], [string, Setting, { wordBudget?: number }?]> = {
  'cover.ball': ['EB6017', section6()],
  'cover.cube': ['EB6017', circle()],
  'cover.simplex': ['EB6017', section6()],
  'cover.arc': ['EB6017', section6()],
  'cover.power': ['EB6012', section6(4, { domainCovering: { kind: 'power', A: q(1), d: q(4), r0: q(1, 10) } })],
  'entropy.lipschitz': ['EB6010', section6(4, { space: { kind: 'cube', lower: q(0), upper: q(1), dim: 4 } })],
  'entropy.loss': ['EB6022', section6(4, { loss: { kind: 'lipschitz', lambda: value(q(0)), B: value(q(2)) } })],
  'rademacher.dudley': ['EB6022', section6(4, { n: value(q(1, 2)) })],
  'dudley.cutoff': ['EB6022', section6(4, { loss: { kind: 'lipschitz', lambda: value(q(1)), B: value(q(-1)) } })],
  'uniform.deviation': ['EB6022', section6(4, { delta: value(q(2)) })],
  'gen.exact': ['EB6023', section6(4, { hypothesisClass: approxClass, eps: value(q(1, 100)) })],
  'gen.exact.power': ['EB6013', section6(2)],
  'gain.finite': ['EB6018', section6(2, { space: { kind: 'ball', radius: q(1), dim: 2 }, group: { kind: 'SO2' } })],
  'gain.lie': ['EB6019', section6()],
  'average.project': ['EB6015', section6()],
  'entropy.approx': ['EB6015', section6(4, { hypothesisClass: approxClass })],
  'gen.approx': ['EB6015', section6(4, { hypothesisClass: approxClass })],
  'gen.approx.additive': ['EB6011', section6(2, { space: { kind: 'ball', radius: q(1), dim: 2 }, group: { kind: 'permutations', d: 2 }, eps: value(q(1, 100)) })],
  'gen.approx.shift': ['EB6010', section6(2, { group: { kind: 'SO2' }, eps: value(q(1, 100)) })],
  'partial.words': ['EB6020', circle()],
  'gen.partial': ['EB6021', circle({ group: { kind: 'trivial' }, transformations: { kind: 'cyclic', m: 6, generators: [1] }, eps: value(q(1, 100)) }), { wordBudget: 2 }],
  'approx.lower': ['EB6015', section6(4, { eps: value(q(1, 100)) })],
  'approx.upper': ['EB6014', section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: value(q(2)) })],
  'approx.l2': ['EB6024', section6(4, { eta2: value(q(1, 10)), invariantInputLaw: true })],
  'tradeoff.excess': ['EB6015', section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)) })],
  'tradeoff.optimal': ['EB6015', section6()],
  'sample.size': ['EB6022', section6(4, { delta: value(q(2)) })],
};

describe('refusals', () => {
  for (const id of theoremIds) {
    const [code, setting, args] = cases[id];
    it(`${id} refuses with ${code}`, async () => {
      const r = await instantiate(id, setting, { ...args, evaluate: false });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toContain(code);
    });
  }

  it('approx.l2 also needs an invariant input law (EB6025); an unknown id is EB6016', async () => {
    const r = await instantiate('approx.l2', section6(4, { loss: { kind: 'squared' }, eta2: value(q(1, 10)) }), { evaluate: false });
    expect(!r.ok && r.diagnostics[0]!.code).toBe('EB6025');
    const u = await instantiate('gen.magic', section6());
    expect(!u.ok && u.diagnostics[0]!.code).toBe('EB6016');
  });

  it('gen.exact.power refuses a power law that stops below the coarsest scale (EB6012), and a sphere has no covering (EB6017)', async () => {
    const r = await instantiate('gen.exact.power', section6(4, { domainCovering: { kind: 'power', A: q(1), d: q(4), r0: q(1, 4) } }), { evaluate: false });
    expect(!r.ok && r.diagnostics[0]!.code).toBe('EB6012');
    const s = await instantiate('gen.exact', section6(2, { space: { kind: 'sphere', dim: 2 }, group: { kind: 'trivial' } }), { evaluate: false });
    expect(!s.ok && s.diagnostics[0]!.code).toBe('EB6017');
  });

  it('the same settings with the hypothesis restored are accepted', async () => {
    expect((await instantiate('approx.upper', section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: value(q(1)) }), { evaluate: false })).ok).toBe(true);
    expect((await instantiate('gen.exact.power', section6(3), { evaluate: false })).ok).toBe(true);
    expect((await instantiate('approx.upper', section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: free() }), { evaluate: false })).ok).toBe(true);
  });
});
