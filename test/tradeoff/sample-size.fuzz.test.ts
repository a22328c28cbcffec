// sample.size with min E in THEORY §6 (eta = 1/20, tau = 13/5): each probe of the search runs a cell
// certificate, so this takes about a minute; the answer is re-checked by the independent decimal.js code.
import { expect, it } from 'vitest';
import { findValue, instantiate } from '../../src/theory/index.js';
import { value } from '../../src/theory/setting.js';
import { q, section6 } from '../theory/fixtures.js';
import { D, gamma } from './independent.js';

it('the least n with min E <= 13/5 is 924773', async () => {
  const r = await instantiate('sample.size', section6(4, { eta: value(q(1, 20)) }), { digits: 20, tradeoff: { tau: q(13, 5), minE: true } });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  const nE = findValue(r.value, 'n_E')!;
  expect(nE.notComputed).toBeUndefined();
  expect(nE.exact!.toString()).toBe('924773');
  // Exact equivariance is optimal there, so min E = E(0) = eta + 2 Gamma_G (up to the certified cell).
  const e0 = (n: bigint) => new D(1).div(20).add(gamma({ d: 4, n, delta: new D('0.01') }, 'G').mul(2));
  expect(e0(924773n).lte(new D(13).div(5))).toBe(true);
  expect(e0(924772n).gt(new D(13).div(5))).toBe(true);
}, 1_800_000);
