// tradeoff.excess: the excess-risk bound E(eps) = lambda (eta - eps)_+ + 2 Gamma(eps) of ERM over
// Lip_{G,eps}, with Gamma(eps) from gen.approx and the approximation term from approx.upper.

import { ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import { Rational } from '../../expr/rational.js';
import { allKnown, missingValues, type Context } from '../context.js';
import { addEnc, point, scaleEnc } from '../evaluate-bound.js';
import type { BoundValue } from '../instantiation.js';
import { P } from '../parameters.js';
import { approxBound, approxGamma, approxValues, gammaApproxExpr } from './approx.js';
import { notComputedValue, plainValue } from './dudley.js';
import type { TheoremBody } from './types.js';

export function excessExpr(ctx: Context) {
  return b.add(b.mul(P.lambda, b.positivePart(b.sub(P.eta, P.eps))), b.mul(b.TWO, gammaApproxExpr(ctx)));
}

export async function tradeoffExcess(ctx: Context, digits: number, evaluateValues: boolean): Promise<Result<TheoremBody>> {
  const upper = await approxBound(ctx, 'approx.upper');
  if (!upper.ok) return upper;
  const symbolic = excessExpr(ctx);
  const values: BoundValue[] = [];
  if (evaluateValues) {
    const known = allKnown(ctx, symbolic);
    const eps = ctx.params.env.get('epsilon');
    const eta = ctx.params.env.get('eta');
    if (!known.ok || eps === undefined || eta === undefined) values.push({ name: 'E(eps)', description: 'the excess-risk bound', notComputed: missingValues('E(eps)', known.ok ? ['epsilon', 'eta'] : known.missing) });
    else {
      const a = await approxGamma(ctx, eps, digits);
      if (!a.ok) values.push(notComputedValue('E(eps)', 'the excess-risk bound', a));
      else {
        const lambda = ctx.params.env.get('lambda')!;
        const gap = eta.sub(eps).max(Rational.ZERO);
        const approxTerm = point(lambda.mul(gap));
        const E = addEnc(approxTerm, scaleEnc(Rational.TWO, a.value.gamma));
        values.push(plainValue('E(eps)', 'lambda (eta - eps)_+ + 2 Gamma(eps)', E, digits), plainValue('lambda A+(eps)', 'lambda (eta - eps)_+ (approx.upper)', approxTerm, digits), ...approxValues(a.value, ctx.params.env.get('B')!, digits));
      }
    }
  }
  return ok({
    hypotheses: [...ctx.hypotheses, ...upper.value.hypotheses],
    symbolic,
    relation: 'R(f_eps) - R(f*) <=',
    values,
    notes: ['A+(eps) = (eta - eps)_+ by approx.upper; Gamma(eps) by gen.approx'],
  });
}
