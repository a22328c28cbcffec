// Sampled curves of THEORY §5 for plots: E(eps), lambda A+(eps), 2 Gamma(eps) and its three branches over an
// eps range, and bounds against n for several settings. Each sample is the engine's enclosure, kept whole.

import { ok, type Result } from '../../diagnostics/diagnostic.js';
import { Rational } from '../../expr/rational.js';
import { buildContext, type Context } from '../context.js';
import { addEnc, point, scaleEnc, type Enc } from '../evaluate-bound.js';
import { value, type Setting } from '../setting.js';
import { approxGamma } from './approx.js';
import { computeGamma } from './gen-exact.js';

export interface CurvePoint {
  readonly x: Rational;
  /** The enclosure of the plotted value; renderers draw its midpoint. */
  readonly y: Enc;
}

export interface Curve {
  readonly label: string;
  /** A TeX form of the label for pgfplots. */
  readonly tex: string;
  readonly points: readonly CurvePoint[];
  readonly dashed?: boolean;
}

export interface PlotData {
  readonly title: string;
  readonly xLabel: string;
  readonly xTex: string;
  readonly yLabel: string;
  readonly yTex: string;
  readonly xScale: 'linear' | 'log';
  readonly curves: readonly Curve[];
  /** How the samples were obtained, for a comment in the output. */
  readonly provenance: string;
}

/** points equally spaced samples of [from, to] (exact rationals). */
export function samplePoints(from: Rational, to: Rational, points: number): Rational[] {
  const k = Math.max(2, points);
  return Array.from({ length: k }, (_, i) => from.add(to.sub(from).mul(Rational.of(i, k - 1))));
}

const mid = (e: Enc): Rational => e.exact ?? e.lo.add(e.hi).div(Rational.TWO);
export const midpoint = mid;

/** E(eps) and its parts at each eps of the grid (eta from the setting, every other parameter known). */
export async function excessCurves(ctx: Context, eta: Rational, grid: readonly Rational[], digits = 20): Promise<Result<PlotData>> {
  const lambda = ctx.params.env.get('lambda')!;
  const E: CurvePoint[] = [];
  const A: CurvePoint[] = [];
  const G: CurvePoint[] = [];
  const scale: CurvePoint[] = [];
  const additive: CurvePoint[] = [];
  const one: CurvePoint[] = [];
  let method = '';
  for (const eps of grid) {
    const a = await approxGamma(ctx, eps, digits);
    if (!a.ok) return a;
    const approx = point(lambda.mul(eta.sub(eps).max(Rational.ZERO)));
    const twoGamma = scaleEnc(Rational.TWO, a.value.gamma);
    E.push({ x: eps, y: addEnc(approx, twoGamma) });
    A.push({ x: eps, y: approx });
    G.push({ x: eps, y: twoGamma });
    if (a.value.scale.ok) scale.push({ x: eps, y: scaleEnc(Rational.TWO, a.value.scale.value.value) });
    additive.push({ x: eps, y: scaleEnc(Rational.TWO, a.value.additive) });
    one.push({ x: eps, y: scaleEnc(Rational.TWO, a.value.gamma1.gamma) });
    method = a.value.gamma.method;
  }
  return ok({
    title: `Excess-risk bound E(eps), eta = ${eta}, n = ${ctx.params.env.get('n') ?? 'n'}`,
    xLabel: 'model equivariance error eps',
    xTex: 'model equivariance error $\\varepsilon$',
    yLabel: 'bound',
    yTex: 'bound',
    xScale: 'linear',
    curves: [
      { label: 'E(eps) = lambda A+(eps) + 2 Gamma(eps)', tex: '$E(\\varepsilon)$', points: E },
      { label: 'lambda A+(eps) = lambda (eta - eps)+', tex: '$\\lambda A^+(\\varepsilon)$', points: A },
      { label: '2 Gamma(eps)', tex: '$2\\Gamma(\\varepsilon)$', points: G },
      ...(scale.length === grid.length ? [{ label: '2 Gamma_scale(eps)', tex: '$2\\Gamma_{\\mathrm{scale}}(\\varepsilon)$', points: scale, dashed: true }] : []),
      { label: '2 (Gamma_G + 2 lambda eps)', tex: '$2(\\Gamma_G + 2\\lambda\\varepsilon)$', points: additive, dashed: true },
      { label: '2 Gamma_1', tex: '$2\\Gamma_1$', points: one, dashed: true },
    ],
    provenance: `sampled at ${grid.length} exact rational eps; each y is the midpoint of the engine's enclosure at ${digits} digits (${method}); quadrature enclosures are error estimates, far finer than the plot's resolution`,
  });
}

/** n = from * ratio^i, i = 0..points-1, for a log axis. */
export function geometricSizes(from: bigint, to: bigint, points: number): bigint[] {
  const k = Math.max(2, points);
  const out = new Set<bigint>();
  const lf = Math.log10(Number(from));
  const lt = Math.log10(Number(to));
  for (let i = 0; i < k; i++) {
    const exp = lf + ((lt - lf) * i) / (k - 1);
    out.add(i === 0 ? from : i === k - 1 ? to : BigInt(Math.round(10 ** exp)));
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Gamma_G,n (exact ceilings) against n for several settings (one curve each), plus Gamma_1 of the first. */
export async function boundVersusN(settings: readonly { readonly label: string; readonly tex: string; readonly setting: Setting }[], sizes: readonly bigint[], digits = 20): Promise<Result<PlotData>> {
  const curves: Curve[] = [];
  for (const [i, s] of settings.entries()) {
    const pts: CurvePoint[] = [];
    const unconstrained: CurvePoint[] = [];
    for (const n of sizes) {
      const ctx = await buildContext({ ...s.setting, n: value(Rational.of(n)) });
      if (!ctx.ok) return ctx;
      const g = await computeGamma(ctx.value.coverG, ctx.value, digits, 'Gamma_G');
      if (!g.ok) return g;
      pts.push({ x: Rational.of(n), y: g.value.gamma });
      if (i === 0) {
        const g1 = await computeGamma(ctx.value.coverX, ctx.value, digits, 'Gamma_1');
        if (!g1.ok) return g1;
        unconstrained.push({ x: Rational.of(n), y: g1.value.gamma });
      }
    }
    curves.push({ label: s.label, tex: s.tex, points: pts });
    if (i === 0) curves.push({ label: 'no symmetry (Gamma_1)', tex: 'no symmetry ($\\Gamma_1$)', points: unconstrained, dashed: true });
  }
  return ok({
    title: 'Generalization bound against the sample size',
    xLabel: 'sample size n',
    xTex: 'sample size $n$',
    yLabel: 'Gamma',
    yTex: '$\\Gamma$',
    xScale: 'log',
    curves,
    provenance: `Gamma with exact ceiling covering numbers (gen.exact, cut-off by dudley.cutoff) at ${sizes.length} sample sizes; each y is the midpoint of the engine's enclosure at ${digits} digits`,
  });
}
