// gain.finite and gain.lie: Gamma_G/Gamma_1 at n (exact ceilings and power forms, computed, never
// assumed), its limit as n -> infinity from the coverings' leading constants, and the Lie rates.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import { Rational } from '../../expr/rational.js';
import type { Expr } from '../../expr/types.js';
import type { Context } from '../context.js';
import { divEnc, encloseValue, point, type Enc } from '../evaluate-bound.js';
import type { BoundValue, CheckedHypothesis } from '../instantiation.js';
import { instantiateExpr } from '../parameters.js';
import { deviationValue, dudleyIntegrand, gammaExpr, notComputedValue, plainValue } from './dudley.js';
import { computeGamma } from './gen-exact.js';
import { powerForms } from './gen-exact-power.js';
import type { TheoremBody } from './types.js';

function ratio(name: string, description: string, x: Enc, y: Enc, digits: number): BoundValue {
  const r = divEnc(x, y);
  return r ? plainValue(name, description, r, digits) : { name, description, notComputed: error('EB6026', `${name} was not computed: the denominator is not enclosed away from 0`) };
}

/** lim_{n -> infinity} Gamma_G/Gamma_1 from the asymptotics of the two coverings (THEORY gain.finite). */
async function limitValue(ctx: Context, digits: number): Promise<{ value: BoundValue; note: string }> {
  const dG = ctx.coverG.dimension;
  const d1 = ctx.coverX.dimension;
  const name = 'lim Gamma_G/Gamma_1';
  if (dG === undefined || d1 === undefined) return { value: { name, description: 'the limit ratio', notComputed: error('EB6026', `${name} was not computed: a covering dimension is unknown`) }, note: '' };
  if (dG.lt(d1) && d1.compare(Rational.TWO) >= 0)
    return { value: plainValue(name, `0: the fundamental domain has dimension ${dG} < ${d1}, so Gamma_G decays at a faster rate`, point(Rational.ZERO), digits), note: 'rates differ' };
  if (dG.equals(d1) && d1.compare(Rational.TWO) >= 0 && ctx.coverG.leading && ctx.coverX.leading) {
    // Gamma ~ const * (leading)^(1/d) n^(-1/d) (log)^(...) with the same logarithms for both classes.
    const e: Expr = b.pow(b.div(ctx.coverG.leading, ctx.coverX.leading), b.num(d1.inverse()));
    const v = await encloseValue(instantiateExpr(e, ctx.params), ctx.params.env, digits);
    if (!v.ok) return { value: notComputedValue(name, 'the limit ratio', v), note: '' };
    const order = ctx.action.order;
    let note = d1.equals(Rational.TWO) ? 'd = 2: the limit is approached only logarithmically' : `d = ${d1} > 2`;
    if (order !== undefined) {
      const gain = b.pow(b.num(Rational.of(order)), b.num(d1.inverse().neg()));
      const eq = b.sub(e, gain);
      const diff = instantiateExpr(eq, ctx.params);
      note += diff.kind === 'num' && diff.value.isZero() ? `; equals |G|^(-1/d) = ${order}^(-1/${d1})` : `; differs from |G|^(-1/d) (the fundamental domain's covering is not 1/|G| of that of X asymptotically)`;
    }
    return { value: plainValue(name, `(lim_{r -> 0} N(X0, r)/N(X, r))^(1/d): ${note}`, v.value, digits, e), note };
  }
  if (d1.lt(Rational.TWO))
    return {
      value: { name, description: 'the limit ratio', notComputed: error('EB6026', `${name} was not computed: for covering dimension d = ${d1} < 2 it is (24 I_G + c)/(24 I_1 + c) with I = int_0^{B/2} h, an improper integral over infinitely many ceiling jumps`) },
      note: 'd < 2: alpha* -> 0 and the limit is a ratio of constants, not 1/|G|',
    };
  return { value: { name, description: 'the limit ratio', notComputed: error('EB6026', `${name} was not computed: dimensions ${dG} and ${d1} are not covered by gain.finite`) }, note: '' };
}

async function gainValues(ctx: Context, digits: number): Promise<BoundValue[]> {
  const out: BoundValue[] = [];
  const B = ctx.params.env.get('B');
  const gG = await computeGamma(ctx.coverG, ctx, digits, 'Gamma_G');
  const g1 = await computeGamma(ctx.coverX, ctx, digits, 'Gamma_1');
  if (gG.ok && g1.ok && B) {
    out.push(deviationValue('Gamma_G', 'exact ceilings (gen.exact)', gG.value.gamma, B, digits), deviationValue('Gamma_1', 'exact ceilings, unconstrained', g1.value.gamma, B, digits));
    out.push(plainValue('alpha*(Gamma_G)', 'cut-off for X0', gG.value.cutoff.alphaStar, digits), plainValue('alpha*(Gamma_1)', 'cut-off for X', g1.value.cutoff.alphaStar, digits));
    out.push(ratio('Gamma_G/Gamma_1', 'the ratio at n (exact ceilings)', gG.value.gamma, g1.value.gamma, digits));
  } else out.push(notComputedValue('Gamma_G/Gamma_1', 'the ratio at n', gG.ok ? g1 : gG));
  // The power forms, when both envelopes exist with d > 2.
  const eG = ctx.coverG.envelope;
  const e1 = ctx.coverX.envelope;
  if (eG && e1 && eG.d.compare(Rational.TWO) > 0 && e1.d.compare(Rational.TWO) > 0 && B) {
    const pG = await powerForms(eG, ctx, digits);
    const p1 = await powerForms(e1, ctx, digits);
    if (pG.ok && p1.ok) {
      out.push(
        deviationValue('Gamma_G power form', 'min P for X0', pG.value.powerMin, B, digits),
        deviationValue('Gamma_1 power form', 'min P for X', p1.value.powerMin, B, digits),
        ratio('power-form ratio', 'min P_G/min P_1 at n', pG.value.powerMin, p1.value.powerMin, digits),
        deviationValue('Gamma_G closed form', 'the closed power form for X0', pG.value.closed, B, digits),
        deviationValue('Gamma_1 closed form', 'the closed power form for X', p1.value.closed, B, digits),
        ratio('closed-form ratio', 'ratio of the closed forms at n', pG.value.closed, p1.value.closed, digits),
      );
    } else out.push(notComputedValue('power-form ratio', 'the ratio of the power forms', pG.ok ? p1 : pG));
  }
  return out;
}

/**
 * gain.finite's premise A_G = A_1/|G| on the power envelopes of X0 and X, decided exactly. It fails for
 * S_d on a cube: cover.simplex needs A = (d + 1)(a/2)^d, so A_G/A_1 = (d + 1)/2^d, not 1/d!. Then the
 * power forms tend to the ratio (A_G/A_1)^(1/d) (their constants), while the exact-ceiling ratio still
 * tends to (lim N(X0, r)/N(X, r))^(1/d) = |G|^(-1/d) (limitValue).
 */
function envelopePremise(ctx: Context, order: bigint): { holds: boolean | undefined; detail: string; limit?: Expr } {
  const eG = ctx.coverG.envelope;
  const e1 = ctx.coverX.envelope;
  if (!eG || !e1 || !eG.d.equals(e1.d)) return { holds: undefined, detail: 'no power envelopes of equal dimension for X0 and X: the premise is not used' };
  const ratio = instantiateExpr(b.div(eG.A, e1.A), ctx.params);
  const diff = instantiateExpr(b.sub(ratio, b.num(Rational.of(1n, order))), ctx.params);
  if (diff.kind !== 'num') return { holds: undefined, detail: 'A_G/A_1 depends on free parameters: assumed' };
  const shown = ratio.kind === 'num' ? String(ratio.value) : 'an irrational number';
  if (diff.value.isZero()) return { holds: true, detail: `A_G/A_1 = ${shown} = 1/|G| (${ctx.coverG.theorem} and ${ctx.coverX.theorem} envelopes)` };
  const limit = eG.d.compare(Rational.TWO) > 0 ? b.pow(ratio, b.num(eG.d.inverse())) : undefined;
  return {
    holds: false,
    detail: `the premise A_G = A_1/|G| of the power forms fails: A_G/A_1 = ${shown} for the ${ctx.coverG.theorem} and ${ctx.coverX.theorem} envelopes, not 1/|G| = 1/${order}; the power-form ratio tends to (A_G/A_1)^(1/d), and only the exact-ceiling ratio tends to the limit below`,
    ...(limit ? { limit } : {}),
  };
}

export async function gainFinite(ctx: Context, digits: number, evaluateValues: boolean): Promise<Result<TheoremBody>> {
  const order = ctx.action.order;
  if (order === undefined || ctx.action.dimension > 0) return fail(error('EB6018', `gain.finite needs a finite group, and ${ctx.action.name} is a Lie group of dimension ${ctx.action.dimension}: missing hypothesis "finite_group" (use gain.lie)`));
  const symbolic = b.div(gammaExpr(dudleyIntegrand(ctx.coverG)), gammaExpr(dudleyIntegrand(ctx.coverX)));
  const premise = envelopePremise(ctx, order);
  const hyps: CheckedHypothesis[] = [
    ...ctx.hypotheses,
    { name: 'finite_group', statement: 'G is finite and acts by isometries', how: 'catalog', detail: `|G| = ${order}` },
    ...(premise.holds === false ? [] : [{ name: 'power_envelopes', statement: 'A_G = A_1/|G| for the limit |G|^(-1/d) of the power forms', how: premise.holds ? ('exact' as const) : ('assumed' as const), detail: premise.detail }]),
  ];
  const values: BoundValue[] = [];
  const notes: string[] = premise.holds === false ? [premise.detail] : [];
  if (evaluateValues) {
    values.push(...(await gainValues(ctx, digits)));
    const lim = await limitValue(ctx, digits);
    values.push(lim.value);
    if (lim.note) notes.push(lim.note);
    if (premise.holds === false && premise.limit) {
      const v = await encloseValue(premise.limit, ctx.params.env, digits);
      values.push(v.ok ? plainValue('lim power-form ratio', '(A_G/A_1)^(1/d): the limit of the power-form and closed-form ratios, which is not |G|^(-1/d) because A_G != A_1/|G|', v.value, digits, premise.limit) : notComputedValue('lim power-form ratio', 'the limit of the power-form ratios', v));
    }
  }
  return ok({ hypotheses: hyps, symbolic, relation: 'Gamma_G/Gamma_1 =', values, notes });
}

export async function gainLie(ctx: Context, digits: number, evaluateValues: boolean): Promise<Result<TheoremBody>> {
  const dimG = ctx.action.dimension;
  if (dimG <= 0) return fail(error('EB6019', `gain.lie needs a compact Lie group of positive dimension, and ${ctx.action.name} is finite: missing hypothesis "lie_group" (use gain.finite)`));
  const d1 = ctx.coverX.dimension;
  if (d1 === undefined) return fail(error('EB6017', 'gain.lie needs the covering dimension of X'));
  const dG = d1.sub(Rational.of(dimG));
  // The bound is the ratio at n, as in gain.finite; the theorem's content, the rates, is in the dimensions.
  const rate = (d: Rational): string => (d.compare(Rational.TWO) > 0 ? `n^(-1/${d}) up to a logarithm` : d.equals(Rational.TWO) ? 'n^(-1/2) log(n)^(3/2)' : 'n^(-1/2)');
  const symbolic = b.div(gammaExpr(dudleyIntegrand(ctx.coverG)), gammaExpr(dudleyIntegrand(ctx.coverX)));
  const values: BoundValue[] = [];
  const notes = [`rate of Gamma_1: ${rate(d1)} (d = ${d1}); rate of Gamma_G: ${rate(dG)} (d - dim G = ${dG})`];
  if (ctx.coverG.dimension !== undefined && !ctx.coverG.dimension.equals(dG)) notes.push(`the fundamental domain's covering dimension is ${ctx.coverG.dimension}, not d - dim G = ${dG}`);
  if (evaluateValues) values.push(...(await gainValues(ctx, digits)));
  values.push(plainValue('d', `the covering dimension of X: Gamma_1 decays like ${rate(d1)}`, point(d1), digits), plainValue('d - dim G', `the covering dimension of X0: Gamma_G decays like ${rate(dG)}`, point(dG), digits));
  if (evaluateValues) values.push((await limitValue(ctx, digits)).value);
  return ok({
    hypotheses: [...ctx.hypotheses, { name: 'lie_group', statement: 'G is a compact Lie group acting with finite stabilisers off a null set', how: 'catalog', detail: `dim G = ${dimG}` }],
    symbolic,
    relation: 'Gamma_G/Gamma_1 =',
    values,
    notes,
  });
}
