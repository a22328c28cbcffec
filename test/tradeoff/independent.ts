// An independent computation of THEORY §6 bounds in plain decimal.js, written from the formulas and
// sharing no code with src/: Gamma_G, Gamma_1 and Gamma_scale(eps) for the cube [-1, 1]^d under sign flips
// (absolute loss, M = L = 1, so lambda = 1, B = 2), and E(eps) = (eta - eps)_+ + 2 Gamma(eps).
import { Decimal } from 'decimal.js';
import { gaussLegendre } from '../independent/gauss-legendre.js';

export const D = Decimal.clone({ precision: 48 });
type Dec = InstanceType<typeof D>;

const GL = gaussLegendre(D, 40, -46);

function gauss(f: (t: Dec) => Dec, a: Dec, b: Dec): Dec {
  const mid = a.add(b).div(2);
  const half = b.sub(a).div(2);
  let s = new D(0);
  for (let i = 0; i < GL.x.length; i++) s = s.add(GL.w[i]!.mul(f(mid.add(half.mul(GL.x[i]!)))));
  return s.mul(half);
}

export interface Section6 {
  readonly d: number;
  readonly n: bigint;
  readonly delta: Dec;
}

/** sqrt(N log(1 + 4/t)) with N = ceil(c/t)^d: c = 1 for X0 = [0,1]^d, c = 2 for X = [-1,1]^d (scale t/2). */
function envelope(s: Section6, c: number, t: Dec): Dec {
  const K = new D(c).div(t).ceil();
  return K.pow(s.d).mul(D.ln(new D(1).add(new D(4).div(t)))).sqrt();
}

function bisect(pred: (x: Dec) => boolean, lo: Dec, hi: Dec, steps = 150): Dec {
  // pred(lo) false, pred(hi) true; returns a point of the bracket after `steps` halvings.
  for (let i = 0; i < steps; i++) {
    const mid = lo.add(hi).div(2);
    if (pred(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Gamma for the scale-by-scale envelope with shift e = lambda eps (e = 0 and which = 'G': Gamma_G; which = '1': Gamma_1). */
export function gamma(s: Section6, which: 'G' | '1' | 'scale', eps: Dec = new D(0)): Dec {
  const e = eps;
  const h = (t: Dec): Dec => {
    if (which === '1') return envelope(s, 2, t);
    if (which === 'G') return envelope(s, 1, t);
    const h1 = envelope(s, 2, t);
    if (t.lte(e)) return h1;
    return D.min(h1, envelope(s, 1, t.sub(e)));
  };
  const level = new D(s.n.toString()).sqrt().div(3);
  const top = new D(1);
  const conf = new D(2).mul(D.ln(new D(2).div(s.delta)).div(new D(2).mul(s.n.toString())).sqrt());
  const c = new D(12).div(new D(s.n.toString()).sqrt());
  // alpha* = inf { alpha in (0, 1] : h(alpha) <= level }: bisection on the monotone predicate.
  if (h(top.sub(new D(10).pow(-50))).gt(level)) return new D(8).add(conf); // trivial: alpha* = B/2, Rad <= 4 (B/2) = 4
  const alpha = bisect((x) => h(x).lte(level), new D(10).pow(-30), top);
  // Breakpoints of h on (alpha, 1): jumps of ceil(2/t), of ceil(1/(t - e)), e itself, and crossings.
  const cuts: Dec[] = [alpha, top];
  // Jumps of the shifted h_G accumulate at e; below e + 1/K the shifted h_G exceeds h_1(alpha) >= h_1 once
  // K^d log(1 + 4K) > h_1(alpha)^2, so the minimum is h_1 there and those jumps do not matter.
  const h1Top = which === 'scale' ? envelope(s, 2, alpha) : new D(0);
  let below = e;
  const addJumps = (cst: number, shift: Dec) => {
    for (let K = 1; ; K++) {
      const p = new D(cst).div(K).add(shift);
      if (p.lte(alpha)) break;
      if (which === 'scale' && cst === 1 && new D(K).pow(s.d).mul(D.ln(new D(1).add(4 * K))).sqrt().gt(h1Top)) {
        below = p;
        break;
      }
      if (p.lt(top)) cuts.push(p);
    }
  };
  if (which !== 'G') addJumps(2, new D(0));
  if (which !== '1') addJumps(1, which === 'scale' ? e : new D(0));
  if (which === 'scale' && below.gt(alpha) && below.lt(top)) cuts.push(below);
  if (which === 'scale' && e.gt(alpha) && e.lt(top)) cuts.push(e);
  cuts.sort((a, b) => a.cmp(b));
  const pieces: [Dec, Dec][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1]!.gt(cuts[i]!)) pieces.push([cuts[i]!, cuts[i + 1]!]);
  let integral = new D(0);
  for (const [a, b] of pieces) {
    if (which !== 'scale' || b.lte(below)) {
      integral = integral.add(gauss(which === 'scale' ? (t) => envelope(s, 2, t) : h, a, b));
      continue;
    }
    // On a jump-free piece above e, h is h1 or the shifted hG; split where they cross.
    const eps0 = b.sub(a).div(new D(10).pow(40));
    const K1 = new D(2).div(a.add(b).div(2)).ceil();
    const KG = new D(1).div(a.add(b).div(2).sub(e)).ceil();
    const f1 = (t: Dec) => K1.pow(s.d).mul(D.ln(new D(1).add(new D(4).div(t)))).sqrt();
    const fG = (t: Dec) => KG.pow(s.d).mul(D.ln(new D(1).add(new D(4).div(t.sub(e))))).sqrt();
    const diff = (t: Dec) => f1(t).sub(fG(t));
    const dl = diff(a.add(eps0));
    const dh = diff(b.sub(eps0));
    if (dl.isNeg() === dh.isNeg()) integral = integral.add(gauss(dl.isNeg() ? f1 : fG, a, b));
    else {
      // h is continuous at the crossing, so an error in x costs only its square.
      const x = bisect((t) => diff(t).isNeg() === dh.isNeg(), a, b, 90);
      integral = integral.add(gauss(dl.isNeg() ? f1 : fG, a, x)).add(gauss(dh.isNeg() ? f1 : fG, x, b));
    }
  }
  return new D(2).mul(alpha.mul(4).add(c.mul(integral))).add(conf);
}

/** E(eps) = (eta - eps)_+ + 2 min(Gamma_scale(eps), Gamma_G + 2 eps, Gamma_1). */
export function excess(s: Section6, eta: Dec, eps: Dec, gG: Dec, g1: Dec): Dec {
  const scale = eps.isZero() ? gG : gamma(s, 'scale', eps);
  const g = D.min(scale, gG.add(eps.mul(2)), g1);
  return D.max(eta.sub(eps), 0).add(g.mul(2));
}

/** E on the grid eps = 2 eta i/cells, i = 0..cells, and the index of its least value (straight code). */
export function scanExcess(s: Section6, eta: Dec, gG: Dec, g1: Dec, cells: number): { values: Dec[]; least: number } {
  const values = Array.from({ length: cells + 1 }, (_, i) => excess(s, eta, eta.mul(2 * i).div(cells), gG, g1));
  return { values, least: values.reduce((m, v, i) => (v.lt(values[m]!) ? i : m), 0) };
}
