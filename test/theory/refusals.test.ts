// Every theorem refuses a setting that violates one of its hypotheses, with the code naming the missing
// hypothesis. Through the language the refusal carries a span: the theorem id of the bound (the theory
// has no source), or the declaration a semantic check blames. In the theory, for the hypotheses the
// language cannot state (a word budget, an invariant input law, a power-law assumption), the code only.
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { loadProgram } from '../../src/cli/load-program.js';
import { exprOracle } from '../../src/cli/value-oracle.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { checkProgram } from '../../src/semantics/check-program.js';
import { instantiate, theoremIds } from '../../src/theory/index.js';
import { theoremLibrary } from '../../src/theory/library.js';
import { free, value, type Setting } from '../../src/theory/setting.js';
import { q, section6 } from './fixtures.js';

type Id = (typeof theoremIds)[number];

/** A setting of nine lines, then the bound on line 10 (`bound b = ` puts the theorem id at column 11). */
interface Program {
  readonly n?: string;
  readonly delta?: string;
  readonly space?: string;
  /** Line 5: the group (or transformations) declaration. */
  readonly group?: string;
  readonly M?: string;
  /** What the class is equivariant to, after `on X`. */
  readonly symmetry?: string;
  readonly loss?: string;
  /** Line 8: one more declaration. */
  readonly extra?: string;
  /** Arguments of the bound after the setting. */
  readonly args?: string;
}

function program(id: Id, p: Program = {}): string {
  return [
    'setting s {',
    `  param n = ${p.n ?? '1000'}`,
    `  param delta = ${p.delta ?? '1/10'}`,
    `  space X = ${p.space ?? 'cube(side = 2, dim = 4)'}`,
    `  ${p.group ?? 'group G = signflips(4) acting on X'}`,
    `  class F = lipschitz(L = 1, M = ${p.M ?? '1'}) on X ${p.symmetry ?? 'equivariant to G'}`,
    `  loss ${p.loss ?? 'absolute'}`,
    `  ${p.extra ?? '// nothing else'}`,
    '}',
    `bound b = ${id}(s${p.args ?? ''})`,
    '',
  ].join('\n');
}

const disc = 'ball(radius = 1, dim = 2)';
const circle = 'circle(radius = 1)';
const rotations = 'transformations T = generators(rotation(angle = 2*pi/6)) acting on X';
const approxG = 'approx equivariant to G within 1/100';
const approxT = 'approx equivariant to T within 1/100';

/** [theorem, violated hypothesis, program, code, [line, column, text of the span]]; the id span is [10, 11, id]. */
type Row = readonly [Id, string, Program, string, (readonly [number, number, string])?];

const languageRows: readonly Row[] = [
  ['cover.ball', 'euclidean_ball', {}, 'EB6017'],
  ['cover.cube', 'sup_cube', { space: circle, group: 'group G = cyclic(4) acting on X' }, 'EB6017'],
  ['cover.simplex', 'sorted_cone', {}, 'EB6017'],
  ['cover.arc', 'arc', {}, 'EB6017'],
  ['cover.power', 'coarsest_scale', { M: '10' }, 'EB6012'], // r0 = 1 for [0, 1]^4, B/(4 lambda L) = 5
  ['entropy.lipschitz', 'fundamental_domain', { space: disc, group: 'group G = signflips(2) acting on X' }, 'EB6011'],
  ['entropy.lipschitz', 'isometric_action', { group: 'group G = signflips(3) acting on X' }, 'EB2011', [5, 23, '3']],
  ['entropy.loss', 'lipschitz_loss', { loss: 'lipschitz(lambda = 1) bounded by 0' }, 'EB2009', [7, 41, '0']],
  ['rademacher.dudley', 'sample_size', { n: '2001/2' }, 'EB6022'],
  ['dudley.cutoff', 'bounded_class', { loss: 'lipschitz(lambda = 1)' }, 'EB2011', [7, 3, 'loss lipschitz(lambda = 1)']],
  ['uniform.deviation', 'iid_sample', { delta: '2' }, 'EB6022'],
  ['gen.exact', 'exact_equivariance', { symmetry: approxG }, 'EB6023'],
  ['gen.exact.power', 'dimension', { space: 'cube(side = 2, dim = 2)', group: 'group G = signflips(2) acting on X' }, 'EB6013'],
  ['gain.finite', 'finite_group', { space: disc, group: 'group G = SO(n = 2) acting on X' }, 'EB6018'],
  ['gain.lie', 'lie_group', {}, 'EB6019'],
  ['average.project', 'approximate_equivariance', {}, 'EB6015'],
  ['average.project', 'approximate_equivariance', { space: circle, group: rotations, symmetry: approxT }, 'EB6027'],
  ['entropy.approx', 'approximate_equivariance', { space: circle, group: rotations, symmetry: approxT }, 'EB6027'],
  ['gen.approx', 'approximate_equivariance', { symmetry: 'equivariant to G' }, 'EB6015'],
  ['gen.approx', 'approximate_equivariance', { space: circle, group: rotations, symmetry: approxT }, 'EB6027'],
  ['gen.approx.additive', 'fundamental_domain', { space: disc, group: 'group G = permutations(2) acting on X', symmetry: approxG }, 'EB6011'],
  ['gen.approx.shift', 'fundamental_domain', { space: disc, group: 'group G = cyclic(4) acting on X', symmetry: approxG }, 'EB6011'], // isometric, but sectors are not in the catalog
  ['partial.words', 'transformation_set', { symmetry: approxG }, 'EB6020'],
  ['gen.partial', 'transformation_set', { group: rotations, symmetry: approxT }, 'EB6010'], // rotations of the circle on a cube
  ['approx.lower', 'target', { symmetry: approxG }, 'EB6015'],
  ['approx.upper', 'lipschitz_room', { symmetry: approxG, extra: 'data eta = 1/20', args: ', Lstar = 2' }, 'EB6014'],
  ['approx.upper', 'approximate_equivariance', { space: circle, group: rotations, symmetry: approxT, extra: 'data eta = 1/20', args: ', Lstar = 1' }, 'EB6027'],
  ['approx.l2', 'squared_loss', {}, 'EB6024'],
  ['approx.l2', 'invariant_law', { loss: 'squared' }, 'EB6025'], // without law = invariant
  ['tradeoff.excess', 'lipschitz_room', { symmetry: approxG, extra: 'data eta = 1/20', args: ', Lstar = 2' }, 'EB6014'],
  ['tradeoff.optimal', 'target', {}, 'EB6015'],
  ['tradeoff.optimal', 'lipschitz_room', { extra: 'data eta = 1/20', args: ', Lstar = 2' }, 'EB6014'],
  ['sample.size', 'iid_sample', { delta: '1', args: ', tau = 1' }, 'EB6022'],
];

function io(text: string): CliIO {
  return { stdout: () => {}, stderr: () => {}, readFile: () => new TextEncoder().encode(text), readStdin: async () => new Uint8Array(), env: {}, colorStdout: false, colorStderr: false, cwd: '/' };
}

/** The diagnostics of loading, checking and evaluating every bound of the program, as `run` reports them. */
async function refusals(text: string): Promise<readonly Diagnostic[]> {
  const { result } = await loadProgram('refusal.eqb', io(text));
  if (!result.ok) return result.diagnostics;
  const checked = checkProgram(result.value, exprOracle);
  if (!checked.ok) return checked.diagnostics;
  const model = checked.value;
  const out: Diagnostic[] = [];
  for (const setting of model.settings.values())
    for (const bound of model.top.bounds.values()) {
      if (bound.setting !== setting.name) continue;
      const r = await theoremLibrary.evaluate(bound, setting, model, { digits: 10 });
      if (!r.ok) out.push(...r.diagnostics);
    }
  return out;
}

/** 0-based offset of 1-based line and column. */
function offset(text: string, line: number, column: number): number {
  return text.split('\n').slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
}

describe('refusals through the language: code and span', () => {
  it('has a row for every theorem id', () => {
    expect(new Set(languageRows.map((r) => r[0]))).toEqual(new Set(theoremIds));
  });
  for (const [id, hypothesis, p, code, at] of languageRows) {
    it(`${id} without ${hypothesis}: ${code}`, async () => {
      const text = program(id, p);
      const ds = await refusals(text);
      expect(ds.map((d) => d.code)).toEqual([code]);
      const [line, column, spanned] = at ?? [10, 11, id];
      const span = ds[0]!.span!;
      expect(span.source).toBe('refusal.eqb');
      expect(span.start).toBe(offset(text, line, column));
      expect(text.slice(span.start, span.end)).toBe(spanned);
    });
  }
  it('the same programs with the hypothesis restored are accepted', async () => {
    expect(await refusals(program('approx.upper', { symmetry: approxG, extra: 'data eta = 1/20', args: ', Lstar = 1' }))).toEqual([]);
    expect(await refusals(program('gen.exact.power', { space: 'cube(side = 2, dim = 3)', group: 'group G = signflips(3) acting on X' }))).toEqual([]);
    expect(await refusals(program('gain.lie', { space: disc, group: 'group G = SO(n = 2) acting on X', n: '100' }))).toEqual([]);
    // T = {rotation by 2 pi/3}: with its inverse and the identity it is C_3, so eps bounds ee_{C_3}.
    expect(await refusals(program('average.project', { space: circle, group: 'transformations T = generators(rotation(angle = 2*pi/3)) acting on X', symmetry: approxT }))).toEqual([]);
  });
});

const approxClass = { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'approximate' as const };
const circleSetting = (over: Partial<Setting> = {}) => section6(1, { space: { kind: 'circle' }, group: { kind: 'cyclic', m: 4 }, ...over });

/** One refusal per theorem in the theory itself; theory diagnostics have no span (the library adds the bound's). */
const theoryCases: Record<Id, [string, Setting, { wordBudget?: number }?]> = {
  'cover.ball': ['EB6017', section6()],
  'cover.cube': ['EB6017', circleSetting()],
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
  'partial.words': ['EB6020', circleSetting()],
  'gen.partial': ['EB6021', circleSetting({ group: { kind: 'trivial' }, transformations: { kind: 'cyclic', m: 6, generators: [1] }, eps: value(q(1, 100)) }), { wordBudget: 2 }],
  'approx.lower': ['EB6015', section6(4, { eps: value(q(1, 100)) })],
  'approx.upper': ['EB6014', section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: value(q(2)) })],
  'approx.l2': ['EB6024', section6(4, { eta2: value(q(1, 10)), invariantInputLaw: true })],
  'tradeoff.excess': ['EB6015', section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)) })],
  'tradeoff.optimal': ['EB6015', section6()],
  'sample.size': ['EB6022', section6(4, { delta: value(q(2)) })],
};

describe('refusals in the theory', () => {
  for (const id of theoremIds) {
    const [code, setting, args] = theoryCases[id];
    it(`${id} refuses with ${code}`, async () => {
      const r = await instantiate(id, setting, { ...args, evaluate: false });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.diagnostics.map((d) => d.code)).toContain(code);
        expect(r.diagnostics.every((d) => d.span === undefined)).toBe(true);
      }
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

  it('a class eps-equivariant to a transformation set that is not a group is not Lip_{<T>, eps} (EB6027), but gen.partial takes it', async () => {
    const t = circleSetting({ group: { kind: 'cyclic', m: 6 }, transformations: { kind: 'cyclic', m: 6, generators: [1] }, hypothesisClass: approxClass, eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: value(q(1)) });
    for (const id of ['average.project', 'entropy.approx', 'gen.approx', 'gen.approx.additive', 'gen.approx.shift', 'approx.lower', 'approx.upper', 'tradeoff.excess'] as const) {
      const r = await instantiate(id, t, { evaluate: false });
      expect(!r.ok && r.diagnostics.map((d) => d.code), id).toEqual(['EB6027']);
    }
    expect((await instantiate('gen.partial', t, { evaluate: false })).ok).toBe(true);
  });

  it('the same settings with the hypothesis restored are accepted', async () => {
    expect((await instantiate('approx.upper', section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: value(q(1)) }), { evaluate: false })).ok).toBe(true);
    expect((await instantiate('gen.exact.power', section6(3), { evaluate: false })).ok).toBe(true);
    expect((await instantiate('approx.upper', section6(4, { eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: free() }), { evaluate: false })).ok).toBe(true);
  });
});
