// THEORY §6 reproduced: Gamma_1, Gamma_G, their ratio and limit, both alpha* exactly, the power forms;
// and an independent computation in plain decimal.js (Gauss–Legendre written here) agreeing to 40 digits.
import { Decimal } from 'decimal.js';
import { gaussLegendre } from '../independent/gauss-legendre.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/expr/rational.js';
import { findValue, instantiate, type Instantiation } from '../../src/theory/index.js';
import { q, section6 } from './fixtures.js';

const D = Decimal.clone({ precision: 80 });

function dec(r: Rational): Decimal {
  return new D(r.n.toString()).div(new D(r.d.toString()));
}

const GL = gaussLegendre(D, 48, -75);

function integrate(f: (t: Decimal) => Decimal, a: Decimal, b: Decimal, parts = 4): Decimal {
  let s = new D(0);
  const h = b.sub(a).div(parts);
  for (let p = 0; p < parts; p++) {
    const lo = a.add(h.mul(p));
    const mid = lo.add(h.div(2));
    const half = h.div(2);
    for (let i = 0; i < GL.x.length; i++) s = s.add(GL.w[i]!.mul(f(mid.add(half.mul(GL.x[i]!)))));
  }
  return s.mul(h.div(2));
}

/** Gamma for N(S, t/2) = ceil(c/t)^4 (X0: c = 1, X: c = 2) with d = 4, n = 10^6, delta = 1/100, straight from the formulas. */
function independentGamma(c: number, alpha: Rational): Decimal {
  const a = dec(alpha);
  // Pieces (c/K, c/(K-1)) on which ceil(c/t) = K, from alpha up to 1.
  const cuts: Decimal[] = [a];
  for (let K = 200; K >= 2; K--) {
    const p = new D(c).div(K);
    if (p.gt(a) && p.lt(1)) cuts.push(p);
  }
  cuts.push(new D(1));
  let I = new D(0);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const lo = cuts[i]!;
    const hi = cuts[i + 1]!;
    const K = new D(c).div(lo.add(hi).div(2)).ceil();
    I = I.add(K.pow(2).mul(integrate((t) => D.ln(new D(1).add(new D(4).div(t))).sqrt(), lo, hi)));
  }
  const rad = a.mul(4).add(new D(12).div(1000).mul(I));
  const conf = new D(2).mul(D.ln(200).div(2_000_000).sqrt());
  return rad.mul(2).add(conf);
}

/** Independent check of the cut-off: h(alpha-)^2 > n/9 >= h(alpha)^2 with h^2 = ceil(c/t)^4 log(1 + 4/t). */
function crossesAt(c: number, alpha: Rational): boolean {
  const level = new D(10 ** 6).div(9);
  const a = dec(alpha);
  const K = new D(c).div(a).ceil(); // ceil(c/t) at t = alpha (right-continuous value)
  const log = D.ln(new D(1).add(new D(4).div(a)));
  return K.add(1).pow(4).mul(log).gt(level) && K.pow(4).mul(log).lte(level) && new D(c).div(a).isInteger();
}

function approxOf(inst: Instantiation, name: string) {
  const v = findValue(inst, name);
  expect(v, name).toBeDefined();
  expect(v!.notComputed, `${name}: ${v!.notComputed?.message}`).toBeUndefined();
  return v!;
}

function agree(text: string, reference: Decimal, digits: number) {
  const diff = new D(text).sub(reference).abs();
  expect(diff.lte(reference.abs().mul(new D(10).pow(-digits))), `${text} vs ${reference.toSignificantDigits(55).toString()}`).toBe(true);
}

describe('THEORY §6 (d = 4, n = 10^6, delta = 1/100)', () => {
  let gain: Instantiation;
  let exactG: Instantiation;
  let exact1: Instantiation;
  let power: Instantiation;
  beforeAll(async () => {
    const g = await instantiate('gain.finite', section6());
    const e = await instantiate('gen.exact', section6());
    const e1 = await instantiate('gen.exact', section6(4, { group: { kind: 'trivial' } }));
    const p = await instantiate('gen.exact.power', section6());
    if (!g.ok || !e.ok || !e1.ok || !p.ok) throw new Error('instantiation failed');
    gain = g.value;
    exactG = e.value;
    exact1 = e1.value;
    power = p.value;
  }, 120_000);

  it('finds both cut-offs exactly: alpha* = 1/12 for X0 and 2/13 for X', () => {
    expect(approxOf(exactG, 'alpha*(Gamma_G)').exact?.equals(q(1, 12))).toBe(true);
    expect(approxOf(exact1, 'alpha*(Gamma_1)').exact?.equals(q(2, 13))).toBe(true);
    expect(approxOf(gain, 'alpha*(Gamma_G)').exact?.toString()).toBe('1/12');
    expect(approxOf(gain, 'alpha*(Gamma_1)').exact?.toString()).toBe('2/13');
    // Independently: the ceiling jumps there and the envelope crosses sqrt(n)/3 exactly at the jump.
    expect(crossesAt(1, q(1, 12))).toBe(true);
    expect(crossesAt(2, q(2, 13))).toBe(true);
    expect(crossesAt(1, q(1, 11))).toBe(false);
  });

  it('pins Gamma_G, Gamma_1 and the ratio to 50 digits', () => {
    expect(approxOf(gain, 'Gamma_G').approximation!.text).toBe('1.2516711086710449982995955549140908605655092535815');
    expect(approxOf(gain, 'Gamma_1').approximation!.text).toBe('2.2492992666157244538712781101130661974521461585658');
    expect(approxOf(gain, 'Gamma_G/Gamma_1').approximation!.text).toBe('0.55647157639201036436506610958659793713470715813707');
    expect(approxOf(exactG, 'Gamma_G').approximation!.text).toBe(approxOf(gain, 'Gamma_G').approximation!.text);
  });

  it('agrees with an independent decimal.js computation to 40 digits', () => {
    const gG = independentGamma(1, q(1, 12));
    const g1 = independentGamma(2, q(2, 13));
    agree(approxOf(gain, 'Gamma_G').approximation!.text, gG, 45);
    agree(approxOf(gain, 'Gamma_1').approximation!.text, g1, 45);
    agree(approxOf(gain, 'Gamma_G/Gamma_1').approximation!.text, gG.div(g1), 45);
    // In fact every printed digit matches the independent value rounded to 50 significant digits.
    expect(gG.toSignificantDigits(50).toString()).toBe(approxOf(gain, 'Gamma_G').approximation!.text);
    expect(g1.toSignificantDigits(50).toString()).toBe(approxOf(gain, 'Gamma_1').approximation!.text);
    expect(gG.div(g1).toSignificantDigits(50).toString()).toBe(approxOf(gain, 'Gamma_G/Gamma_1').approximation!.text);
  });

  it('flags Gamma_1 >= B = 2 as vacuous and Gamma_G as not', () => {
    expect(approxOf(gain, 'Gamma_1').vacuous).toBe(true);
    expect(approxOf(gain, 'Gamma_G').vacuous).toBe(false);
  });

  it('computes the limit ratio |G|^(-1/d) = 1/2 exactly', () => {
    expect(approxOf(gain, 'lim Gamma_G/Gamma_1').exact?.toString()).toBe('1/2');
  });

  it('reports both power forms, the closed form at the fixed point alpha~, and checks it independently', () => {
    const minP = approxOf(power, 'Gamma_G power form');
    const closed = approxOf(power, 'Gamma_G closed form');
    const at = approxOf(power, 'alpha~ (Gamma_G)');
    expect(minP.approximation!.text).toBe('2.3660079493654235224489231690775791495375402672813');
    expect(closed.approximation!.text).toBe('2.3714751767872416292304004082281501225197238966393');
    expect(new D(minP.approximation!.text).lte(new D(closed.approximation!.text))).toBe(true);
    // alpha = 2 (9 log(1 + 4/alpha)/n)^(1/4) by fixed-point iteration; closed form = 16 alpha~ + conf.
    let a = new D('0.15');
    for (let i = 0; i < 400; i++) a = new D(2).mul(new D(9).mul(D.ln(new D(1).add(new D(4).div(a)))).div(10 ** 6).pow(new D(1).div(4)));
    agree(at.approximation!.text, a, 45);
    const conf = new D(2).mul(D.ln(200).div(2_000_000).sqrt());
    agree(closed.approximation!.text, a.mul(16).add(conf), 45);
    // The power forms of Gamma_1 and Gamma_G are about twice the ceiling bounds.
    expect(new D(minP.approximation!.text).div(new D(approxOf(gain, 'Gamma_G').approximation!.text)).toNumber()).toBeCloseTo(1.89, 1);
    expect(approxOf(gain, 'Gamma_1 power form').approximation!.text).toBe('4.4916110553653423960412936563113933994193340308103');
  });

  it('the exact ratio at n is not the limit: computed, never assumed', () => {
    const r = new D(approxOf(gain, 'Gamma_G/Gamma_1').approximation!.text);
    expect(r.sub(0.5).abs().gt(0.05)).toBe(true);
  });
});
