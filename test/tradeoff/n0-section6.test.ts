// n0 for THEORY §6 with eta = 1/20: the least n from which matching the data (eps = eta) is optimal, with the
// exact-ceiling bounds. The full search (leastInteger from n = 10^6, ~95 evaluations, minutes) runs in
// n0-section6.fuzz.test.ts with an independent decimal.js re-derivation; here the bracket n0 - 1, n0 is pinned.
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../../src/numeric/format.js';
import { value } from '../../src/theory/setting.js';
import { matchingAt } from '../../src/theory/theorems/tradeoff-search.js';
import { q, section6 } from '../theory/fixtures.js';
import { N0 } from './section6-values.js';

const eta = q(1, 20);
const setting = section6(4, { eta: value(eta) });

describe('n0 in THEORY §6, eta = 1/20 (exact-ceiling bounds)', () => {
  it('exact equivariance still wins at n0 - 1 and matching wins at n0', async () => {
    const before = await matchingAt(setting, eta, N0 - 1n, 20);
    const at = await matchingAt(setting, eta, N0, 20);
    if (!before.ok || !at.ok) throw new Error('matchingAt failed');
    expect(before.value.holds).toBe(false);
    expect(at.value.holds).toBe(true);
    // E(0) and E(eta) at both sizes, to 15 digits: the switch is a near-tie, decided by enclosures.
    expect(formatDecimal(before.value.evidence.exactSide.lo, 15)).toBe('0.103361178936129');
    expect(formatDecimal(before.value.evidence.matchSide.lo, 15)).toBe('0.103361178936130');
    expect(formatDecimal(at.value.evidence.exactSide.lo, 15)).toBe('0.103361178936127');
    expect(formatDecimal(at.value.evidence.matchSide.lo, 15)).toBe('0.103361178936127');
    expect(at.value.evidence.matchSide.hi.lt(at.value.evidence.exactSide.lo)).toBe(true);
    expect(before.value.evidence.exactSide.hi.lt(before.value.evidence.matchSide.lo)).toBe(true);
  }, 60_000);

  it('exact equivariance wins at the setting n = 10^6 and matching from 10^13 on a coarse grid', async () => {
    for (const [n, holds] of [
      [10n ** 6n, false],
      [10n ** 12n, false],
      [10n ** 13n, true],
    ] as const) {
      const r = await matchingAt(setting, eta, n, 20);
      if (!r.ok) throw new Error('matchingAt failed');
      expect(r.value.holds, String(n)).toBe(holds);
    }
  }, 60_000);
});
