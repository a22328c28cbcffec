// A setting resolved for instantiation: parameters, the group's action and fundamental domain, the
// covering numbers of X and X0, and the hypotheses every Lipschitz-class theorem shares, checked.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { Rational } from '../expr/rational.js';
import { freeSymbols } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import { assumedCovering, coveringNumber, type Covering } from './covering.js';
import { atLeast, encloseValue } from './evaluate-bound.js';
import { groupAction, spaceName, type GroupAction } from './groups.js';
import type { CheckedHypothesis } from './instantiation.js';
import { checkParameterDomains, instantiateExpr, P, parameters, type Parameters } from './parameters.js';
import type { Setting } from './setting.js';

export interface Context {
  readonly setting: Setting;
  readonly params: Parameters;
  readonly action: GroupAction;
  /** N(X, r). */
  readonly coverX: Covering;
  /** N(X0, r). */
  readonly coverG: Covering;
  readonly hypotheses: readonly CheckedHypothesis[];
}

/** The coarsest covering scale a Dudley bound uses: r = (B/2)/(2 lambda L). */
export const coarsestScale: Expr = b.div(P.B, b.mul(b.num(4), P.lambda, P.L));

/** cover.power's hypothesis r0 >= B/(4 lambda L), decided exactly, numerically, or assumed when free. */
export async function checkCoarsestScale(c: Covering, params: Parameters, which: string): Promise<Result<CheckedHypothesis | undefined>> {
  if (c.r0 === undefined) return ok(undefined);
  const diff = instantiateExpr(b.sub(c.r0, coarsestScale), params);
  const statement = `r0 >= B/(4 lambda L) for the covering of ${which}`;
  const free = [...freeSymbols(diff)];
  if (free.length > 0) return ok({ name: 'coarsest_scale', statement, how: 'assumed', detail: `depends on the free parameters ${free.join(', ')}: assumed` });
  const v = await encloseValue(diff, params.env, 30);
  if (!v.ok) return v;
  const decided = atLeast(v.value, Rational.ZERO);
  if (decided === false)
    return fail(error('EB6012', `the covering of ${which} holds only for r <= ${instantiateExpr(c.r0, params).kind === 'num' ? String((instantiateExpr(c.r0, params) as { value: Rational }).value) : 'r0'}, below the coarsest scale B/(4 lambda L): missing hypothesis "r0 >= B/(4 lambda L)"`));
  if (decided === undefined) return fail(error('EB6012', `cannot decide r0 >= B/(4 lambda L) for the covering of ${which}: missing hypothesis "r0 >= B/(4 lambda L)"`));
  return ok({ name: 'coarsest_scale', statement, how: v.value.exact ? 'exact' : 'numeric', detail: `r0 - B/(4 lambda L) = ${v.value.exact ? v.value.exact.toString() : 'a certified positive number'}` });
}

export async function buildContext(setting: Setting): Promise<Result<Context>> {
  const params = parameters(setting);
  const dom = checkParameterDomains(setting, params);
  if (!dom.ok) return dom;
  const act = groupAction(setting.group, setting.space);
  if (!act.ok) return act;
  const action = act.value;
  const cx = setting.spaceCovering ? ok(assumedCovering(setting.spaceCovering)) : coveringNumber(setting.space);
  if (!cx.ok) return cx;
  const trivial = setting.group.kind === 'trivial';
  const cg = setting.domainCovering ? ok(assumedCovering(setting.domainCovering)) : trivial ? cx : coveringNumber(action.fundamentalDomain);
  if (!cg.ok) return cg;
  const hypotheses: CheckedHypothesis[] = [
    { name: 'compact_space', statement: '(X, d) is a compact metric space', how: 'catalog', detail: `X = ${spaceName(setting.space)}` },
    { name: 'isometric_action', statement: 'G acts on X by isometries, on R^k by orthogonal rho(g)', how: 'catalog', detail: action.justification },
    { name: 'fundamental_domain', statement: 'X0 meets every G-orbit', how: 'catalog', detail: `X0 = ${spaceName(action.fundamentalDomain)}` },
    { name: 'lipschitz_loss', statement: 'the loss is lambda-Lipschitz with values in [0, B]', how: setting.loss.kind === 'lipschitz' ? 'assumed' : 'catalog', detail: params.lossNote },
    { name: 'parameter_domains', statement: 'L, M, lambda, B > 0, n a positive integer, 0 < delta < 1', how: 'exact', detail: 'known values checked exactly; free ones assumed in their domains' },
  ];
  for (const [c, which] of [
    [cx.value, 'X'],
    [cg.value, 'X0'],
  ] as const) {
    const h = await checkCoarsestScale(c, params, which);
    if (!h.ok) return h;
    if (h.value) hypotheses.push(h.value);
  }
  return ok({ setting, params, action, coverX: cx.value, coverG: cg.value, hypotheses });
}

/** Known numeric value of a parameter symbol name, after deriving lambda and B. */
export function known(ctx: Context, name: string): Rational | undefined {
  return ctx.params.env.get(name);
}

/** All parameter values a numeric step needs are known. */
export function allKnown(ctx: Context, e: Expr): { ok: true } | { ok: false; missing: string[] } {
  const inst = instantiateExpr(e, ctx.params);
  const missing = [...freeSymbols(inst)];
  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}

export function missingValues(what: string, missing: readonly string[]): ReturnType<typeof error> {
  return error('EB6026', `${what} was not computed: the parameters ${missing.join(', ')} are free`);
}

export { fail };
