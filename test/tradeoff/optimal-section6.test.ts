// THEORY §6 with eta = 1/20 (d = 4, n = 10^6, delta = 1/100): eps*, E(eps*), the regime and the additive
// closed form, pinned, and re-derived by a brute-force scan of E at 40 digits in independent decimal.js code.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/expr/rational.js';
import { formatDecimal } from '../../src/numeric/format.js';
import { findValue, instantiate, type Instantiation } from '../../src/theory/index.js';
import { buildContext } from '../../src/theory/context.js';
import { value } from '../../src/theory/setting.js';
import { optimalEquivarianceError, type OptimalCertificate } from '../../src/theory/theorems/tradeoff-certificate.js';
import { q, section6 } from '../theory/fixtures.js';
import { D, excess, gamma, scanExcess } from './independent.js';

/** Grid cells of [0, 2 eta] in the brute-force scan (optimal-section6.fuzz.test.ts uses 40). */
const GRID = 4;

const eta = q(1, 20);
const setting = section6(4, { eta: value(eta) });
const s6 = { d: 4, n: 10n ** 6n, delta: new D('0.01') };
const dec = (r: Rational) => new D(r.n.toString()).div(r.d.toString());

function agree40(text: string | Rational, reference: InstanceType<typeof D>) {
  const v = typeof text === 'string' ? new D(text) : dec(text);
  expect(v.sub(reference).abs().lte(reference.abs().mul(new D(10).pow(-40))), `${v} vs ${reference.toSignificantDigits(45)}`).toBe(true);
}

describe('tradeoff.optimal in THEORY §6, eta = 1/20', () => {
  let inst: Instantiation;
  let cert: OptimalCertificate;
  let gG: InstanceType<typeof D>;
  let g1: InstanceType<typeof D>;
  beforeAll(async () => {
    const r = await instantiate('tradeoff.optimal', setting, { digits: 50, tradeoff: { depth: 9 } });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    inst = r.value;
    const ctx = await buildContext(setting);
    if (!ctx.ok) throw new Error('context');
    const c = await optimalEquivarianceError(ctx.value, eta, { digits: 20, depth: 6 });
    if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
    cert = c.value;
    gG = gamma(s6, 'G');
    g1 = gamma(s6, '1');
  }, 60_000);

  const text = (name: string) => {
    const v = findValue(inst, name);
    expect(v?.notComputed, name).toBeUndefined();
    return v!.approximation!.text;
  };

  it('pins eps* = 0, the regime, and every minimiser in [0, eta/2^9]', () => {
    expect(findValue(inst, 'best eps evaluated')!.exact!.toString()).toBe('0');
    expect(findValue(inst, 'eps*')).toBeUndefined(); // eps* is only certified to a cell, never printed as a point
    expect(findValue(inst, 'eps* lower')!.exact!.toString()).toBe('0');
    expect(findValue(inst, 'eps* upper')!.exact!.toString()).toBe('1/10240');
    expect(inst.notes.some((n) => n.startsWith('regime: exact equivariance'))).toBe(true);
    expect(cert.regime).toBe('exact equivariance');
  });

  it('pins E(eps*) = E(0) = eta + 2 Gamma_G, E(eta) and the additive closed form to 50 digits', () => {
    expect(text('E(eps*)')).toBe('2.5533422173420899965991911098281817211310185071631');
    expect(text('E(0)')).toBe(text('E(eps*)'));
    expect(text('E(eta)')).toBe('2.7033422173420899965991911098281817211310185071631');
    expect(text('additive minimum')).toBe(text('E(0)'));
    expect(text('additive threshold')).toBe('1.9952563158893589111433651103979506737732738099684');
    // min E is bracketed by the last cell: within eta/2^9 of E(0).
    const lower = findValue(inst, 'min E lower')!.approximation!.lower;
    expect(lower.le(Rational.parseDecimal(text('E(0)'))!)).toBe(true);
    expect(Rational.parseDecimal(text('E(0)'))!.sub(lower).le(eta.div(Rational.of(512)).add(Rational.of(1, 10n ** 45n)))).toBe(true);
  });

  it('re-derives eps*, E(eps*) and the regime by a brute-force scan at 40 digits (independent code)', () => {
    const etaD = new D(1).div(20);
    agree40(text('E(0)'), etaD.add(gG.mul(2)));
    agree40(text('additive threshold'), g1.sub(gG).mul(2));
    // E on a grid of [0, 2 eta] (fact 1: nothing beyond eta helps): the least value is at eps = 0.
    const { values, least } = scanExcess(s6, etaD, gG, g1, GRID);
    expect(least).toBe(0);
    agree40(text('E(eps*)'), values[0]!);
    agree40(text('E(eta)'), values[GRID / 2]!);
    // And finer near 0, where E rises with slope about 3 lambda.
    for (const k of [1, 7]) expect(excess(s6, etaD, etaD.div(1000).mul(k), gG, g1).gt(values[0]!)).toBe(true);
  }, 60_000);

  it('every excluded cell lower bound is below the independent E inside the cell (spot check of soundness)', () => {
    const etaD = new D(1).div(20);
    const excluded = cert.cells.filter((c) => c.excluded);
    expect(excluded.length).toBeGreaterThan(5);
    for (const c of excluded.filter((_, i) => i % 6 === 0)) {
      const m = dec(c.lo.add(c.hi).div(Rational.TWO));
      expect(dec(c.lower).lte(excess(s6, etaD, m, gG, g1))).toBe(true);
    }
    // Each evaluated E(eps) of the certificate agrees with the independent value.
    for (const p of cert.points.filter((_, i) => i % 8 === 1)) {
      const ref = excess(s6, etaD, dec(p.eps), gG, g1);
      expect(new D(formatDecimal(p.E.lo, 25)).sub(ref).abs().lt(new D(10).pow(-18))).toBe(true);
    }
  }, 60_000);
});
