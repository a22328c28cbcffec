// cover.*: the covering number of X0 (or X) from the catalog as an expression in r, its validity
// range, and its value at a given scale r; cover.power from an envelope with its scale hypothesis.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import type { Rational } from '../../expr/rational.js';
import { substitute } from '../../expr/traverse.js';
import type { Expr } from '../../expr/types.js';
import { checkCoarsestScale, type Context } from '../context.js';
import type { Covering, CoveringTheorem } from '../covering.js';
import { encloseValue } from '../evaluate-bound.js';
import { spaceName } from '../groups.js';
import type { BoundValue, CheckedHypothesis } from '../instantiation.js';
import { instantiateExpr } from '../parameters.js';
import { notComputedValue, plainValue } from './dudley.js';
import type { TheoremBody } from './types.js';

async function valueAtScale(expr: Expr, ctx: Context, r: Rational | undefined, digits: number): Promise<BoundValue[]> {
  if (r === undefined) return [];
  const at = instantiateExpr(substitute(expr, new Map([['r', b.num(r)]])), ctx.params);
  const v = await encloseValue(at, ctx.params.env, digits);
  return [v.ok ? plainValue(`N(r = ${r})`, `the covering number bound at r = ${r}`, v.value, digits) : notComputedValue(`N(r = ${r})`, 'the covering number bound', v)];
}

export async function coverTheorem(id: CoveringTheorem, ctx: Context, scale: Rational | undefined, digits: number): Promise<Result<TheoremBody>> {
  const candidates: [Covering, string][] = [
    [ctx.coverG, `X0 = ${spaceName(ctx.action.fundamentalDomain)}`],
    [ctx.coverX, `X = ${spaceName(ctx.setting.space)}`],
  ];
  if (id === 'cover.power') {
    const [c, which] = candidates.find(([c]) => c.envelope !== undefined) ?? [];
    if (!c || !c.envelope) return fail(error('EB6017', 'no power-law envelope is known for X0 or X: missing hypothesis "N(X0, r) <= A r^(-d) for r <= r0"'));
    const env = c.envelope;
    const scaleCheck = await checkCoarsestScale({ ...c, r0: env.r0 }, ctx.params, which!);
    if (!scaleCheck.ok) return scaleCheck;
    const symbolic = b.mul(env.A, b.pow(b.sym('r'), b.num(env.d.neg())));
    const hyps: CheckedHypothesis[] = [
      { name: 'power_law', statement: `N(${which}, r) <= A r^(-d) for 0 < r <= r0`, how: env.derivation === 'assumed' ? 'assumed' : 'exact', detail: env.derivation === 'assumed' ? 'a cover.power assumption' : `from ${c.theorem}: ${env.derivation}` },
      ...(scaleCheck.value ? [scaleCheck.value] : []),
    ];
    return ok({ hypotheses: hyps, symbolic, relation: `N(${which}, r) <=`, values: await valueAtScale(symbolic, ctx, scale, digits), notes: [`valid for 0 < r <= r0 with r0 = ${toNote(env.r0)}`] });
  }
  const found = candidates.find(([c]) => c.theorem === id);
  if (!found) return fail(error('EB6017', `${id} does not apply to X0 = ${spaceName(ctx.action.fundamentalDomain)} or X = ${spaceName(ctx.setting.space)}: missing hypothesis "${hypothesisOf(id)}"`));
  const [c, which] = found;
  return ok({
    hypotheses: [{ name: 'space', statement: hypothesisOf(id), how: 'catalog', detail: which }],
    symbolic: c.expr,
    relation: c.exact ? `N(${which}, r) =` : `N(${which}, r) <=`,
    values: await valueAtScale(c.expr, ctx, scale, digits),
    notes: [c.statement, ...(c.r0 ? [`valid for r <= ${toNote(c.r0)}`] : [])],
  });
}

function toNote(e: Expr): string {
  return e.kind === 'num' ? e.value.toString() : 'r0';
}

function hypothesisOf(id: CoveringTheorem): string {
  switch (id) {
    case 'cover.cube':
      return 'the space is a cube with the sup metric';
    case 'cover.ball':
      return 'the space is a Euclidean ball';
    case 'cover.simplex':
      return 'the space is the sorted cone (fundamental domain of S_d on a cube)';
    case 'cover.arc':
      return 'the space is an arc or the circle with the geodesic metric';
    case 'cover.power':
      return 'a power-law covering assumption';
    case 'cover.formula':
      return 'a covering formula assumption';
  }
}
