// §3–4 for approximately equivariant classes: average.project, gen.approx (with .additive and .shift),
// approx.lower, approx.upper and approx.l2. Gamma(eps) = min(Gamma_scale, Gamma_G + 2 lambda eps, Gamma_1).

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import { Rational } from '../../expr/rational.js';
import { substitute } from '../../expr/traverse.js';
import type { Expr } from '../../expr/types.js';
import { allKnown, missingValues, type Context } from '../context.js';
import type { Covering } from '../covering.js';
import { addEnc, dudleyCutoff, encloseValue, integralOfMin, integralValue, minEnc, mulEnc, point, scaleEnc, valueAt, type Enc } from '../evaluate-bound.js';
import type { BoundValue, CheckedHypothesis } from '../instantiation.js';
import { hull, needsPiBounds, withPiBounds } from '../pi-bounds.js';
import { instantiateExpr, P, requireParam } from '../parameters.js';
import { wordLengths } from '../words.js';
import { confidenceExpr, cutoffLevel, deviationValue, dudleyIntegrand, gammaExpr, gammaValue, halfB, notComputedValue, plainValue, T, type GammaValue } from './dudley.js';
import { classHypotheses, computeGamma } from './gen-exact.js';
import type { TheoremBody } from './types.js';

const approxHypothesis: CheckedHypothesis = { name: 'approximate_equivariance', statement: 'ee_G(f) <= eps for every f in the class', how: 'assumed', detail: 'the class Lip_{G,eps}' };

/**
 * The hypothesis ee_G(f) <= eps of §3-5 on the group G. A class eps-equivariant only to a transformation set
 * T (the language maps T to the group it generates) has ee_<T>(f) <= m_<T> eps (partial.words), not eps,
 * unless T with its inverses and the identity is already the group.
 */
export function checkGroupEquivariance(ctx: Context, theorem: string): Result<void> {
  const t = ctx.setting.transformations;
  if (!t || ctx.setting.hypothesisClass.equivariance !== 'approximate' || ctx.setting.group.kind === 'trivial') return ok(undefined);
  const w = wordLengths(t);
  if (w.ok && w.value.isGroup) return ok(undefined);
  return fail(
    error('EB6027', `${theorem} needs ee_G(f) <= eps on the group G = ${ctx.action.name}, but the class is eps-equivariant only on a transformation set T that is not a group: missing hypothesis "approximate_equivariance" (on G the error is up to m_G eps; use gen.partial)`),
  );
}

/**
 * Gamma_scale(eps) for the loss-scale envelopes h_1 and h_G (in t): the Dudley integral of h_1 alone below
 * lambda eps, where H_G(t/lambda - eps) = +infinity (entropy.approx), and of min(h_1(t), h_G(t - lambda eps))
 * above it. The split point max(alpha, min(lambda eps, B/2)) lies in [alpha, B/2] for alpha <= B/2, so both integrals are
 * oriented and h_G is never read at a negative scale.
 */
export function gammaScaleFrom(h1: Expr, hG: Expr): Expr {
  const shift = b.mul(P.lambda, P.eps);
  const hGs = substitute(hG, new Map([['t', b.sub(P.t, shift)]]));
  const split = b.max(P.alpha, b.min(shift, halfB));
  const integral = b.add(b.integral('t', P.alpha, split, h1), b.integral('t', split, halfB, b.min(h1, hGs)));
  const objective = b.add(b.mul(b.num(4), P.alpha), b.mul(b.div(b.num(12), b.sqrt(P.n)), integral));
  return b.add(b.mul(b.TWO, b.extremum('inf', 'alpha', b.ZERO, halfB, objective)), confidenceExpr);
}

/** Gamma_scale(eps) of the setting's coverings (entropy.approx in gen.exact). */
export function gammaScaleExpr(ctx: Context): Expr {
  return gammaScaleFrom(dudleyIntegrand(ctx.coverX), dudleyIntegrand(ctx.coverG));
}

export function gammaApproxExpr(ctx: Context): Expr {
  const gG = gammaExpr(dudleyIntegrand(ctx.coverG));
  const g1 = gammaExpr(dudleyIntegrand(ctx.coverX));
  return b.min(gammaScaleExpr(ctx), b.add(gG, b.mul(b.TWO, P.lambda, P.eps)), g1);
}

const piecewiseConstant = (c: Covering) => c.theorem === 'cover.cube' || c.theorem === 'cover.arc' || c.theorem === 'cover.simplex';

/**
 * h_1(t) - h_G(t - lambda eps) changes sign at most once per jump-free piece when both coverings are
 * piecewise constant, or both power laws with d_G >= d_X: then the ratio of the entropies is
 * (constant or decreasing) times log(1 + c/(t - e))/log(1 + c/t), which is decreasing in t.
 */
function singleCrossing(ctx: Context): boolean {
  const x = ctx.coverX;
  const g = ctx.coverG;
  if (piecewiseConstant(x) && piecewiseConstant(g)) return true;
  return x.theorem === 'cover.power' && g.theorem === 'cover.power' && x.dimension !== undefined && g.dimension !== undefined && g.dimension.compare(x.dimension) >= 0;
}

export interface ApproxGamma {
  readonly gammaG: GammaValue;
  readonly gamma1: GammaValue;
  readonly additive: Enc;
  readonly shift: Enc;
  readonly scale: Result<{ value: Enc; alpha: Rational }>;
  readonly gamma: Enc;
}

/** Gamma_scale(eps) at a known eps, every parameter known. */
async function gammaScale(ctx: Context, eps: Rational, digits: number): Promise<Result<{ value: Enc; alpha: Rational }>> {
  if (!singleCrossing(ctx))
    return fail(error('EB6026', `Gamma_scale was not computed: the minimum of the two entropies is integrated only for piecewise-constant coverings or power laws (here ${ctx.coverX.theorem} and ${ctx.coverG.theorem})`));
  const params = ctx.params;
  const env = params.env;
  const lambda = env.get('lambda')!;
  const upper = env.get('B')!.div(Rational.TWO);
  const shift = lambda.mul(eps);
  const h1 = instantiateExpr(dudleyIntegrand(ctx.coverX), params);
  const hG = instantiateExpr(dudleyIntegrand(ctx.coverG), params);
  const hGs = substitute(hG, new Map([['t', b.sub(P.t, b.num(shift))]]));
  const level = instantiateExpr(cutoffLevel, params);
  const n = instantiateExpr(P.n, params);
  const conf = await encloseValue(instantiateExpr(confidenceExpr, params), env, digits);
  if (!conf.ok) return conf;
  const finish = (rad: Enc, alpha: Rational) => ok({ value: addEnc(scaleEnc(Rational.TWO, rad), conf.value), alpha });
  // alpha* of min(h_1, h_G(. - lambda eps)) is the smaller of the two cut-offs.
  // The cut-off of h_1 is Gamma_1's, computed (and cached) by approxGamma before.
  const g1 = await gammaValue(dudleyIntegrand(ctx.coverX), params, digits);
  if (!g1.ok) return g1;
  const c1 = g1.value.cutoff;
  let alpha = c1.kind === 'trivial' ? upper : c1.alpha;
  if (shift.lt(upper)) {
    const cG = await dudleyCutoff(hG, T, level, upper.sub(shift), env, digits);
    if (!cG.ok) return cG;
    if (cG.value.kind !== 'trivial') alpha = alpha.min(shift.add(cG.value.alpha));
  }
  if (alpha.equals(upper)) return finish(point(upper.mul(Rational.of(4))), alpha);
  // int_alpha^{B/2} of the minimum: below lambda eps only h_1; above, h_1 while h_G(. - lambda eps) exceeds h_1(lambda eps).
  const parts: Enc[] = [];
  let from = alpha;
  if (alpha.lt(shift)) {
    const top = shift.min(upper);
    const p = await integralValue(h1, T, alpha, top, env, digits);
    if (!p.ok) return p;
    parts.push(p.value);
    from = top;
  }
  if (from.lt(upper) && from.equals(shift)) {
    const atShift = instantiateExpr(substitute(h1, new Map([['t', b.num(shift)]])), params);
    const s = await dudleyCutoff(hG, T, atShift, upper.sub(shift), env, digits);
    if (!s.ok) return s;
    const sStar = s.value.kind === 'trivial' ? upper.sub(shift) : s.value.kind === 'jump' ? s.value.alpha : s.value.alphaStar.lo;
    const top = shift.add(sStar);
    const p = await integralValue(h1, T, from, top, env, digits);
    if (!p.ok) return p;
    parts.push(p.value);
    from = top;
  }
  if (from.lt(upper)) {
    // The minimum switches only near the crossing; above it h_G(. - lambda eps) alone is integrated.
    const mid = await dominatedAbove(h1, hGs, shift, from, upper, env, digits);
    if (!mid.ok) return mid;
    if (from.lt(mid.value)) {
      const p = await integralOfMin(h1, hGs, T, from, mid.value, env, digits);
      if (!p.ok) return p;
      parts.push(p.value);
    }
    if (mid.value.lt(upper)) {
      const p = await integralValue(hGs, T, mid.value, upper, env, digits);
      if (!p.ok) return p;
      parts.push(p.value);
    }
  }
  const coeff = await encloseValue(b.div(b.num(12), b.sqrt(n)), env, digits);
  if (!coeff.ok) return coeff;
  const rad = addEnc(point(alpha.mul(Rational.of(4))), mulEnc(coeff.value, addEnc(...parts)));
  return finish(rad, alpha);
}

/**
 * A point mid in [from, upper] with h_G(t - lambda eps) <= h_1(t) on [mid, upper], found downwards from
 * upper in steps [a, c]: both functions are non-increasing, so h_G(a - lambda eps) <= h_1(c), decided by
 * certified enclosures, gives the inequality on all of [a, c].
 */
async function dominatedAbove(h1: Expr, hGs: Expr, shift: Rational, from: Rational, upper: Rational, env: ReadonlyMap<string, Rational>, digits: number): Promise<Result<Rational>> {
  let c = upper;
  while (from.lt(c)) {
    const h1c = await valueAt(h1, T, c, env, digits);
    if (!h1c.ok) return h1c;
    let next: Rational | undefined;
    for (const step of [Rational.HALF, Rational.of(4, 5), Rational.of(19, 20)]) {
      const a = c.mul(step).max(from);
      if (!shift.lt(a)) continue;
      const hGa = await valueAt(hGs, T, a, env, digits);
      if (!hGa.ok) return hGa;
      if (hGa.value.hi.compare(h1c.value.lo) <= 0) {
        next = a;
        break;
      }
    }
    if (next === undefined) break;
    c = next;
  }
  return ok(c);
}

/** Gamma_scale, enclosed through rational bounds of pi when the coverings jump at multiples of pi. */
async function gammaScaleEnclosed(ctx: Context, eps: Rational, digits: number): Promise<Result<{ value: Enc; alpha: Rational }>> {
  if (!needsPiBounds(ctx)) return gammaScale(ctx, eps, digits);
  const both = await withPiBounds(ctx, digits, (c) => gammaScale(c, eps, digits));
  if (!both.ok) return both;
  return ok({ value: hull(both.value.lo.value, both.value.hi.value), alpha: both.value.hi.alpha });
}

/**
 * Gamma(eps) and its three branches for the context's group and a known eps. With `needBelow`, Gamma_scale
 * is computed only when Gamma_G < needBelow: Gamma_scale >= Gamma_G whenever N(X, r) >= N(X0, r) (its
 * integrand min(h_1(t), h_G(t - lambda eps)) is then >= h_G(t)), so a caller that needs only values below
 * needBelow loses nothing.
 */
export async function approxGamma(ctx: Context, eps: Rational, digits: number, needBelow?: Rational): Promise<Result<ApproxGamma>> {
  const group = checkGroupEquivariance(ctx, 'Gamma(eps)');
  if (!group.ok) return group;
  const gG = await computeGamma(ctx.coverG, ctx, digits, 'Gamma_G');
  if (!gG.ok) return gG;
  const g1 = await computeGamma(ctx.coverX, ctx, digits, 'Gamma_1');
  if (!g1.ok) return g1;
  const lambda = ctx.params.env.get('lambda')!;
  const additive = addEnc(gG.value.gamma, point(lambda.mul(eps).mul(Rational.TWO)));
  const shift = addEnc(gG.value.gamma, point(lambda.mul(eps).mul(Rational.of(8))));
  const skip = !eps.isZero() && needBelow !== undefined && gG.value.gamma.lo.compare(needBelow) >= 0;
  const scale = eps.isZero()
    ? ok({ value: gG.value.gamma, alpha: gG.value.cutoff.alpha })
    : skip
      ? fail(error('EB6026', `Gamma_scale was not computed: it is >= Gamma_G >= ${needBelow}, so it cannot improve on the bound it was asked for`))
      : await gammaScaleEnclosed(ctx, eps, digits);
  const branches = [additive, g1.value.gamma, ...(scale.ok ? [scale.value.value] : [])];
  return ok({ gammaG: gG.value, gamma1: g1.value, additive, shift, scale, gamma: minEnc(...branches) });
}

export function approxValues(a: ApproxGamma, B: Rational, digits: number, prefix = ''): BoundValue[] {
  return [
    deviationValue(`${prefix}Gamma(eps)`, a.scale.ok ? 'min(Gamma_scale, Gamma_G + 2 lambda eps, Gamma_1)' : 'min(Gamma_G + 2 lambda eps, Gamma_1): Gamma_scale was not computed', a.gamma, B, digits),
    a.scale.ok ? deviationValue(`${prefix}Gamma_scale(eps)`, 'the scale-by-scale bound (entropy.approx in the Dudley integral)', a.scale.value.value, B, digits) : notComputedValue(`${prefix}Gamma_scale(eps)`, 'the scale-by-scale bound', a.scale),
    deviationValue(`${prefix}Gamma_G + 2 lambda eps`, 'gen.approx.additive', a.additive, B, digits),
    deviationValue(`${prefix}Gamma_1`, 'the unconstrained bound', a.gamma1.gamma, B, digits),
    deviationValue(`${prefix}Gamma_G`, 'the exactly equivariant bound', a.gammaG.gamma, B, digits),
  ];
}

async function epsContext(ctx: Context, theorem: string): Promise<Result<{ eps: Rational | undefined }>> {
  const group = checkGroupEquivariance(ctx, theorem);
  if (!group.ok) return group;
  const p = requireParam(ctx.setting, 'eps', theorem);
  if (!p.ok) return p;
  return ok({ eps: ctx.params.env.get('epsilon') });
}

export async function genApprox(ctx: Context, which: 'gen.approx' | 'gen.approx.additive' | 'gen.approx.shift', digits: number, evaluateValues: boolean): Promise<Result<TheoremBody>> {
  const e = await epsContext(ctx, which);
  if (!e.ok) return e;
  const gG = gammaExpr(dudleyIntegrand(ctx.coverG));
  const symbolic = which === 'gen.approx' ? gammaApproxExpr(ctx) : which === 'gen.approx.additive' ? b.add(gG, b.mul(b.TWO, P.lambda, P.eps)) : b.add(gG, b.mul(b.num(8), P.lambda, P.eps));
  const values: BoundValue[] = [];
  const hyps = [...ctx.hypotheses, ...classHypotheses(ctx, '1'), approxHypothesis];
  const notes: string[] = [];
  if (evaluateValues) {
    const known = allKnown(ctx, symbolic);
    if (!known.ok || e.value.eps === undefined) values.push({ name: 'Gamma(eps)', description: 'the bound', notComputed: missingValues('Gamma(eps)', known.ok ? ['epsilon'] : known.missing) });
    else {
      const a = await approxGamma(ctx, e.value.eps, digits);
      if (!a.ok) values.push(notComputedValue('Gamma(eps)', 'the bound', a));
      else {
        const B = ctx.params.env.get('B')!;
        if (which === 'gen.approx') values.push(...approxValues(a.value, B, digits));
        else if (which === 'gen.approx.additive') values.push(deviationValue('Gamma_G + 2 lambda eps', 'gen.approx.additive', a.value.additive, B, digits));
        else {
          values.push(deviationValue('Gamma_G + 8 lambda eps', 'the shift bound on Gamma_scale', a.value.shift, B, digits));
          if (a.value.scale.ok) {
            values.push(deviationValue('Gamma_scale(eps)', 'the scale-by-scale bound', a.value.scale.value.value, B, digits));
            const holds = a.value.scale.value.value.hi.compare(a.value.shift.lo) <= 0;
            notes.push(holds ? 'checked: Gamma_scale(eps) <= Gamma_G + 8 lambda eps' : 'Gamma_scale(eps) <= Gamma_G + 8 lambda eps not confirmed numerically (a bug: please report)');
          }
        }
      }
    }
  }
  return ok({ hypotheses: hyps, symbolic, relation: '|R(f) - R_n(f)| <=', values, notes });
}

export async function averageProject(ctx: Context): Promise<Result<TheoremBody>> {
  const e = requireParam(ctx.setting, 'eps', 'average.project');
  if (!e.ok) return e;
  const group = checkGroupEquivariance(ctx, 'average.project');
  if (!group.ok) return group;
  const order = ctx.action.order;
  const hyps: CheckedHypothesis[] = [
    { name: 'compact_group', statement: 'G is finite (or compact, with the Haar average) and acts by isometries', how: 'catalog', detail: order !== undefined ? `|G| = ${order}` : `a compact Lie group of dimension ${ctx.action.dimension}` },
    approxHypothesis,
  ];
  const epsValue = ctx.params.env.get('epsilon');
  return ok({
    hypotheses: hyps,
    symbolic: P.eps,
    relation: '||f - Q f||_inf <= ee_G(f) <=',
    values: epsValue !== undefined ? [plainValue('||f - Q f||', 'the distance to the equivariant projection', point(epsValue), 50)] : [],
    notes: ['Q f(x) = (1/|G|) sum_g rho(g)^(-1) f(g x) is G-equivariant, L-Lipschitz and valued in B^k_M'],
  });
}

/**
 * approx.upper's hypothesis L >= L* (the class holds a model between f* and Q f*): refused when both are
 * known and L < L*, checked exactly when both are known, and listed as assumed when L* is not given.
 */
export function lipschitzRoom(ctx: Context, theorem: string): Result<CheckedHypothesis> {
  const L = ctx.params.env.get('L');
  const Ls = ctx.params.env.get('Lstar');
  if (L !== undefined && Ls !== undefined) {
    if (L.lt(Ls)) return fail(error('EB6014', `${theorem} needs L >= L*, but L = ${L} < L* = ${Ls}: missing hypothesis "lipschitz_room"`));
    return ok({ name: 'lipschitz_room', statement: 'L >= L*', how: 'exact', detail: `L = ${L}, L* = ${Ls}` });
  }
  const detail = ctx.setting.Lstar === undefined ? 'L* is not given: the target is assumed to be at most L-Lipschitz' : 'a parameter is free';
  return ok({ name: 'lipschitz_room', statement: 'L >= L*', how: 'assumed', detail });
}

async function targetValues(ctx: Context, theorem: string, needLstar: boolean): Promise<Result<{ eta: Rational | undefined; eps: Rational | undefined; hyps: CheckedHypothesis[] }>> {
  const eta = requireParam(ctx.setting, 'eta', theorem);
  if (!eta.ok) return eta;
  const eps = requireParam(ctx.setting, 'eps', theorem);
  if (!eps.ok) return eps;
  const group = checkGroupEquivariance(ctx, theorem);
  if (!group.ok) return group;
  const hyps: CheckedHypothesis[] = [{ name: 'target', statement: 'f* has data equivariance error eta = ee_G(f*)', how: 'assumed', detail: 'given' }, approxHypothesis];
  if (needLstar) {
    const ls = requireParam(ctx.setting, 'Lstar', theorem);
    if (!ls.ok) return ls;
    const room = lipschitzRoom(ctx, theorem);
    if (!room.ok) return room;
    hyps.push(room.value);
  }
  return ok({ eta: ctx.params.env.get('eta'), eps: ctx.params.env.get('epsilon'), hyps });
}

export async function approxBound(ctx: Context, which: 'approx.lower' | 'approx.upper'): Promise<Result<TheoremBody>> {
  const t = await targetValues(ctx, which, which === 'approx.upper');
  if (!t.ok) return t;
  const gap = b.positivePart(b.sub(P.eta, P.eps));
  const symbolic = which === 'approx.lower' ? b.div(gap, b.TWO) : gap;
  const v = instantiateExpr(symbolic, ctx.params);
  return ok({
    hypotheses: t.value.hyps,
    symbolic,
    relation: which === 'approx.lower' ? 'A(eps) >=' : 'A(eps) <=',
    values: v.kind === 'num' ? [plainValue(which === 'approx.lower' ? 'A(eps) lower' : 'A(eps) upper', which === 'approx.lower' ? '(eta - eps)_+/2' : '(eta - eps)_+', point(v.value), 50)] : [],
    notes: [],
  });
}

export async function approxL2(ctx: Context): Promise<Result<TheoremBody>> {
  if (ctx.setting.loss.kind !== 'squared') return fail(error('EB6024', `approx.l2 is stated for the squared loss, not the ${ctx.setting.loss.kind} loss: missing hypothesis "squared_loss"`));
  if (ctx.setting.invariantInputLaw !== true) return fail(error('EB6025', 'approx.l2 needs a G-invariant input law: missing hypothesis "invariant_law"'));
  const e2 = requireParam(ctx.setting, 'eta2', 'approx.l2');
  if (!e2.ok) return e2;
  const symbolic = b.pow(P.eta2, b.TWO);
  const v = instantiateExpr(symbolic, ctx.params);
  return ok({
    hypotheses: [
      { name: 'invariant_law', statement: 'the input law mu is G-invariant', how: 'assumed', detail: 'declared' },
      { name: 'squared_loss', statement: 'the loss is the squared loss', how: 'catalog', detail: ctx.params.lossNote },
    ],
    symbolic,
    relation: 'min over exactly equivariant f of the approximation error =',
    values: v.kind === 'num' ? [plainValue('eta_2^2', 'the approximation error of the best exactly equivariant model', point(v.value), 50)] : [],
    notes: ['Q is the orthogonal projection of L^2(mu) onto equivariant maps (Pythagoras)'],
  });
}

export { halfB };
