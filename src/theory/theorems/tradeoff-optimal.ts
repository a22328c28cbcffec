// tradeoff.optimal and sample.size (THEORY §5) as theorems: eps*, E(eps*), the regime, the additive closed
// form and n0; the least n with a bound <= tau. The computations live in tradeoff-certificate/-search.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import * as b from '../../expr/build.js';
import { Rational } from '../../expr/rational.js';
import { decimalExponent, formatDecimal } from '../../numeric/format.js';
import { allKnown, missingValues, type Context } from '../context.js';
import { point } from '../evaluate-bound.js';
import type { BoundValue, InstantiateArgs } from '../instantiation.js';
import { P, requireParam } from '../parameters.js';
import { deviationValue, gammaExpr, dudleyIntegrand, notComputedValue, plainValue } from './dudley.js';
import { lipschitzRoom } from './approx.js';
import { excessExpr } from './tradeoff-excess.js';
import { describeCertificate, optimalEquivarianceError, type OptimalCertificate } from './tradeoff-certificate.js';
import { matchingThreshold, sampleSize, type MatchingThreshold } from './tradeoff-search.js';
import type { TheoremBody } from './types.js';

function regimeNote(c: OptimalCertificate): string {
  switch (c.regime) {
    case 'exact equivariance':
      return `regime: exact equivariance (eps* in [0, ${c.minimiserHi}], best point eps = 0)`;
    case 'matching':
      return `regime: matching the data (eps* in [${c.minimiserLo}, eta], best point eps = eta = ${c.eta})`;
    case 'interior':
      return `an interior minimiser: eps* in [${c.minimiserLo}, ${c.minimiserHi}]`;
    case 'undecided':
      return `regime undecided within the budget: the minimisers lie in [${c.minimiserLo}, ${c.minimiserHi}] (cells not all excluded)`;
  }
}

export async function tradeoffOptimal(ctx: Context, digits: number, evaluateValues: boolean, args: InstantiateArgs): Promise<Result<TheoremBody>> {
  const etaParam = requireParam(ctx.setting, 'eta', 'tradeoff.optimal');
  if (!etaParam.ok) return etaParam;
  // E(eps) uses approx.upper, whose hypothesis L >= L* this theorem inherits.
  const room = lipschitzRoom(ctx, 'tradeoff.optimal');
  if (!room.ok) return room;
  const symbolic = b.extremum('inf', 'epsilon', b.ZERO, P.eta, excessExpr(ctx));
  const values: BoundValue[] = [];
  const notes: string[] = ['fact 1: E is non-decreasing on [eta, oo), so eps* <= eta and E is minimised over [0, eta]'];
  if (evaluateValues) {
    const eta = ctx.params.env.get('eta');
    const known = allKnown(ctx, b.add(P.n, P.delta, P.L, P.M, P.lambda, P.B));
    if (!known.ok || eta === undefined) values.push({ name: 'eps*', description: 'the optimal model equivariance error', notComputed: missingValues('eps*', known.ok ? ['eta'] : known.missing) });
    else {
      const c = await optimalEquivarianceError(ctx, eta, { digits, ...(args.tradeoff?.depth !== undefined ? { depth: args.tradeoff.depth } : {}) });
      if (!c.ok) values.push(notComputedValue('eps*', 'the optimal model equivariance error', c));
      else {
        const v = c.value;
        const B = ctx.params.env.get('B')!;
        const e0 = v.points[0]!;
        const eEta = v.points[v.points.length - 1]!;
        values.push(
          // Not eps* itself: eps* is certified only to [eps* lower, eps* upper]; this is the best point evaluated.
          { name: 'best eps evaluated', description: `the best evaluated eps (${v.regime}); every minimiser lies in [eps* lower, eps* upper]`, exact: v.best.eps, approximation: { text: formatDecimal(v.best.eps, digits), lower: v.best.eps, upper: v.best.eps, exact: v.best.eps, correctlyRounded: true }, certified: true, method: 'cell-exclusion certificate' },
          plainValue('eps* lower', 'every minimiser is >= this', point(v.minimiserLo), digits),
          plainValue('eps* upper', 'every minimiser is <= this', point(v.minimiserHi), digits),
          plainValue('E(eps*)', `E at the best point eps = ${v.best.eps}`, v.best.E, digits),
          lowerBoundValue('min E lower', 'a lower bound of min E over eps >= 0 (least cell bound, rounded down)', v.minLower, digits, v.certified),
          plainValue('E(0)', 'lambda eta + 2 Gamma_G (exact equivariance)', e0.E, digits),
          plainValue('E(eta)', '2 Gamma(eta) (matching the data)', eEta.E, digits),
          deviationValue('Gamma_G', 'the exactly equivariant bound', v.gammaG, B, digits),
          deviationValue('Gamma_1', 'the unconstrained bound', v.gamma1, B, digits),
          plainValue('additive minimum', 'min(lambda eta + 2 Gamma_G, 2 Gamma_1) (gen.approx.additive)', v.additive.minimum, digits),
          plainValue('additive threshold', '2 (Gamma_1 - Gamma_G)/lambda: exact equivariance wins iff eta <= this', v.additive.threshold, digits),
        );
        notes.push(regimeNote(v), `with the additive bound: ${v.additive.regime} (eta ${v.additive.regime === 'matching' ? '>' : '<='} 2 (Gamma_1 - Gamma_G)/lambda)`, describeCertificate(v));
        if (!v.scaleAvailable) notes.push('Gamma_scale was not available for these coverings: Gamma = min(Gamma_G + 2 lambda eps, Gamma_1)');
        if (args.tradeoff?.n0) {
          const t = await matchingThreshold(ctx.setting, eta, { digits: Math.min(digits, 20), ...(args.tradeoff.timeLimitMs !== undefined ? { timeLimitMs: args.tradeoff.timeLimitMs } : {}) });
          if (!t.ok) values.push(notComputedValue('n0', 'the least n from which matching is optimal', t));
          else {
            values.push(...n0Values(t.value, digits));
            notes.push(...n0Notes(t.value));
          }
        }
      }
    }
  }
  return ok({ hypotheses: [...ctx.hypotheses, room.value], symbolic, relation: 'min over eps >= 0 of R(f_eps) - R(f*) <=', values, notes, headline: 'E(eps*)' });
}

/** A lower bound printed with `digits` significant digits, rounded down so that the text is still a lower bound. */
function lowerBoundValue(name: string, description: string, x: Rational, digits: number, certified: boolean): BoundValue {
  let r = x;
  if (!x.isZero()) {
    const k = digits - 1 - decimalExponent(x.abs());
    const scale = k >= 0 ? Rational.of(10n ** BigInt(k)) : Rational.of(1n, 10n ** BigInt(-k));
    const scaled = x.mul(scale);
    const floor = scaled.n >= 0n ? scaled.n / scaled.d : -((-scaled.n + scaled.d - 1n) / scaled.d);
    r = Rational.of(floor).div(scale);
  }
  return { name, description, approximation: { text: formatDecimal(r, digits), lower: r, upper: r, correctlyRounded: true }, certified, method: 'cell-exclusion certificate' };
}

export function n0Values(t: MatchingThreshold, digits: number): BoundValue[] {
  const n0 = Rational.of(t.n0);
  return [
    { name: 'n0', description: 'the least n (above the start) at which matching is optimal: 2 Gamma_n(eta) <= lambda eta + 2 Gamma_G,n', exact: n0, approximation: { text: t.n0.toString(), lower: n0, upper: n0, exact: n0, correctlyRounded: true }, certified: true, method: `leastInteger over n (${t.evaluations} evaluations)` },
    ...(t.previous ? [plainValue('E(0) at n0 - 1', 'lambda eta + 2 Gamma_G', t.previous.exactSide, digits), plainValue('E(eta) at n0 - 1', '2 Gamma(eta)', t.previous.matchSide, digits)] : []),
    plainValue('E(0) at n0', 'lambda eta + 2 Gamma_G', t.atN0.exactSide, digits),
    plainValue('E(eta) at n0', '2 Gamma(eta)', t.atN0.matchSide, digits),
  ];
}

export function n0Notes(t: MatchingThreshold): string[] {
  const grid = t.grid.map((g) => `${g.n}: ${g.holds ? 'matching' : 'EXACT (switched back)'}`).join(', ');
  return [
    `n0 = ${t.n0} refers to the exact-ceiling bounds (gen.exact with dudley.cutoff; Gamma of gen.approx), searched from n = ${t.from}${t.atStart ? ' where matching already holds (n0 is not the least n overall)' : ''}`,
    `regime above n0 on a geometric grid: ${grid || 'not checked'}${t.gridHolds ? '' : ' (THE REGIME SWITCHES BACK)'}`,
  ];
}


function sampleValues(name: string, description: string, s: Awaited<ReturnType<typeof sampleSize>>, digits: number): BoundValue[] {
  if (!s.ok) return [notComputedValue(name, description, s)];
  const n = Rational.of(s.value.n);
  return [
    { name, description, exact: n, approximation: { text: s.value.n.toString(), lower: n, upper: n, exact: n, correctlyRounded: true }, certified: true, method: `leastInteger over n (${s.value.evaluations} evaluations)` },
    plainValue(s.value.target === 'min E' ? `E(best eps) at ${name}` : `${s.value.target} at ${name}`, `<= tau = ${s.value.tau}${s.value.target === 'min E' ? ' (E at the best evaluated eps, >= min E)' : ''}`, s.value.atN, digits),
    ...(s.value.atPrevious === undefined
      ? []
      : s.value.target === 'min E'
        ? [lowerBoundValue(`min E lower at ${name} - 1`, `a lower bound of min E, > tau = ${s.value.tau} (rounded down)`, s.value.atPrevious.lo, digits, s.value.atPrevious.certified)]
        : [plainValue(`${s.value.target} at ${name} - 1`, `> tau = ${s.value.tau}`, s.value.atPrevious, digits)]),
  ];
}

/** sample.size: the least n with Gamma_G <= tau and with Gamma_1 <= tau, their ratio, and (with eta) the least n with min E <= tau. */
export async function sampleSizeTheorem(ctx: Context, digits: number, evaluateValues: boolean, args: InstantiateArgs): Promise<Result<TheoremBody>> {
  const tau = args.tradeoff?.tau;
  if (tau === undefined && evaluateValues) return fail(error('EB6015', 'sample.size needs the target tau (the bound to reach)'));
  if (tau !== undefined && tau.sign <= 0) return fail(error('EB6022', `tau = ${tau} is not positive`));
  const symbolic = gammaExpr(dudleyIntegrand(ctx.coverG));
  const values: BoundValue[] = [];
  const notes: string[] = ['Gamma_n is non-increasing in n (the Dudley objective at every alpha and the confidence term are), so the least n is found by galloping and bisection'];
  if (evaluateValues && tau !== undefined) {
    const known = allKnown(ctx, b.add(P.delta, P.L, P.M, P.lambda, P.B));
    if (!known.ok) values.push({ name: 'n_G', description: 'the least n with Gamma_G <= tau', notComputed: missingValues('n_G', known.missing) });
    else {
      const opts = { digits: Math.min(digits, 20), ...(args.tradeoff?.timeLimitMs !== undefined ? { timeLimitMs: args.tradeoff.timeLimitMs } : {}) };
      const nG = await sampleSize(ctx.setting, 'Gamma_G', tau, opts);
      const n1 = await sampleSize(ctx.setting, 'Gamma_1', tau, opts);
      values.push(...sampleValues('n_G', 'the least n with Gamma_G <= tau', nG, digits), ...sampleValues('n_1', 'the least n with Gamma_1 <= tau', n1, digits));
      if (nG.ok && n1.ok) {
        const ratio = Rational.of(n1.value.n, nG.value.n);
        values.push(plainValue('n_1/n_G', 'the sample-size ratio at equal bound tau (exact)', point(ratio), digits));
        notes.push(`n_1/n_G = ${ratio} ~ ${formatDecimal(ratio, 6)}; gain.finite predicts about |G| (up to logarithms) for power-law envelopes`);
      }
      if (ctx.params.env.get('eta') !== undefined && args.tradeoff?.minE) {
        const nE = await sampleSize(ctx.setting, 'min E', tau, opts);
        values.push(...sampleValues('n_E', 'the least n with min over eps of E(eps) <= tau', nE, digits));
      }
    }
  }
  return ok({ hypotheses: [...ctx.hypotheses], symbolic, relation: `least n with this <= tau${tau !== undefined ? ` = ${tau}` : ''}:`, values, notes, headline: 'n_G' });
}

export type { OptimalCertificate, MatchingThreshold };
