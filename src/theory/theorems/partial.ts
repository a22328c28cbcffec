// partial.words and gen.partial: word radii m_H of the finite subgroups of <T>, and the bound
// Gamma_T(eps) <= min over H of Gamma_H(m_H eps), each Gamma_H by gen.approx for the group H.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import { Rational } from '../../expr/rational.js';
import { buildContext } from '../context.js';
import type { Context } from '../context.js';
import { minEnc, type Enc } from '../evaluate-bound.js';
import type { BoundValue, CheckedHypothesis } from '../instantiation.js';
import { P, requireParam } from '../parameters.js';
import type { GroupSpec } from '../setting.js';
import { cyclicWordRadius, DEFAULT_WORD_BUDGET, wordLengths, type Subgroup, type WordAnalysis } from '../words.js';
import { approxGamma, gammaApproxExpr } from './approx.js';
import { substitute } from '../../expr/traverse.js';
import { deviationValue, notComputedValue, plainValue } from './dudley.js';
import type { TheoremBody } from './types.js';

function analyseWords(ctx: Context, budget: number | undefined): Result<WordAnalysis> {
  const t = ctx.setting.transformations;
  if (!t) return fail(error('EB6020', 'no transformation set T is given: missing hypothesis "transformation_set"'));
  if (ctx.setting.space.kind !== 'circle') return fail(error('EB6010', `the cyclic and dihedral transformation sets act on the circle, not on ${ctx.setting.space.kind}: missing hypothesis "T acts by isometries"`));
  return wordLengths(t, budget ?? DEFAULT_WORD_BUDGET);
}

function wordHypotheses(ctx: Context, w: WordAnalysis): CheckedHypothesis[] {
  const t = ctx.setting.transformations!;
  const hyps: CheckedHypothesis[] = [
    { name: 'transformation_set', statement: 'T is a set of isometries of the circle', how: 'catalog', detail: `${t.generators.length} generator(s) in ${t.kind === 'cyclic' ? `C_${t.m}` : `D_${t.m}`}; |<T>| = ${w.generatedOrder}${w.isGroup ? ' (T is a group)' : ' (T is not a group)'}` },
  ];
  // Cross-check the breadth-first search with the closed form for T = {rotation by 2 pi/m}.
  if (t.kind === 'cyclic' && t.generators.length === 1 && (((t.generators[0]! % t.m) + t.m) % t.m === 1 || ((t.generators[0]! % t.m) + t.m) % t.m === t.m - 1)) {
    const bad = w.subgroups.filter((h) => h.kind === 'cyclic' && h.wordRadius !== cyclicWordRadius(t.m, h.j));
    if (bad.length > 0) throw new Error(`partial.words: BFS word radii disagree with floor(j/2)(m/j) for ${bad.map((h) => h.name).join(', ')}`);
    hyps.push({ name: 'word_radius_closed_form', statement: 'm_{C_j} = floor(j/2) (m/j) for T = {rotation by 2 pi/m}', how: 'exact', detail: 'the enumeration agrees with the closed form for every j | m' });
  }
  return hyps;
}

export async function partialWords(ctx: Context, budget: number | undefined): Promise<Result<TheoremBody>> {
  const w = analyseWords(ctx, budget);
  if (!w.ok) return w;
  const values: BoundValue[] = w.value.subgroups.map((h) => ({ name: `m_H(${h.name})`, description: `word radius of ${h.name} (|H| = ${h.order})`, exact: Rational.of(h.wordRadius), approximation: { text: String(h.wordRadius), lower: Rational.of(h.wordRadius), upper: Rational.of(h.wordRadius), exact: Rational.of(h.wordRadius), correctlyRounded: true }, certified: true, method: 'breadth-first search over words' }));
  const whole = w.value.subgroups.reduce((a, h) => (h.order > a.order ? h : a));
  return ok({
    hypotheses: wordHypotheses(ctx, w.value),
    symbolic: b.mul(b.num(BigInt(whole.wordRadius)), P.eps),
    relation: `ee_{<T>}(f) <= m_<T> eps, <T> = ${whole.name}:`,
    values,
    notes: ['for every finite subgroup H of <T>, f is in Lip_{H, m_H eps}'],
  });
}

function groupOf(h: Subgroup): GroupSpec {
  return h.kind === 'cyclic' ? { kind: 'cyclic', m: h.j } : { kind: 'dihedral', m: h.j };
}

export async function genPartial(ctx: Context, digits: number, evaluateValues: boolean, budget: number | undefined): Promise<Result<TheoremBody>> {
  const e = requireParam(ctx.setting, 'eps', 'gen.partial');
  if (!e.ok) return e;
  const w = analyseWords(ctx, budget);
  if (!w.ok) return w;
  const eps = ctx.params.env.get('epsilon');
  // One context per subgroup H (same space and class, group H); Gamma_H(m_H eps) by gen.approx.
  const subs: { h: Subgroup; ctx: Context }[] = [];
  for (const h of w.value.subgroups) {
    const sub = await buildContext({ ...ctx.setting, group: groupOf(h) });
    if (!sub.ok) return sub;
    subs.push({ h, ctx: sub.value });
  }
  const symbolic = b.min(...subs.map(({ h, ctx: c }) => substitute(gammaApproxExpr(c), new Map([['epsilon', b.mul(b.num(BigInt(h.wordRadius)), P.eps)]]))));
  const values: BoundValue[] = [];
  if (evaluateValues) {
    if (eps === undefined) values.push({ name: 'Gamma_T(eps)', description: 'the partial-equivariance bound', notComputed: error('EB6026', 'Gamma_T(eps) was not computed: eps is free') });
    else {
      const candidates: { h: Subgroup; value: Enc }[] = [];
      for (const { h, ctx: sub } of subs) {
        const a = await approxGamma(sub, eps.mul(Rational.of(h.wordRadius)), digits);
        if (!a.ok) {
          values.push(notComputedValue(`Gamma_${h.name}(m_H eps)`, 'a candidate bound', a));
          continue;
        }
        candidates.push({ h, value: a.value.gamma });
        values.push(deviationValue(`Gamma_${h.name}(${h.wordRadius} eps)`, `gen.approx for H = ${h.name} with equivariance error m_H eps = ${eps.mul(Rational.of(h.wordRadius))}`, a.value.gamma, ctx.params.env.get('B')!, digits));
      }
      if (candidates.length > 0) {
        const best = minEnc(...candidates.map((c) => c.value));
        values.unshift(deviationValue('Gamma_T(eps)', 'min over finite subgroups H of <T> of Gamma_H(m_H eps)', best, ctx.params.env.get('B')!, digits));
        const trivial = candidates.find((c) => c.h.j === 1 && c.h.kind === 'cyclic');
        if (trivial) values.push(plainValue('Gamma_1', 'the unconstrained bound (H trivial)', trivial.value, digits));
      }
    }
  }
  return ok({
    hypotheses: wordHypotheses(ctx, w.value),
    symbolic,
    relation: 'Gamma_T(eps) <=',
    values,
    notes: w.value.subgroups.map((h) => `${h.name}: m_H = ${h.wordRadius}`),
  });
}
