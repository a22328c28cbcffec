// partial.words and gen.partial: word radii m_H of the finite subgroups of <T>, and the bound
// Gamma_T(eps) <= min over H of Gamma_H(m_H eps), each Gamma_H by gen.approx for the group H.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import { Rational } from '../../expr/rational.js';
import { buildContext } from '../context.js';
import type { Context } from '../context.js';
import { approximationOf, divEnc, minEnc, point, type Enc } from '../evaluate-bound.js';
import type { BoundValue, CheckedHypothesis } from '../instantiation.js';
import { P, requireParam } from '../parameters.js';
import type { GroupSpec } from '../setting.js';
import { cyclicWordRadius, DEFAULT_WORD_BUDGET, wordLengths, type Subgroup, type WordAnalysis } from '../words.js';
import { approxGamma, gammaApproxExpr, type ApproxGamma } from './approx.js';
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
  // The bound is the equivariance error on the whole group <T>: m_<T> eps (the headline, not m_H of C_1).
  const name = `m_H(${whole.name}) eps`;
  const eps = ctx.params.env.get('epsilon');
  const radius = Rational.of(whole.wordRadius);
  const bound: BoundValue =
    eps === undefined
      ? { name, description: `the equivariance error on <T> = ${whole.name}`, notComputed: error('EB6026', `${name} was not computed: eps is free`) }
      : // No `exact` field: the value is printed as a decimal (exact when it terminates), which LaTeX reports can render.
        { name, description: `the equivariance error on <T> = ${whole.name}`, approximation: approximationOf(point(radius.mul(eps)), 20), certified: true, method: 'exact' };
  return ok({
    hypotheses: wordHypotheses(ctx, w.value),
    symbolic: b.mul(b.num(BigInt(whole.wordRadius)), P.eps),
    relation: `ee_{${whole.name}}(f) <=`,
    values: [bound, ...values],
    notes: [`<T> = ${whole.name}; for every finite subgroup H of <T>, f is in Lip_{H, m_H eps}`],
    headline: name,
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
    // Lip_{H, m_H eps} for the group H itself: the transformation set has done its work (partial.words).
    const { transformations: _t, ...rest } = ctx.setting;
    const sub = await buildContext({ ...rest, group: groupOf(h) });
    if (!sub.ok) return sub;
    subs.push({ h, ctx: sub.value });
  }
  const symbolic = b.min(...subs.map(({ h, ctx: c }) => substitute(gammaApproxExpr(c), new Map([['epsilon', b.mul(b.num(BigInt(h.wordRadius)), P.eps)]]))));
  const values: BoundValue[] = [];
  if (evaluateValues) {
    if (eps === undefined) values.push({ name: 'Gamma_T(eps)', description: 'the partial-equivariance bound', notComputed: error('EB6026', 'Gamma_T(eps) was not computed: eps is free') });
    else {
      const B = ctx.params.env.get('B')!;
      // First the cheap branches (Gamma_H + 2 lambda m_H eps and Gamma_1) of every H; then Gamma_scale only for
      // the H with Gamma_H below the best bound so far, smallest Gamma_H first. Skipping the others loses
      // nothing: on the circle N(S^1, r) >= N(arc, r), so Gamma_scale >= Gamma_H (see approxGamma).
      const cheap: ({ h: Subgroup; sub: Context; a: ApproxGamma } | { h: Subgroup; failed: Result<unknown> })[] = [];
      for (const { h, ctx: sub } of subs) {
        const a = await approxGamma(sub, eps.mul(Rational.of(h.wordRadius)), digits, Rational.ZERO);
        cheap.push(a.ok ? { h, sub, a: a.value } : { h, failed: a });
      }
      const found = cheap.flatMap((c) => ('a' in c ? [c] : []));
      let best = found.reduce<Rational | undefined>((m, c) => (m === undefined || c.a.gamma.hi.lt(m) ? c.a.gamma.hi : m), undefined);
      const full = new Map<Subgroup, ApproxGamma>();
      for (const c of [...found].sort((x, y) => x.a.gammaG.gamma.lo.compare(y.a.gammaG.gamma.lo))) {
        if (best === undefined || c.a.gammaG.gamma.lo.compare(best) >= 0 || c.h.wordRadius === 0) continue;
        const a = await approxGamma(c.sub, eps.mul(Rational.of(c.h.wordRadius)), digits, best);
        if (!a.ok) continue;
        full.set(c.h, a.value);
        if (a.value.gamma.hi.lt(best)) best = a.value.gamma.hi;
      }
      const candidates: { h: Subgroup; value: Enc }[] = [];
      for (const c of cheap) {
        if ('failed' in c) {
          values.push(notComputedValue(`Gamma_${c.h.name}(m_H eps)`, 'a candidate bound', c.failed));
          continue;
        }
        const a = full.get(c.h) ?? c.a;
        const branches = a.scale.ok
          ? 'min(Gamma_scale, Gamma_H + 2 lambda m_H eps, Gamma_1)'
          : `min(Gamma_H + 2 lambda m_H eps, Gamma_1); ${full.has(c.h) ? 'Gamma_scale was not computed' : 'Gamma_scale >= Gamma_H cannot beat the best candidate'}`;
        candidates.push({ h: c.h, value: a.gamma });
        values.push(deviationValue(`Gamma_${c.h.name}(${c.h.wordRadius} eps)`, `gen.approx for H = ${c.h.name} with equivariance error m_H eps = ${eps.mul(Rational.of(c.h.wordRadius))}: ${branches}`, a.gamma, B, digits));
      }
      if (candidates.length > 0) {
        const bestValue = minEnc(...candidates.map((c) => c.value));
        const winner = candidates.reduce((x, y) => (y.value.hi.lt(x.value.hi) ? y : x));
        values.unshift(deviationValue('Gamma_T(eps)', `min over finite subgroups H of <T> of Gamma_H(m_H eps), attained at H = ${winner.h.name}`, bestValue, B, digits));
        const trivial = candidates.find((c) => c.h.j === 1 && c.h.kind === 'cyclic');
        if (trivial) {
          values.push(deviationValue('Gamma_1', 'the unconstrained bound (H trivial)', trivial.value, B, digits));
          const r = divEnc(bestValue, trivial.value);
          if (r) values.push(plainValue('Gamma_T(eps)/Gamma_1', 'the gain of partial equivariance over the unconstrained class', r, digits));
        }
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
