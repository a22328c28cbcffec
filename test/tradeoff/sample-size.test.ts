// sample.size in THEORY §6: the least n with Gamma_G <= tau and with Gamma_1 <= tau (exact integers, the bound
// shown at n - 1 and n), their ratio, each re-checked at n - 1 and n by the independent decimal.js code.
import { beforeAll, describe, expect, it } from 'vitest';
import { findValue, instantiate, type Instantiation } from '../../src/theory/index.js';
import { q, section6 } from '../theory/fixtures.js';
import { D, gamma } from './independent.js';

const tau = q(1);

describe('sample.size in THEORY §6, tau = 1', () => {
  let inst: Instantiation;
  beforeAll(async () => {
    const r = await instantiate('sample.size', section6(), { digits: 30, tradeoff: { tau } });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    inst = r.value;
  }, 60_000);

  const exactOf = (name: string) => {
    const v = findValue(inst, name);
    expect(v?.notComputed, name).toBeUndefined();
    return v!.exact!;
  };

  it('pins n_G, n_1 and their ratio', () => {
    expect(exactOf('n_G').toString()).toBe('2510981');
    expect(exactOf('n_1').toString()).toBe('32950630');
    expect(exactOf('n_1/n_G').toString()).toBe('621710/47377');
    // About |G| = 16 up to the logarithms, as gain.finite says.
    expect(Number(exactOf('n_1/n_G').n) / Number(exactOf('n_1/n_G').d)).toBeCloseTo(13.12, 2);
  });

  it('shows the bound at n - 1 (> tau) and n (<= tau), confirmed by independent code', () => {
    for (const [name, which] of [
      ['n_G', 'G'],
      ['n_1', '1'],
    ] as const) {
      const n = exactOf(name).n;
      const at = findValue(inst, `Gamma_${which} at ${name}`)!;
      const before = findValue(inst, `Gamma_${which} at ${name} - 1`)!;
      expect(at.approximation!.upper.le(tau)).toBe(true);
      expect(tau.lt(before.approximation!.lower)).toBe(true);
      const s = (m: bigint) => ({ d: 4, n: m, delta: new D('0.01') });
      expect(gamma(s(n), which).lte(1)).toBe(true);
      expect(gamma(s(n - 1n), which).gt(1)).toBe(true);
    }
  }, 60_000);
});
