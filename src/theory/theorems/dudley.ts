// rademacher.dudley, dudley.cutoff and uniform.deviation: the Dudley objective of an entropy envelope
// h(t) at loss scale t, its exact cut-off, and the two-sided deviation bound Gamma = 2 Rad + conf.

import { ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import { Rational } from '../../expr/rational.js';
import { toText } from '../../expr/print/text.js';
import type { Expr } from '../../expr/types.js';
import { coveringAt, type Covering } from '../covering.js';
import { addEnc, approximationOf, atLeast, dudleyCutoff, dudleyObjective, encloseValue, notComputed, point, scaleEnc, type Enc } from '../evaluate-bound.js';
import type { BoundValue } from '../instantiation.js';
import { instantiateExpr, P, type Parameters } from '../parameters.js';

export const T = 't';
export const ALPHA = 'alpha';

/** sqrt(k N(S, t/(2 lambda L)) log(1 + 4 lambda M/t)): entropy.lipschitz + entropy.loss at loss scale t. */
export function dudleyIntegrand(c: Covering, k: Expr = P.k): Expr {
  const N = coveringAt(c, b.div(P.t, b.mul(b.TWO, P.lambda, P.L)));
  return b.sqrt(b.mul(k, N, b.log(b.add(b.ONE, b.div(b.mul(b.num(4), P.lambda, P.M), P.t)))));
}

export const halfB: Expr = b.div(P.B, b.TWO);

/** 4 alpha + (12/sqrt(n)) int_alpha^{B/2} h(t) dt. */
export function dudleyObjectiveExpr(h: Expr): Expr {
  return b.add(b.mul(b.num(4), P.alpha), b.mul(b.div(b.num(12), b.sqrt(P.n)), b.integral(T, P.alpha, halfB, h)));
}

/** inf over alpha in [0, B/2] of the Dudley objective (rademacher.dudley). */
export function rademacherExpr(h: Expr): Expr {
  return b.extremum('inf', ALPHA, b.ZERO, halfB, dudleyObjectiveExpr(h));
}

/** B sqrt(log(2/delta)/(2n)) (uniform.deviation). */
export const confidenceExpr: Expr = b.mul(P.B, b.sqrt(b.div(b.log(b.div(b.TWO, P.delta)), b.mul(b.TWO, P.n))));

/** Gamma = 2 Rad + B sqrt(log(2/delta)/(2n)) (uniform.deviation after rademacher.dudley). */
export function gammaExpr(h: Expr): Expr {
  return b.add(b.mul(b.TWO, rademacherExpr(h)), confidenceExpr);
}

/** The sqrt(n)/3 level of dudley.cutoff. */
export const cutoffLevel: Expr = b.div(b.sqrt(P.n), b.num(3));

export interface GammaValue {
  readonly gamma: Enc;
  readonly rad: Enc;
  readonly integral: Enc;
  readonly confidence: Enc;
  readonly cutoff: { readonly kind: 'jump' | 'root' | 'trivial'; readonly alpha: Rational; readonly alphaStar: Enc; readonly closedForm?: Expr };
}

/**
 * Gamma is a function of the instantiated envelope, the parameter values and the digits only, so bounds
 * that share them (gen.exact then gain.finite, gen.partial's subgroups sharing Gamma_1) compute it once.
 */
const gammaCache = new Map<string, Promise<Result<GammaValue>>>();
const GAMMA_CACHE_ENTRIES = 64;

/** The value of Gamma for the envelope h (in t, parameters symbolic) with every parameter known. */
export function gammaValue(h: Expr, params: Parameters, digits: number): Promise<Result<GammaValue>> {
  const values = [...params.env].sort(([a], [c]) => (a < c ? -1 : 1)).map(([k, v]) => `${k}=${v}`);
  const key = `${toText(instantiateExpr(h, params))}|${values.join(',')}|${digits}`;
  const hit = gammaCache.get(key);
  if (hit) return hit;
  const value = computeGammaValue(h, params, digits);
  if (gammaCache.size >= GAMMA_CACHE_ENTRIES) gammaCache.delete(gammaCache.keys().next().value!);
  gammaCache.set(key, value);
  return value;
}

async function computeGammaValue(h: Expr, params: Parameters, digits: number): Promise<Result<GammaValue>> {
  const env = params.env;
  const hi = instantiateExpr(h, params);
  const B = env.get('B')!;
  const upper = B.div(Rational.TWO);
  const nExpr = instantiateExpr(P.n, params);
  const cut = await dudleyCutoff(hi, T, instantiateExpr(cutoffLevel, params), upper, env, digits);
  if (!cut.ok) return cut;
  const conf = await encloseValue(instantiateExpr(confidenceExpr, params), env, digits);
  if (!conf.ok) return conf;
  let rad: Enc;
  let integral: Enc;
  if (cut.value.kind === 'trivial') {
    rad = point(upper.mul(Rational.of(4)));
    integral = point(Rational.ZERO);
  } else {
    const obj = await dudleyObjective(hi, T, cut.value.alpha, upper, nExpr, env, digits);
    if (!obj.ok) return obj;
    rad = obj.value.value;
    integral = obj.value.integral;
  }
  return ok({ gamma: addEnc(scaleEnc(Rational.TWO, rad), conf.value), rad, integral, confidence: conf.value, cutoff: cut.value });
}

/** A deviation bound's BoundValue with its vacuity flag (>= B is vacuous). */
export function deviationValue(name: string, description: string, x: Enc, B: Rational, digits: number, expr?: Expr): BoundValue {
  const vac = atLeast(x, B);
  return {
    name,
    description: vac === true ? `${description} (vacuous: >= B = ${B})` : description,
    ...(expr ? { expr } : {}),
    approximation: approximationOf(x, digits),
    ...(x.exact ? { exact: x.exact } : {}),
    certified: x.certified,
    ...(vac !== undefined ? { vacuous: vac } : {}),
    method: x.method,
  };
}

export function plainValue(name: string, description: string, x: Enc, digits: number, expr?: Expr): BoundValue {
  return {
    name,
    description,
    ...(expr ? { expr } : {}),
    approximation: approximationOf(x, digits),
    ...(x.exact ? { exact: x.exact } : {}),
    certified: x.certified,
    method: x.method,
  };
}

/** The values reported for a Gamma: Gamma itself, alpha*, the Dudley term, the integral, the confidence term. */
export function gammaValues(prefix: string, g: GammaValue, B: Rational, digits: number): BoundValue[] {
  const a = g.cutoff;
  const closed = a.kind === 'root' && a.closedForm ? "; closed form in the piece's constants, checked inside the certified root bracket" : '';
  const cutoffText =
    a.kind === 'jump' ? 'the cut-off alpha*, a jump point of the ceilings (exact)' : a.kind === 'trivial' ? 'alpha* = B/2: the trivial Dudley bound' : `the cut-off alpha*, a root inside a smooth piece${closed}; the objective is evaluated at the rational ${a.alpha}`;
  return [
    deviationValue(prefix, `${prefix}: the bound on |R - R_n|`, g.gamma, B, digits),
    plainValue(`alpha*(${prefix})`, cutoffText, a.alphaStar, digits, a.kind === 'root' ? a.closedForm : undefined),
    plainValue(`Rad(${prefix})`, 'the Dudley bound on Rad_n at alpha*', g.rad, digits),
    plainValue(`integral(${prefix})`, 'int_{alpha*}^{B/2} h(t) dt', g.integral, digits),
    plainValue('confidence', 'B sqrt(log(2/delta)/(2n))', g.confidence, digits),
  ];
}

/** Placeholder value recording that a number was not computed, with the reason. */
export function notComputedValue(name: string, description: string, why: Result<unknown>): BoundValue {
  return { name, description, notComputed: notComputed(name, why) };
}
