// One setting per catalog group, each with its gain over the unconstrained class computed (never assumed).
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { findValue, instantiate, type Instantiation } from '../../src/theory/index.js';
import { value } from '../../src/theory/setting.js';
import { q, section6 } from './fixtures.js';

const DIGITS = 20;
const small = { n: value(q(10_000)) };

async function run(id: string, s: Parameters<typeof instantiate>[1], args = {}): Promise<Instantiation> {
  const r = await instantiate(id, s, { digits: DIGITS, ...args });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
}

function num(inst: Instantiation, name: string): Decimal {
  const v = findValue(inst, name);
  if (!v || v.notComputed || !v.approximation) throw new Error(`${name}: ${v?.notComputed?.message ?? 'missing'}`);
  return new Decimal(v.approximation.text);
}

function gainChecks(inst: Instantiation) {
  const gG = num(inst, 'Gamma_G');
  const g1 = num(inst, 'Gamma_1');
  const ratio = num(inst, 'Gamma_G/Gamma_1');
  expect(gG.lt(g1)).toBe(true);
  expect(ratio.sub(gG.div(g1)).abs().lt(1e-15)).toBe(true);
  return { gG, g1, ratio };
}

describe('gain over the unconstrained class, one per catalog group', () => {
  it('sign flips {+1,-1}^3 on [-1, 1]^3: limit |G|^(-1/3) = 1/2 exactly', async () => {
    const inst = await run('gain.finite', section6(3, small));
    const { ratio } = gainChecks(inst);
    expect(findValue(inst, 'lim Gamma_G/Gamma_1')!.exact?.toString()).toBe('1/2');
    expect(ratio.gt(0.5)).toBe(true);
    // X: a jump point 2/7. X0: inside the smooth piece ceil(1/t) = 7, where 7^3 log(1 + 4/t) = n/9.
    expect(findValue(inst, 'alpha*(Gamma_1)')!.exact?.toString()).toBe('2/7');
    const aG = findValue(inst, 'alpha*(Gamma_G)')!;
    expect(aG.exact).toBeUndefined();
    const root = new Decimal(4).div(Decimal.exp(new Decimal(10_000).div(9 * 343)).sub(1));
    expect(root.sub(aG.approximation!.text).abs().lt(1e-18)).toBe(true);
  }, 60_000);

  it('permutations S_3 on [0, 1]^3: the sorted cone; limit (1/3!)^(1/3) = |S_3|^(-1/3)', async () => {
    const inst = await run('gain.finite', section6(3, { ...small, space: { kind: 'cube', lower: q(0), upper: q(1), dim: 3 }, group: { kind: 'permutations', d: 3 } }));
    gainChecks(inst);
    expect(num(inst, 'lim Gamma_G/Gamma_1').sub(new Decimal(6).pow(new Decimal(-1).div(3))).abs().lt(1e-18)).toBe(true);
    expect(inst.notes.join(' ')).toContain('equals |G|^(-1/d)');
  }, 60_000);

  it('C_6 on the circle: cut-offs at multiples of pi, enclosed through rational bounds of pi; d = 1 limit not computed', async () => {
    const inst = await run('gain.finite', section6(1, { ...small, space: { kind: 'circle' }, group: { kind: 'cyclic', m: 6 } }));
    gainChecks(inst);
    // alpha*_G = pi/(3K) for an integer K (jumps of ceil(pi/(3t))).
    const a = findValue(inst, 'alpha*(Gamma_G)')!.approximation!;
    const K = Math.round(Math.PI / (3 * Number(a.text)));
    const exact = new Decimal(Decimal.acos(-1)).div(3 * K);
    expect(exact.sub(a.text).abs().lt(1e-18)).toBe(true);
    const lim = findValue(inst, 'lim Gamma_G/Gamma_1')!;
    expect(lim.notComputed?.code).toBe('EB6026');
  }, 60_000);

  it('SO(2) on the unit disc: X0 = [0, 1], dimension 2 -> 1, alpha*_G exact, limit 0', async () => {
    const inst = await run('gain.lie', section6(2, { ...small, space: { kind: 'ball', radius: q(1), dim: 2 }, group: { kind: 'SO2' } }));
    gainChecks(inst);
    expect(findValue(inst, 'alpha*(Gamma_G)')!.exact?.toString()).toBe('1/170');
    expect(findValue(inst, 'alpha*(Gamma_1)')!.exact).toBeUndefined(); // a root of the smooth ball envelope
    expect(findValue(inst, 'lim Gamma_G/Gamma_1')!.exact?.toString()).toBe('0');
    expect(findValue(inst, 'Gamma_1')!.vacuous).toBe(true);
  }, 60_000);

  it('a non-group transformation set T = {rotation by 2 pi/6}: Gamma_T(eps) = min_H Gamma_H(m_H eps) beats Gamma_1', async () => {
    const s = section6(1, { ...small, space: { kind: 'circle' }, group: { kind: 'trivial' }, transformations: { kind: 'cyclic', m: 6, generators: [1] }, eps: value(q(1, 1000)), hypothesisClass: { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'approximate' } });
    const words = await run('partial.words', s);
    expect(['C_1', 'C_2', 'C_3', 'C_6'].map((h) => findValue(words, `m_H(${h})`)!.exact!.toString())).toEqual(['0', '3', '2', '3']);
    const inst = await run('gen.partial', s);
    const best = num(inst, 'Gamma_T(eps)');
    const candidates = inst.values.filter((v) => v.name.startsWith('Gamma_C_')).map((v) => new Decimal(v.approximation!.text));
    expect(candidates).toHaveLength(4);
    expect(best.eq(Decimal.min(...candidates))).toBe(true);
    expect(best.lt(num(inst, 'Gamma_1'))).toBe(true);
    expect(num(inst, 'Gamma_C_1(0 eps)').eq(num(inst, 'Gamma_1'))).toBe(true);
  }, 120_000);
});

describe('gen.approx and tradeoff.excess on §6', () => {
  const approxSetting = (eps: [number, number]) => section6(4, { eps: value(q(eps[0], eps[1])), eta: value(q(1, 20)), Lstar: value(q(1)), hypothesisClass: { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'approximate' } });

  it('Gamma(0) = Gamma_G, Gamma is non-decreasing in eps, Gamma_scale <= Gamma_G + 8 lambda eps, and Gamma(eps) = Gamma_1 for large eps', async () => {
    const at0 = await run('gen.approx', approxSetting([0, 1]));
    expect(num(at0, 'Gamma(eps)').eq(num(at0, 'Gamma_G'))).toBe(true);
    let previous = num(at0, 'Gamma(eps)');
    for (const e of [[1, 1000], [1, 100], [1, 10], [1, 2]] as [number, number][]) {
      const inst = await run('gen.approx', approxSetting(e));
      const g = num(inst, 'Gamma(eps)');
      expect(g.gte(previous)).toBe(true);
      previous = g;
      const scale = num(inst, 'Gamma_scale(eps)');
      expect(scale.lte(num(inst, 'Gamma_G').add(new Decimal(8).mul(e[0]).div(e[1])))).toBe(true);
      expect(scale.lte(num(inst, 'Gamma_1'))).toBe(true);
    }
    expect(previous.eq(num(await run('gen.approx', approxSetting([1, 2])), 'Gamma_1'))).toBe(true);
  }, 120_000);

  it('tradeoff.excess: E(eps) = lambda (eta - eps)_+ + 2 Gamma(eps)', async () => {
    const inst = await run('tradeoff.excess', approxSetting([1, 100]));
    expect(num(inst, 'E(eps)').sub(new Decimal(1).div(25).add(num(inst, 'Gamma(eps)').mul(2))).abs().lt(1e-18)).toBe(true);
    const lower = await run('approx.lower', approxSetting([1, 100]));
    expect(findValue(lower, 'A(eps) lower')!.exact!.toString()).toBe('1/50');
  }, 60_000);

  it('gen.exact.power says when the closed form is vacuous (alpha~ > B/2 at small n)', async () => {
    const inst = await run('gen.exact.power', section6(4, { n: value(q(100)) }));
    const closed = findValue(inst, 'Gamma_G closed form')!;
    expect(closed.vacuous).toBe(true);
    expect(closed.description).toContain('vacuous');
    // alpha~ > B/2: the closed form exceeds 4B (+ conf), so it is valid but vacuous; min P sits at alpha = B/2.
    expect(num(inst, 'alpha~ (Gamma_G)').gt(1)).toBe(true);
    expect(num(inst, 'Gamma_G closed form').gt(8)).toBe(true);
    expect(findValue(inst, 'Gamma_G power form')!.vacuous).toBe(true);
  }, 60_000);
});
