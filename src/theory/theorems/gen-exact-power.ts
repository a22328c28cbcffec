// gen.exact.power: the power-law forms of Gamma under cover.power with d > 2 — min over alpha of P(alpha)
// and the closed form (16 d lambda L/(d - 2)) (9 k A l0/n)^(1/d) + conf at the fixed point alpha~.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import { Rational } from '../../expr/rational.js';
import { substitute } from '../../expr/traverse.js';
import type { Expr } from '../../expr/types.js';
import { allKnown, checkCoarsestScale, missingValues, type Context } from '../context.js';
import type { Covering, PowerEnvelope } from '../covering.js';
import { addEnc, encloseValue, minimumValue, rootValue, scaleEnc, type Enc } from '../evaluate-bound.js';
import type { BoundValue, CheckedHypothesis } from '../instantiation.js';
import { instantiateExpr, P } from '../parameters.js';
import { confidenceExpr, deviationValue, halfB, notComputedValue, plainValue } from './dudley.js';
import { classHypotheses } from './gen-exact.js';
import type { TheoremBody } from './types.js';

const q = (x: Rational) => b.num(x);

/** l_alpha = log(1 + 4 lambda M/alpha). */
export function logTerm(alpha: Expr): Expr {
  return b.log(b.add(b.ONE, b.div(b.mul(b.num(4), P.lambda, P.M), alpha)));
}

/** P(alpha) = 2 [4 alpha + (12/sqrt(n)) sqrt(k A l_alpha) (2 lambda L)^(d/2) alpha^(1 - d/2)/(d/2 - 1)] + conf. */
export function powerObjective(env: PowerEnvelope): Expr {
  return powerObjectiveIn(env.A, q(env.d));
}

/** P(alpha) for a dimension d that may be an expression (a derivation's symbol); the same form as powerObjective. */
export function powerObjectiveIn(A: Expr, d: Expr): Expr {
  const half = b.div(d, b.TWO);
  const inner = b.mul(
    b.div(b.num(12), b.sqrt(P.n)),
    b.sqrt(b.mul(P.k, A, logTerm(P.alpha))),
    b.pow(b.mul(b.TWO, P.lambda, P.L), half),
    b.pow(P.alpha, b.sub(b.ONE, half)),
    b.pow(b.sub(half, b.ONE), b.MINUS_ONE),
  );
  return b.add(b.mul(b.TWO, b.add(b.mul(b.num(4), P.alpha), inner)), confidenceExpr);
}

/** The fixed-point map alpha -> 2 lambda L (9 k A l_alpha/n)^(1/d). */
export function fixedPointMap(env: PowerEnvelope, alpha: Expr = P.alpha): Expr {
  return fixedPointMapIn(env.A, q(env.d), alpha);
}

/** fixedPointMap for a dimension d that may be an expression. */
export function fixedPointMapIn(A: Expr, d: Expr, alpha: Expr = P.alpha): Expr {
  return b.mul(b.TWO, P.lambda, P.L, b.pow(b.div(b.mul(b.num(9), P.k, A, logTerm(alpha)), P.n), b.pow(d, b.MINUS_ONE)));
}

/** (16 d lambda L/(d - 2)) (9 k A l0/n)^(1/d) + conf with l0 = log(1 + 4 lambda M/alpha0). */
export function closedForm(env: PowerEnvelope, alpha0: Expr = b.sym('alpha0')): Expr {
  return closedFormIn(env.A, q(env.d), alpha0);
}

/** closedForm for a dimension d that may be an expression. */
export function closedFormIn(A: Expr, d: Expr, alpha0: Expr = b.sym('alpha0')): Expr {
  const coeff = b.mul(b.num(16), d, b.pow(b.sub(d, b.TWO), b.MINUS_ONE), P.lambda, P.L);
  return b.add(b.mul(coeff, b.pow(b.div(b.mul(b.num(9), P.k, A, logTerm(alpha0)), P.n), b.pow(d, b.MINUS_ONE))), confidenceExpr);
}

export interface PowerForms {
  readonly alphaTilde: Enc;
  readonly closed: Enc;
  readonly closedVacuous: boolean;
  readonly powerMin: Enc;
  readonly argmin: Enc;
}

/** Both numbers of gen.exact.power for one envelope; every parameter must be known. */
export async function powerForms(env: PowerEnvelope, ctx: Context, digits: number): Promise<Result<PowerForms>> {
  const params = ctx.params;
  const penv = params.env;
  const B = penv.get('B')!;
  const upper = B.div(Rational.TWO);
  // alpha~: the root of alpha - map(alpha), increasing in alpha; bracket [lo, hi] with map(lo) > lo.
  const map = instantiateExpr(fixedPointMap(env), params);
  const lo = upper.mul(Rational.of(1n, 10n ** 40n));
  const atLo = await encloseValue(substitute(map, new Map([['alpha', b.num(lo)]])), penv, digits);
  if (!atLo.ok) return atLo;
  if (atLo.value.lo.compare(lo) <= 0) return fail(error('EB5005', 'the fixed point of alpha = 2 lambda L (9 k A l_alpha/n)^(1/d) lies below 10^-40 B/2'));
  const hi = atLo.value.hi.mul(Rational.TWO);
  const root = await rootValue(b.sub(P.alpha, map), 'alpha', lo, hi, penv, digits);
  if (!root.ok) return root;
  const alphaTilde = root.value;
  const d = env.d;
  const conf = await encloseValue(instantiateExpr(confidenceExpr, params), penv, digits);
  if (!conf.ok) return conf;
  // At the fixed point, (16 d lambda L/(d - 2)) (9 k A l0/n)^(1/d) = 8 d alpha~/(d - 2).
  const closed = addEnc(scaleEnc(Rational.of(8).mul(d).div(d.sub(Rational.TWO)), alphaTilde), conf.value);
  const closedVacuous = alphaTilde.lo.compare(upper) > 0;
  // min P over (0, B/2]: P is convex; its minimiser lies within a factor of the fixed point.
  const pLo = alphaTilde.lo.div(Rational.of(16)).min(upper.div(Rational.of(16)));
  const m = await minimumValue(instantiateExpr(powerObjective(env), params), 'alpha', pLo, upper, penv, digits);
  if (!m.ok) return m;
  return ok({ alphaTilde, closed, closedVacuous, powerMin: m.value.value, argmin: m.value.argmin });
}

/** cover.power hypotheses for an envelope: d > 2 and r0 >= B/(4 lambda L). */
export async function powerHypotheses(c: Covering, ctx: Context, which: string): Promise<Result<{ env: PowerEnvelope; hypotheses: CheckedHypothesis[] }>> {
  const env = c.envelope;
  if (!env) return fail(error('EB6017', `no power-law envelope is known for the covering of ${which}: missing hypothesis "N(${which}, r) <= A r^(-d) for r <= r0" (give a cover.power assumption)`));
  if (env.d.compare(Rational.TWO) <= 0)
    return fail(error('EB6013', `the covering dimension of ${which} is d = ${env.d} <= 2: missing hypothesis "d > 2" (gen.exact.power integrates t^(-d/2) to infinity)`));
  const scale = await checkCoarsestScale({ ...c, r0: env.r0 }, ctx.params, which);
  if (!scale.ok) return scale;
  const hyps: CheckedHypothesis[] = [
    { name: 'power_law', statement: `N(${which}, r) <= A r^(-d) for 0 < r <= r0`, how: env.derivation === 'assumed' ? 'assumed' : 'exact', detail: env.derivation === 'assumed' ? 'a cover.power assumption' : `from ${c.theorem}: ${env.derivation}` },
    { name: 'dimension', statement: 'd > 2', how: 'exact', detail: `d = ${env.d}` },
  ];
  if (scale.value) hyps.push(scale.value);
  return ok({ env, hypotheses: hyps });
}

export function powerValues(prefix: string, f: PowerForms, B: Rational, digits: number, env: PowerEnvelope): BoundValue[] {
  return [
    deviationValue(`${prefix} power form`, 'min over alpha in (0, B/2] of P(alpha)', f.powerMin, B, digits, powerObjective(env)),
    plainValue(`argmin P (${prefix})`, 'the minimiser of P', f.argmin, digits),
    plainValue(`alpha~ (${prefix})`, 'the fixed point of alpha = 2 lambda L (9 k A log(1 + 4 lambda M/alpha)/n)^(1/d)', f.alphaTilde, digits),
    {
      ...deviationValue(`${prefix} closed form`, f.closedVacuous ? 'the closed form: alpha~ > B/2, so it is vacuous (it exceeds 4B); see the power form' : '(16 d lambda L/(d - 2)) (9 k A l0/n)^(1/d) + B sqrt(log(2/delta)/(2n))', f.closed, B, digits, closedForm(env)),
      ...(f.closedVacuous ? { vacuous: true } : {}),
    },
  ];
}

export async function genExactPower(ctx: Context, digits: number, evaluateValues: boolean): Promise<Result<TheoremBody>> {
  if (ctx.setting.hypothesisClass.equivariance === 'approximate')
    return fail(error('EB6023', 'gen.exact.power is stated for Lip_G; the class is only approximately equivariant: missing hypothesis "exact_equivariance"'));
  const ph = await powerHypotheses(ctx.coverG, ctx, 'X0');
  if (!ph.ok) return ph;
  const env = ph.value.env;
  const symbolic = b.extremum('inf', 'alpha', b.ZERO, halfB, powerObjective(env));
  const values: BoundValue[] = [];
  const name = ctx.setting.group.kind === 'trivial' ? 'Gamma_1' : 'Gamma_G';
  if (evaluateValues) {
    const known = allKnown(ctx, b.add(symbolic, closedForm(env, b.ONE)));
    if (!known.ok) values.push({ name: `${name} power form`, description: 'min P', notComputed: missingValues(`${name} power form`, known.missing) });
    else {
      const f = await powerForms(env, ctx, digits);
      if (f.ok) values.push(...powerValues(name, f.value, ctx.params.env.get('B')!, digits, env));
      else values.push(notComputedValue(`${name} power form`, 'the power-law forms', f));
    }
  }
  return ok({
    hypotheses: [...ctx.hypotheses, ...classHypotheses(ctx, 'G'), ...ph.value.hypotheses],
    symbolic,
    relation: '|R(f) - R_n(f)| <=',
    values,
    notes: [`power envelope of X0: ${ph.value.env.derivation}`, `the closed form uses l0 = log(1 + 4 lambda M/alpha0) at the fixed point alpha0 = alpha~`],
  });
}
