// The full n0 search for THEORY §6 with eta = 1/20 (leastInteger from n = 10^6, galloping to 10^30, then a
// geometric grid above n0), and an independent decimal.js re-derivation of the switch at n0 - 1 and n0.
import { describe, expect, it } from 'vitest';
import { value } from '../../src/theory/setting.js';
import { matchingThreshold } from '../../src/theory/theorems/tradeoff-search.js';
import { q, section6 } from '../theory/fixtures.js';
import { D, gamma } from './independent.js';
import { N0 } from './section6-values.js';

const eta = q(1, 20);

function independentSwitch(n: bigint): { exactSide: InstanceType<typeof D>; matchSide: InstanceType<typeof D> } {
  const s = { d: 4, n, delta: new D('0.01') };
  const etaD = new D(1).div(20);
  const gG = gamma(s, 'G');
  const g1 = gamma(s, '1');
  const scale = gamma(s, 'scale', etaD);
  return { exactSide: etaD.add(gG.mul(2)), matchSide: D.min(scale, gG.add(etaD.mul(2)), g1).mul(2) };
}

describe('n0 search in THEORY §6', () => {
  it('finds n0 by leastInteger and the regime stays matching above it', async () => {
    const r = await matchingThreshold(section6(4, { eta: value(eta) }), eta, { digits: 20, timeLimitMs: 20 * 60_000 });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    expect(r.value.n0).toBe(N0);
    expect(r.value.atStart).toBe(false);
    expect(r.value.gridHolds).toBe(true);
    console.log(`n0 = ${r.value.n0}: ${r.value.evaluations} evaluations in ${r.value.milliseconds} ms`);
  }, 30 * 60_000);

  it('re-derives the switch at n0 - 1 and n0 in independent code at 40 digits', () => {
    const before = independentSwitch(N0 - 1n);
    const at = independentSwitch(N0);
    expect(before.matchSide.gt(before.exactSide)).toBe(true);
    expect(at.matchSide.lte(at.exactSide)).toBe(true);
    // The margins are about 1e-15, far above the 1e-40 accuracy of the independent values.
    expect(before.matchSide.sub(before.exactSide).gt(new D(10).pow(-20))).toBe(true);
    expect(at.exactSide.sub(at.matchSide).gt(new D(10).pow(-20))).toBe(true);
  }, 30 * 60_000);
});
