// The settings of the group examples (examples/permutations.eqb, cyclic-circle.eqb, so2-disc.eqb,
// partial-rotation.eqb), checked against an independent computation in plain decimal.js written here from
// THEORY's formulas, sharing no code with src/. The corrections pinned: gain.lie's bound is the ratio at n,
// not Gamma_G; gain.finite says when A_G = A_1/|G| fails (S_d) and gives the power forms' own limit;
// gen.partial's Gamma_scale agrees with the minimum integrated piece by piece.
import { Decimal } from 'decimal.js';
import { gaussLegendre } from '../independent/gauss-legendre.js';
import { describe, expect, it } from 'vitest';
import type { Rational } from '../../src/expr/rational.js';
import { buildContext } from '../../src/theory/context.js';
import { findValue, instantiate, type Instantiation } from '../../src/theory/index.js';
import { value, type Setting } from '../../src/theory/setting.js';
import { approxGamma } from '../../src/theory/theorems/approx.js';
import { q, section6 } from './fixtures.js';

const D = Decimal.clone({ precision: 40 });
type Dec = InstanceType<typeof D>;
const PI = D.acos(-1);

const GL = gaussLegendre(D, 30, -38);

function gauss(f: (t: Dec) => Dec, a: Dec, b: Dec, parts = 2): Dec {
  let s = new D(0);
  const h = b.sub(a).div(parts);
  for (let p = 0; p < parts; p++) {
    const mid = a.add(h.mul(p)).add(h.div(2));
    for (let i = 0; i < GL.x.length; i++) s = s.add(GL.w[i]!.mul(f(mid.add(h.div(2).mul(GL.x[i]!)))));
  }
  return s.mul(h.div(2));
}

/** sqrt(N log(1 + 4/t)): the Dudley integrand at loss scale t for L = M = lambda = k = 1 (N at r = t/2). */
const entropy = (N: Dec, t: Dec) => N.mul(D.ln(new D(1).add(new D(4).div(t)))).sqrt();

/** The points c/K (K = 1, 2, …) in (a, b): where ceil(c/t) jumps. */
function jumps(c: Dec, a: Dec, b: Dec, shift = new D(0)): Dec[] {
  const out: Dec[] = [];
  for (let K = Math.max(1, c.div(b.sub(shift)).floor().toNumber()); ; K++) {
    const p = shift.add(c.div(K));
    if (p.lte(a)) break;
    if (p.lt(b)) out.push(p);
  }
  return out;
}

/** int_a^b h on the pieces between the given points (sorted, deduplicated). */
function piecewise(h: (t: Dec) => Dec, a: Dec, b: Dec, points: Dec[]): Dec {
  const cuts = [a, ...points.filter((p) => p.gt(a) && p.lt(b)).sort((x, y) => x.cmp(y)), b];
  let s = new D(0);
  for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1]!.gt(cuts[i]!)) s = s.add(gauss(h, cuts[i]!, cuts[i + 1]!));
  return s;
}

/** Gamma = 2 (4 alpha + (12/sqrt(n)) int_alpha^1 h) + 2 sqrt(log(2/delta)/(2n)), B = 2. */
function gamma(alpha: Dec, integral: Dec, n: number, delta: Dec): Dec {
  const rad = alpha.mul(4).add(new D(12).div(new D(n).sqrt()).mul(integral));
  return rad.mul(2).add(new D(2).mul(D.ln(new D(2).div(delta)).div(2 * n).sqrt()));
}

/** alpha* = inf { h <= sqrt(n)/3 } for a non-increasing h, by bisection to 30 digits. */
function cutoff(h: (t: Dec) => Dec, n: number): Dec {
  const level = new D(n).sqrt().div(3);
  let lo = new D(10).pow(-12);
  let hi = new D(1);
  for (let i = 0; i < 110; i++) {
    const mid = lo.add(hi).div(2);
    if (h(mid).lte(level)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const dec = (r: Rational) => new D(r.n.toString()).div(r.d.toString());

function num(inst: Instantiation, name: string): Dec {
  const v = findValue(inst, name);
  if (!v?.approximation) throw new Error(`${name}: ${v?.notComputed?.message ?? 'missing'}`);
  return new D(v.approximation.text);
}

async function run(id: string, s: Setting): Promise<Instantiation> {
  const r = await instantiate(id, s, { digits: 20 });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; '));
  return r.value;
}

const close = (x: Dec, y: Dec, tol = 1e-17) => expect(x.sub(y).abs().toNumber(), `${x} vs ${y}`).toBeLessThan(tol);

describe('the group examples against an independent computation', () => {
  it('S_3 on [-1, 1]^3 (permutations.eqb): both bounds, the limit 6^(-1/3), and the power forms tending to 2^(-1/3)', async () => {
    const inst = await run('gain.finite', section6(3, { group: { kind: 'permutations', d: 3 } }));
    const n = 10 ** 6;
    const delta = new D(1).div(100);
    // X: ceil(2/t)^3 at r = t/2; X0 (the sorted cone): K (K + 1) (K + 2)/6 with K = ceil(2/t).
    const h1 = (t: Dec) => entropy(new D(2).div(t).ceil().pow(3), t);
    const hG = (t: Dec) => {
      const K = new D(2).div(t).ceil();
      return entropy(K.mul(K.add(1)).mul(K.add(2)).div(6), t);
    };
    for (const [name, h, alpha] of [
      ['Gamma_1', h1, '1/15'],
      ['Gamma_G', hG, '2/51'],
    ] as const) {
      expect(findValue(inst, `alpha*(${name})`)!.exact!.toString()).toBe(alpha);
      const a = cutoff(h, n);
      close(a, new D(alpha.split('/')[0]!).div(alpha.split('/')[1]!), 1e-25);
      const g = gamma(a, piecewise(h, a, new D(1), jumps(new D(2), a, new D(1))), n, delta);
      close(num(inst, name), g);
    }
    close(num(inst, 'lim Gamma_G/Gamma_1'), new D(6).pow(new D(-1).div(3)));
    // The sorted cone's envelope is A = (d + 1)(a/2)^d = 4 against A = a^d = 8 for the cube: ratio 1/2, not 1/6.
    close(num(inst, 'lim power-form ratio'), new D(2).pow(new D(-1).div(3)));
    expect(inst.hypotheses.map((h) => h.name)).not.toContain('power_envelopes');
    expect(inst.notes.join(' ')).toContain('A_G/A_1 = 1/2');
    // Sign flips meet the premise exactly: A_G/A_1 = 1/16.
    const signs = await instantiate('gain.finite', section6(4), { evaluate: false });
    expect(signs.ok && signs.value.hypotheses.find((h) => h.name === 'power_envelopes')).toMatchObject({ how: 'exact', detail: expect.stringContaining('1/16 = 1/|G|') });
  }, 60_000);

  it('SO(2) on the unit disc (so2-disc.eqb): gain.lie is the ratio at n, with the dimensions 2 and 1', async () => {
    const s = section6(2, { n: value(q(10_000)), space: { kind: 'ball', radius: q(1), dim: 2 }, group: { kind: 'SO2' } });
    const inst = await run('gain.lie', s);
    const n = 10_000;
    const delta = new D(1).div(100);
    // X: the volumetric (1 + 2/r)^2 at r = t/2, smooth; X0 = [0, 1]: ceil(1/t).
    const h1 = (t: Dec) => entropy(new D(1).add(new D(4).div(t)).pow(2), t);
    const hG = (t: Dec) => entropy(new D(1).div(t).ceil(), t);
    const a1 = cutoff(h1, n);
    const aG = cutoff(hG, n);
    close(aG, new D(1).div(170), 1e-25);
    const g1 = gamma(a1, gauss(h1, a1, new D(1), 8), n, delta);
    const gG = gamma(aG, piecewise(hG, aG, new D(1), jumps(new D(1), aG, new D(1))), n, delta);
    close(num(inst, 'Gamma_1'), g1, 1e-15);
    close(num(inst, 'Gamma_G'), gG);
    expect(inst.relation).toBe('Gamma_G/Gamma_1 =');
    close(num(inst, 'Gamma_G/Gamma_1'), gG.div(g1), 1e-15);
    expect([findValue(inst, 'd')!.exact!.toString(), findValue(inst, 'd - dim G')!.exact!.toString()]).toEqual(['2', '1']);
    expect(findValue(inst, 'lim Gamma_G/Gamma_1')!.exact!.toString()).toBe('0');
  }, 60_000);

  it('C_6 on the circle and T = {rotation by 2 pi/6} (cyclic-circle.eqb, partial-rotation.eqb): Gamma_G, Gamma_1, Gamma_scale and Gamma_T', async () => {
    const n = 10_000;
    const delta = new D(1).div(20);
    const top = new D(1);
    // S^1: ceil(pi/r) = ceil(2 pi/t); the arc of length 2 pi/6: ceil(pi/(3 t)).
    const c1 = PI.mul(2);
    const cG = PI.div(3);
    const h1 = (t: Dec) => entropy(c1.div(t).ceil(), t);
    const hG = (t: Dec) => entropy(cG.div(t).ceil(), t);
    const a1 = cutoff(h1, n);
    const aG = cutoff(hG, n);
    const g1 = gamma(a1, piecewise(h1, a1, top, jumps(c1, a1, top)), n, delta);
    const gG = gamma(aG, piecewise(hG, aG, top, jumps(cG, aG, top)), n, delta);

    const exact = await run('gain.finite', section6(1, { n: value(q(n)), delta: value(q(1, 20)), space: { kind: 'circle' }, group: { kind: 'cyclic', m: 6 } }));
    close(num(exact, 'Gamma_1'), g1);
    close(num(exact, 'Gamma_G'), gG);
    close(num(exact, 'alpha*(Gamma_1)'), a1, 1e-21); // 20 digits printed
    close(num(exact, 'alpha*(Gamma_G)'), aG, 1e-21);

    // Gamma_scale for C_6 at eps = 3/100 (m_{C_6} = 3 times eps = 1/100): min(h_1(t), h_G(t - eps)) above eps.
    const e = new D(3).div(100);
    const hMin = (t: Dec) => (t.lte(e) ? h1(t) : D.min(h1(t), hG(t.sub(e))));
    const aS = cutoff(hMin, n);
    // Below eps + s0, h_G(t - eps) >= h_1(eps) >= h_1(t): only h_1 matters, and the shifted jumps pile up at eps.
    let s0 = new D(10).pow(-12);
    let s1 = top;
    for (let i = 0; i < 110; i++) {
      const mid = s0.add(s1).div(2);
      if (hG(mid).gte(h1(e))) s0 = mid;
      else s1 = mid;
    }
    const points = [e, e.add(s0), ...jumps(c1, aS, top), ...jumps(cG, e.add(s0), top, e)];
    // Split each piece where h_1 - h_G(. - eps) changes sign.
    const sorted = [aS, ...points.filter((p) => p.gt(aS) && p.lt(top)).sort((x, y) => x.cmp(y)), top];
    const cuts: Dec[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [x, y] = [sorted[i]!, sorted[i + 1]!];
      cuts.push(x);
      if (x.lte(e)) continue;
      const f = (t: Dec) => h1(t).sub(hG(t.sub(e)));
      const inner = (t: Dec) => x.add(y.sub(x).mul(t));
      if (f(inner(new D(1e-30))).isNeg() && f(inner(new D(1).sub(1e-30))).isPos()) {
        let lo = new D(0);
        let hi = new D(1);
        for (let k = 0; k < 110; k++) {
          const mid = lo.add(hi).div(2);
          if (f(inner(mid)).isNeg()) lo = mid;
          else hi = mid;
        }
        cuts.push(inner(lo));
      }
    }
    const gS = gamma(aS, piecewise(hMin, aS, top, cuts.slice(1)), n, delta);
    const base = { space: { kind: 'circle' as const }, n: value(q(n)), delta: value(q(1, 20)), hypothesisClass: { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'approximate' as const }, loss: { kind: 'absolute' as const } };
    const ctx = await buildContext({ ...base, group: { kind: 'cyclic', m: 6 }, eps: value(q(3, 100)) });
    if (!ctx.ok) throw new Error('context');
    const a = await approxGamma(ctx.value, q(3, 100), 20);
    if (!a.ok || !a.value.scale.ok) throw new Error('Gamma_scale not computed');
    const scale = a.value.scale.value.value;
    close(dec(scale.lo.add(scale.hi).div(q(2))), gS, 1e-16);
    expect(gS.gt(gG.add(0.06))).toBe(true); // so the additive branch wins for C_6

    // gen.partial: Gamma_T(1/100) = min over C_1, C_2, C_3, C_6 of Gamma_H(m_H/100), here Gamma_{C_6} + 2 * 3/100.
    const partial = await run('gen.partial', { ...base, group: { kind: 'trivial' }, transformations: { kind: 'cyclic', m: 6, generators: [1] }, eps: value(q(1, 100)) });
    close(num(partial, 'Gamma_T(eps)'), gG.add(new D(6).div(100)));
    close(num(partial, 'Gamma_1'), g1);
    close(num(partial, 'Gamma_T(eps)/Gamma_1'), gG.add(new D(6).div(100)).div(g1), 1e-16);
    expect(findValue(partial, 'Gamma_T(eps)')!.description).toContain('attained at H = C_6');

    // partial.words bounds the error on <T> = C_6 by m_{C_6} eps = floor(6/2) * 1/100 (not by m_{C_1} = 0).
    const words = await run('partial.words', { ...base, group: { kind: 'trivial' }, transformations: { kind: 'cyclic', m: 6, generators: [1] }, eps: value(q(1, 100)) });
    expect([words.relation, words.headline, words.values[0]!.approximation!.exact!.toString()]).toEqual(['ee_{C_6}(f) <=', 'm_H(C_6) eps', '3/100']);
  }, 120_000);
});
