// The brute-force scan of E for THEORY §6 (eta = 1/20) on a fine grid: 41 points of [0, 2 eta] and 20 in
// [0, eta/100], in independent decimal.js code at 40 digits; the least value is at eps = 0, equal to E(eps*).
import { expect, it } from 'vitest';
import { findValue, instantiate } from '../../src/theory/index.js';
import { value } from '../../src/theory/setting.js';
import { q, section6 } from '../theory/fixtures.js';
import { D, excess, gamma, scanExcess } from './independent.js';

it('E is least at eps = 0 on a fine grid, and equals the reported E(eps*) to 40 digits', async () => {
  const r = await instantiate('tradeoff.optimal', section6(4, { eta: value(q(1, 20)) }), { digits: 45, tradeoff: { depth: 6 } });
  if (!r.ok) throw new Error('instantiate failed');
  const s6 = { d: 4, n: 10n ** 6n, delta: new D('0.01') };
  const gG = gamma(s6, 'G');
  const g1 = gamma(s6, '1');
  const eta = new D(1).div(20);
  const { values, least } = scanExcess(s6, eta, gG, g1, 40);
  expect(least).toBe(0);
  for (let k = 1; k <= 20; k++) expect(excess(s6, eta, eta.div(2000).mul(k), gG, g1).gt(values[0]!)).toBe(true);
  const reported = new D(findValue(r.value, 'E(eps*)')!.approximation!.text);
  expect(reported.sub(values[0]!).abs().lt(new D(10).pow(-40))).toBe(true);
}, 1_800_000);
