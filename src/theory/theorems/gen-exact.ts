// gen.exact (and the chain it instantiates: rademacher.dudley, dudley.cutoff, uniform.deviation):
// Gamma_G with exact covering numbers of X0, its cut-off alpha*, and Gamma_1 with X0 = X.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import { hull, needsPiBounds, withPiBounds } from '../pi-bounds.js';
import { allKnown, missingValues, type Context } from '../context.js';
import type { Covering } from '../covering.js';
import type { BoundValue, CheckedHypothesis } from '../instantiation.js';
import type { TheoremBody } from './types.js';
import { dudleyIntegrand, gammaExpr, gammaValue, gammaValues, notComputedValue, rademacherExpr, confidenceExpr, type GammaValue } from './dudley.js';

export function classHypotheses(ctx: Context, which: 'G' | '1'): CheckedHypothesis[] {
  const c = ctx.setting.hypothesisClass;
  return [
    { name: 'lipschitz_class', statement: 'the class is L-Lipschitz into B^k_M', how: 'assumed', detail: `k = ${c.k}` },
    ...(which === 'G' ? [{ name: 'exact_equivariance', statement: 'f(g x) = rho(g) f(x) for all f in the class', how: 'assumed' as const, detail: `G = ${ctx.action.name}` }] : []),
  ];
}

/** The value of Gamma for covering c, or a reason it was not computed. */
export async function computeGamma(c: Covering, ctx: Context, digits: number, label: string): Promise<Result<GammaValue>> {
  const h = dudleyIntegrand(c);
  const known = allKnown(ctx, gammaExpr(h));
  if (!known.ok) return fail(missingValues(label, known.missing));
  if (!needsPiBounds(ctx)) return gammaValue(h, ctx.params, digits);
  // Jumps at multiples of pi: enclose by the values at rational bounds of pi (monotone in pi).
  const both = await withPiBounds(ctx, digits, (c2) => gammaValue(dudleyIntegrand(c === ctx.coverG ? c2.coverG : c2.coverX), ctx.params, digits));
  if (!both.ok) return both;
  const { lo, hi } = both.value;
  const note = 'enclosed between the values with pi replaced by rational bounds (the bound is non-decreasing in pi)';
  return ok({
    gamma: hull(lo.gamma, hi.gamma, `${lo.gamma.method}; ${note}`),
    rad: hull(lo.rad, hi.rad),
    integral: hull(lo.integral, hi.integral),
    confidence: lo.confidence,
    cutoff: { kind: lo.cutoff.kind === hi.cutoff.kind ? lo.cutoff.kind : 'root', alpha: hi.cutoff.alpha, alphaStar: hull(lo.cutoff.alphaStar, hi.cutoff.alphaStar, `between the cut-offs at the rational bounds of pi`) },
  });
}

export async function genExact(ctx: Context, digits: number, evaluateValues: boolean): Promise<Result<TheoremBody>> {
  if (ctx.setting.hypothesisClass.equivariance === 'approximate')
    return fail(error('EB6023', `gen.exact is stated for Lip_G; the class is only approximately equivariant: missing hypothesis "exact_equivariance" (use ${ctx.setting.transformations ? 'gen.partial' : 'gen.approx'})`));
  const trivial = ctx.setting.group.kind === 'trivial';
  const h = dudleyIntegrand(ctx.coverG);
  const symbolic = gammaExpr(h);
  const values: BoundValue[] = [];
  const name = trivial ? 'Gamma_1' : 'Gamma_G';
  if (evaluateValues) {
    const g = await computeGamma(ctx.coverG, ctx, digits, name);
    if (g.ok) values.push(...gammaValues(name, g.value, ctx.params.env.get('B')!, digits));
    else values.push(notComputedValue(name, 'the bound on |R - R_n|', g));
  }
  return ok({
    hypotheses: [...ctx.hypotheses, ...classHypotheses(ctx, 'G')],
    symbolic,
    relation: '|R(f) - R_n(f)| <=',
    values,
    notes: [
      `N(X0, r) by ${ctx.coverG.theorem}: ${ctx.coverG.statement}`,
      'the cut-off alpha* is found by dudley.cutoff (monotone search over the ceiling jumps), never by minimisation',
    ],
  });
}

/** rademacher.dudley for the loss class of the setting's class: the bound on Rad_n(l o F). */
export async function rademacherDudley(ctx: Context, digits: number, evaluateValues: boolean): Promise<Result<TheoremBody>> {
  const h = dudleyIntegrand(ctx.coverG);
  const values: BoundValue[] = [];
  if (evaluateValues) {
    const name = ctx.setting.group.kind === 'trivial' ? 'Gamma_1' : 'Gamma_G';
    const g = await computeGamma(ctx.coverG, ctx, digits, 'Rad');
    if (g.ok) values.push(...gammaValues(name, g.value, ctx.params.env.get('B')!, digits).filter((v) => v.name !== name && v.name !== 'confidence'));
    else values.push(notComputedValue('Rad', 'the Dudley bound', g));
  }
  return ok({ hypotheses: [...ctx.hypotheses, ...classHypotheses(ctx, 'G')], symbolic: rademacherExpr(h), relation: 'Rad_n(l o F) <=', values, notes: ['h(t) = sqrt(log N_ext(l o F, t)) by entropy.lipschitz and entropy.loss'] });
}

/** uniform.deviation: 2 Rad_n(l o F) + B sqrt(log(2/delta)/(2n)), with the Dudley bound for Rad. */
export async function uniformDeviation(ctx: Context, digits: number, evaluateValues: boolean): Promise<Result<TheoremBody>> {
  const r = await genExact(ctx, digits, evaluateValues);
  if (!r.ok) return r;
  return ok({ ...r.value, notes: [...r.value.notes, `the confidence term is ${'B sqrt(log(2/delta)/(2n))'} (McDiarmid, two-sided)`] });
}

export { confidenceExpr };
