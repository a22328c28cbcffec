// Searches over the sample size n for tradeoff.optimal and sample.size: n0, the least n from which matching
// the data (eps = eta) is optimal, and the least n with Gamma_G <= tau (or min E <= tau), by leastInteger.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import { Rational } from '../../expr/rational.js';
import { leastInteger, type Decision } from '../../numeric/integer-search.js';
import { buildContext, type Context } from '../context.js';
import { addEnc, point, scaleEnc, type Enc } from '../evaluate-bound.js';
import { value, type Setting } from '../setting.js';
import { approxGamma } from './approx.js';
import { computeGamma } from './gen-exact.js';
import { optimalEquivarianceError } from './tradeoff-certificate.js';

export const SEARCH_CEILING = 10n ** 30n;

/** Both sides of the switch at one n: E(0) = lambda eta + 2 Gamma_G and E(eta) = 2 Gamma(eta). */
export interface SwitchEvidence {
  readonly n: bigint;
  readonly exactSide: Enc;
  readonly matchSide: Enc;
  readonly digits: number;
}

export interface MatchingThreshold {
  readonly n0: bigint;
  readonly from: bigint;
  /** Matching already held at `from`: n0 = from is then only the least n of the searched range. */
  readonly atStart: boolean;
  readonly atN0: SwitchEvidence;
  readonly previous?: SwitchEvidence;
  /** The regime on a geometric grid above n0. */
  readonly grid: readonly { readonly n: bigint; readonly holds: boolean; readonly evidence: SwitchEvidence }[];
  readonly gridHolds: boolean;
  readonly evaluations: number;
  readonly milliseconds: number;
}

export interface SearchOptions {
  /** Digits of the enclosures while searching (raised when a comparison is undecided; default 20). */
  readonly digits?: number;
  /** Start of the search (default: the setting's n). */
  readonly from?: bigint;
  readonly to?: bigint;
  /** Wall-clock limit of the whole search (default 15 minutes). */
  readonly timeLimitMs?: number;
  readonly maxEvaluations?: number;
  /** Grid n0 * factor^k, k = 1..gridSteps (default factor 4, 8 steps). */
  readonly gridFactor?: bigint;
  readonly gridSteps?: number;
}

async function contextAt(setting: Setting, n: bigint, extra: Partial<Setting> = {}): Promise<Result<Context>> {
  return buildContext({ ...setting, ...extra, n: value(Rational.of(n)) });
}

/** Decides 2 Gamma_n(eta) <= lambda eta + 2 Gamma_G,n, raising the digits while the enclosures overlap. */
export async function matchingAt(setting: Setting, eta: Rational, n: bigint, digits: number): Promise<Result<Decision<SwitchEvidence>>> {
  const ctx = await contextAt(setting, n, { eta: value(eta), eps: value(eta) });
  if (!ctx.ok) return ctx;
  const lambda = ctx.value.params.env.get('lambda')!;
  for (let d = digits; d <= 4 * digits; d *= 2) {
    const a = await approxGamma(ctx.value, eta, d);
    if (!a.ok) return a;
    const exactSide = addEnc(point(lambda.mul(eta)), scaleEnc(Rational.TWO, a.value.gammaG.gamma));
    const matchSide = scaleEnc(Rational.TWO, a.value.gamma);
    const evidence = { n, exactSide, matchSide, digits: d };
    if (matchSide.hi.le(exactSide.lo)) return ok({ holds: true, evidence });
    if (exactSide.hi.lt(matchSide.lo)) return ok({ holds: false, evidence });
  }
  return fail(error('EB6061', `at n = ${n} the two sides of the switch (E(0) and E(eta)) could not be separated with ${4 * digits} digits`));
}

function deadline<E>(limitMs: number, predicate: (n: bigint) => Promise<Result<Decision<E>>>): (n: bigint) => Promise<Result<Decision<E>>> {
  const stop = Date.now() + limitMs;
  return async (n) => (Date.now() > stop ? fail(error('EB5105', `the search over n stopped at its time limit of ${Math.round(limitMs / 1000)} s`)) : predicate(n));
}

/**
 * n0: the least n >= from at which matching is optimal, assuming the switch is monotone in n (leastInteger
 * gallops from `from` up to 10^30, then bisects); the regime is then checked on a geometric grid above n0.
 * With exact ceilings the predicate is evaluated at every probed n with the exact-ceiling bounds.
 */
export async function matchingThreshold(setting: Setting, eta: Rational, opts: SearchOptions = {}): Promise<Result<MatchingThreshold>> {
  const started = Date.now();
  const digits = opts.digits ?? 20;
  const n = setting.n;
  const from = opts.from ?? ('value' in n && n.value.d === 1n && n.value.n > 0n ? n.value.n : undefined);
  if (from === undefined) return fail(error('EB6015', 'n0 needs a start: a known integer n in the setting or the option from'));
  const pred = deadline(opts.timeLimitMs ?? 15 * 60_000, (m: bigint) => matchingAt(setting, eta, m, digits));
  const r = await leastInteger(from, opts.to ?? SEARCH_CEILING, pred, { maxEvaluations: opts.maxEvaluations ?? 400 });
  if (!r.ok) return r;
  const grid: { n: bigint; holds: boolean; evidence: SwitchEvidence }[] = [];
  let m = r.value.n;
  for (let k = 0; k < (opts.gridSteps ?? 8); k++) {
    m *= opts.gridFactor ?? 4n;
    const g = await pred(m);
    if (!g.ok) return g;
    grid.push({ n: m, holds: g.value.holds, evidence: g.value.evidence });
  }
  return ok({
    n0: r.value.n,
    from,
    atStart: r.value.n === from,
    atN0: r.value.atN,
    ...(r.value.atPrevious ? { previous: r.value.atPrevious } : {}),
    grid,
    gridHolds: grid.every((g) => g.holds),
    evaluations: r.value.evaluations + grid.length,
    milliseconds: Date.now() - started,
  });
}

export type SampleTarget = 'Gamma_G' | 'Gamma_1' | 'min E';

export interface SampleSize {
  readonly target: SampleTarget;
  readonly tau: Rational;
  readonly n: bigint;
  /** The bound at n (<= tau) and at n - 1 (> tau; absent when n = 1). */
  readonly atN: Enc;
  readonly atPrevious?: Enc;
  readonly evaluations: number;
}

/** The bound of `target` at n, as an enclosure. */
async function boundAt(setting: Setting, target: SampleTarget, n: bigint, digits: number, tau: Rational): Promise<Result<Enc>> {
  if (target === 'min E') {
    const eta = setting.eta && 'value' in setting.eta ? setting.eta.value : undefined;
    if (eta === undefined) return fail(error('EB6015', 'sample.size with min E needs the parameter eta (data equivariance error)'));
    const ctx = await contextAt(setting, n, { eta: value(eta), eps: value(eta) });
    if (!ctx.ok) return ctx;
    // Near the answer E(0) - tau is tiny, so the cell at the best point is refined far (geometrically: one evaluation a level).
    const c = await optimalEquivarianceError(ctx.value, eta, { digits, decide: tau, depth: 48 });
    if (!c.ok) return c;
    // Holding: E at the best eps (>= min E, <= tau). Failing: the least cell lower bound of min E (> tau).
    if (c.value.best.E.hi.le(tau)) return ok(c.value.best.E);
    return ok({ lo: c.value.minLower, hi: c.value.minLower, certified: c.value.certified, method: 'least cell lower bound of min E' });
  }
  const ctx = await contextAt(setting, n);
  if (!ctx.ok) return ctx;
  const g = await computeGamma(target === 'Gamma_G' ? ctx.value.coverG : ctx.value.coverX, ctx.value, digits, target);
  if (!g.ok) return g;
  return ok(g.value.gamma);
}

/**
 * sample.size: the least n with bound(n) <= tau. Gamma_n is non-increasing in n (the Dudley objective
 * is, for every alpha, and so is the confidence term), and so is min E; hence leastInteger's bracket is exact.
 */
export async function sampleSize(setting: Setting, target: SampleTarget, tau: Rational, opts: SearchOptions = {}): Promise<Result<SampleSize>> {
  const digits = opts.digits ?? 20;
  const pred = deadline(opts.timeLimitMs ?? 10 * 60_000, async (n: bigint): Promise<Result<Decision<Enc>>> => {
    for (let d = digits; d <= 4 * digits; d *= 2) {
      const v = await boundAt(setting, target, n, d, tau);
      if (!v.ok) return v;
      if (v.value.hi.le(tau)) return ok({ holds: true, evidence: v.value });
      if (tau.lt(v.value.lo)) return ok({ holds: false, evidence: v.value });
    }
    return fail(error('EB6061', `at n = ${n} the bound ${target} could not be separated from tau = ${tau}`));
  });
  const r = await leastInteger(opts.from ?? 1n, opts.to ?? SEARCH_CEILING, pred, { maxEvaluations: opts.maxEvaluations ?? 400 });
  if (!r.ok) return r;
  return ok({ target, tau, n: r.value.n, atN: r.value.atN, ...(r.value.atPrevious ? { atPrevious: r.value.atPrevious } : {}), evaluations: r.value.evaluations });
}
