// entropy.lipschitz, entropy.loss and entropy.approx: metric-entropy bounds of the (equivariant,
// approximately equivariant) Lipschitz classes as expressions in the scale t, with values at a scale.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import type { Rational } from '../../expr/rational.js';
import { substitute } from '../../expr/traverse.js';
import type { Expr } from '../../expr/types.js';
import { coveringAt, type Covering } from '../covering.js';
import type { Context } from '../context.js';
import { encloseValue } from '../evaluate-bound.js';
import type { BoundValue } from '../instantiation.js';
import { instantiateExpr, P } from '../parameters.js';
import { notComputedValue, plainValue } from './dudley.js';
import { checkGroupEquivariance } from './approx.js';
import { classHypotheses } from './gen-exact.js';
import type { TheoremBody } from './types.js';

/** H(s) = N(S, s/(2L)) k log(1 + 4M/s): entropy.lipschitz at function scale s. */
export function lipschitzEntropy(c: Covering, s: Expr): Expr {
  return b.mul(coveringAt(c, b.div(s, b.mul(b.TWO, P.L))), P.k, b.log(b.add(b.ONE, b.div(b.mul(b.num(4), P.M), s))));
}

/** The entropy of the loss class at loss scale t: H(t/lambda) (entropy.loss). */
export function lossEntropy(c: Covering, t: Expr = P.t): Expr {
  return lipschitzEntropy(c, b.div(t, P.lambda));
}

/** entropy.approx at function scale s > eps: min(H_1(s), H_G(s - eps)). */
export function approxEntropy(ctx: Context, s: Expr = P.t): Expr {
  return b.min(lipschitzEntropy(ctx.coverX, s), lipschitzEntropy(ctx.coverG, b.sub(s, P.eps)));
}

async function atScale(name: string, e: Expr, ctx: Context, t: Rational | undefined, digits: number): Promise<BoundValue[]> {
  if (t === undefined) return [];
  const v = await encloseValue(instantiateExpr(substitute(e, new Map([['t', b.num(t)]])), ctx.params), ctx.params.env, digits);
  return [v.ok ? plainValue(`${name}(t = ${t})`, `the entropy bound at t = ${t}`, v.value, digits) : notComputedValue(`${name}(t = ${t})`, 'the entropy bound', v)];
}

export async function entropyLipschitz(ctx: Context, scale: Rational | undefined, digits: number): Promise<Result<TheoremBody>> {
  const symbolic = lipschitzEntropy(ctx.coverG, P.t);
  return ok({
    hypotheses: [...ctx.hypotheses.filter((h) => h.name !== 'lipschitz_loss'), ...classHypotheses(ctx, ctx.setting.group.kind === 'trivial' ? '1' : 'G')],
    symbolic,
    relation: 'log N_ext(Lip_G(L, M), t) <=',
    values: await atScale('H_G', symbolic, ctx, scale, digits),
    notes: [`N(X0, r) by ${ctx.coverG.theorem}`],
  });
}

export async function entropyLoss(ctx: Context, scale: Rational | undefined, digits: number): Promise<Result<TheoremBody>> {
  const symbolic = lossEntropy(ctx.coverG);
  return ok({
    hypotheses: [...ctx.hypotheses, ...classHypotheses(ctx, ctx.setting.group.kind === 'trivial' ? '1' : 'G')],
    symbolic,
    relation: 'log N_ext(l o F, t) <=',
    values: await atScale('H_loss', symbolic, ctx, scale, digits),
    notes: ['N_ext(l o F, lambda t) <= N_ext(F, t), applied to entropy.lipschitz'],
  });
}

export async function entropyApprox(ctx: Context, scale: Rational | undefined, digits: number): Promise<Result<TheoremBody>> {
  if (ctx.setting.eps === undefined) return fail(error('EB6015', 'entropy.approx needs the parameter eps (model equivariance error)'));
  const group = checkGroupEquivariance(ctx, 'entropy.approx');
  if (!group.ok) return group;
  const symbolic = approxEntropy(ctx);
  const epsValue = ctx.params.env.get('epsilon');
  let values: BoundValue[] = [];
  if (scale !== undefined) {
    // For t <= eps only H_1 applies.
    const e = epsValue !== undefined && scale.compare(epsValue) <= 0 ? lipschitzEntropy(ctx.coverX, P.t) : symbolic;
    values = await atScale('H_eps', e, ctx, scale, digits);
  }
  return ok({
    hypotheses: [...ctx.hypotheses.filter((h) => h.name !== 'lipschitz_loss'), { name: 'approximate_equivariance', statement: 'ee_G(f) <= eps for every f in the class', how: 'assumed', detail: 'the class Lip_{G,eps}' }],
    symbolic,
    relation: 'log N_ext(Lip_{G,eps}, t) <= (for t > eps; H_1(t) for t <= eps)',
    values,
    notes: ['H_1 with X, H_G with X0 (entropy.lipschitz); Q maps the class into Lip_G within eps (average.project)'],
  });
}
