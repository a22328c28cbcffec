// The minimiser eps* of E(eps) = lambda (eta - eps)_+ + 2 Gamma(eps) (THEORY §5 tradeoff.optimal): the additive
// closed form, and a cell-exclusion certificate on [0, eta] for Gamma of gen.approx.

import { error, fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import { Rational } from '../../expr/rational.js';
import { missingValues, type Context } from '../context.js';
import { addEnc, minEnc, point, scaleEnc, type Enc } from '../evaluate-bound.js';
import { approxGamma } from './approx.js';

export type Regime = 'exact equivariance' | 'matching' | 'interior' | 'undecided';

/** E and Gamma at one eps; `scale` absent when Gamma_scale is not available for the setting. */
export interface ExcessPoint {
  readonly eps: Rational;
  readonly E: Enc;
  readonly gamma: Enc;
  readonly scale?: Enc;
}

/** A cell [lo, hi] of [0, eta] with a lower bound of E on it; excluded when lower > min E at a point. */
export interface ExcessCell {
  readonly lo: Rational;
  readonly hi: Rational;
  readonly lower: Rational;
  readonly excluded: boolean;
}

export interface AdditiveTradeoff {
  /** min(lambda eta + 2 Gamma_G, 2 Gamma_1): the minimum of the additive excess bound. */
  readonly minimum: Enc;
  /** 2 (Gamma_1 - Gamma_G)/lambda: exact equivariance wins iff eta <= threshold. */
  readonly threshold: Enc;
  readonly regime: 'exact equivariance' | 'matching' | 'undecided';
}

export interface OptimalCertificate {
  readonly eta: Rational;
  readonly lambda: Rational;
  readonly gammaG: Enc;
  readonly gamma1: Enc;
  readonly scaleAvailable: boolean;
  readonly additive: AdditiveTradeoff;
  /** Every evaluated point, sorted by eps. */
  readonly points: readonly ExcessPoint[];
  /** The final partition of [0, eta]. */
  readonly cells: readonly ExcessCell[];
  /** The evaluated point with the least upper bound of E: the reported eps*. */
  readonly best: ExcessPoint;
  /** Every minimiser of E over eps >= 0 lies in [minimiserLo, minimiserHi] (hull of the surviving cells). */
  readonly minimiserLo: Rational;
  readonly minimiserHi: Rational;
  /** min E lies in [minLower, best.E.hi]. */
  readonly minLower: Rational;
  readonly regime: Regime;
  /** True when every enclosure used is proven; false when some come from quadrature error estimates. */
  readonly certified: boolean;
  readonly evaluations: number;
}

export interface OptimalOptions {
  readonly digits?: number;
  /** Cells of the first uniform partition of [0, eta] (default 16). */
  readonly cells?: number;
  /** Surviving cells are split down to width eta/2^depth (default 12). */
  readonly depth?: number;
  /** Budget of Gamma evaluations (default 120). */
  readonly maxEvaluations?: number;
  /** Stop early once min E <= decide (true) or every cell's lower bound exceeds it (false); for sample.size. */
  readonly decide?: Rational;
}

/** Fact 2 of tradeoff.optimal: the closed form with Gamma = min(Gamma_G + 2 lambda eps, Gamma_1). */
export function additiveTradeoff(gammaG: Enc, gamma1: Enc, lambda: Rational, eta: Rational): AdditiveTradeoff {
  const exactSide = addEnc(point(lambda.mul(eta)), scaleEnc(Rational.TWO, gammaG));
  const matchSide = scaleEnc(Rational.TWO, gamma1);
  const threshold = scaleEnc(Rational.TWO.div(lambda), addEnc(gamma1, scaleEnc(Rational.MINUS_ONE, gammaG)));
  const regime = eta.compare(threshold.lo) <= 0 ? 'exact equivariance' : threshold.hi.lt(eta) ? 'matching' : 'undecided';
  return { minimum: minEnc(exactSide, matchSide), threshold, regime };
}

const key = (q: Rational) => q.toString();

/**
 * Minimises E over eps >= 0. Fact 1 (E is non-decreasing on [eta, oo)) confines eps* to [0, eta]. On a cell
 * [a, b] each branch of Gamma is non-decreasing in eps (Gamma_scale because its entropy min(H_1(t), H_G(t - eps))
 * grows with eps; Gamma_G + 2 lambda eps and Gamma_1 explicitly), so Gamma >= min(Gamma_scale(a), Gamma_G + 2 lambda a,
 * Gamma_1) there and E >= lambda (eta - b) + 2 that; a cell whose bound exceeds E at an evaluated point holds no minimiser.
 */
export async function optimalEquivarianceError(ctx: Context, eta: Rational, opts: OptimalOptions = {}): Promise<Result<OptimalCertificate>> {
  const digits = opts.digits ?? 30;
  const depth = opts.depth ?? 12;
  const budget = opts.maxEvaluations ?? 120;
  const initial = Math.max(1, opts.cells ?? 16);
  if (eta.sign < 0) return fail(error('EB6022', `eta = ${eta} is not non-negative`));
  const lambda = ctx.params.env.get('lambda');
  if (lambda === undefined) return fail(missingValues('E(eps)', ['lambda']));
  const base = await approxGamma(ctx, Rational.ZERO, digits);
  if (!base.ok) return base;
  const gammaG = base.value.gammaG.gamma;
  const gamma1 = base.value.gamma1.gamma;
  const additive = additiveTradeoff(gammaG, gamma1, lambda, eta);
  const points = new Map<string, ExcessPoint>();
  points.set(key(Rational.ZERO), { eps: Rational.ZERO, E: addEnc(point(lambda.mul(eta)), scaleEnc(Rational.TWO, base.value.gamma)), gamma: base.value.gamma, scale: gammaG });
  let evaluations = 1;
  let scaleAvailable: boolean | undefined;

  const at = async (eps: Rational): Promise<Result<ExcessPoint>> => {
    const hit = points.get(key(eps));
    if (hit) return ok(hit);
    evaluations++;
    const a = await approxGamma(ctx, eps, digits);
    if (!a.ok) return a;
    if (scaleAvailable === undefined) scaleAvailable = a.value.scale.ok;
    else if (scaleAvailable !== a.value.scale.ok) return fail(error('EB6026', `Gamma_scale was computed at some eps but not at eps = ${eps}: the certificate needs one definition of Gamma`));
    const gap = eta.sub(eps).max(Rational.ZERO);
    const p: ExcessPoint = { eps, E: addEnc(point(lambda.mul(gap)), scaleEnc(Rational.TWO, a.value.gamma)), gamma: a.value.gamma, ...(a.value.scale.ok ? { scale: a.value.scale.value.value } : {}) };
    points.set(key(eps), p);
    return ok(p);
  };

  if (eta.isZero()) {
    const p = points.get(key(Rational.ZERO))!;
    return ok({ eta, lambda, gammaG, gamma1, scaleAvailable: true, additive, points: [p], cells: [], best: p, minimiserLo: eta, minimiserHi: eta, minLower: p.E.lo, regime: 'exact equivariance', certified: p.E.certified, evaluations });
  }

  let grid: Rational[] = [];
  for (let i = 0; i <= initial; i++) grid.push(eta.mul(Rational.of(i, initial)));
  for (const x of grid) {
    const r = await at(x);
    if (!r.ok) return r;
  }
  const resolution = eta.div(Rational.of(2n ** BigInt(depth)));
  const branchLower = (a: Rational): Rational => {
    const p = points.get(key(a))!;
    const additiveLo = gammaG.lo.add(Rational.TWO.mul(lambda).mul(a));
    const lows = [additiveLo, gamma1.lo, ...(p.scale && scaleAvailable !== false ? [p.scale.lo] : [])];
    return lows.reduce((m, x) => m.min(x));
  };
  const cellLower = (a: Rational, c: Rational) => lambda.mul(eta.sub(c).max(Rational.ZERO)).add(Rational.TWO.mul(branchLower(a)));

  let cells: ExcessCell[] = [];
  let best = points.get(key(Rational.ZERO))!;
  for (;;) {
    best = [...points.values()].reduce((m, p) => (p.E.hi.lt(m.E.hi) ? p : m));
    const upper = best.E.hi;
    cells = [];
    for (let i = 0; i + 1 < grid.length; i++) {
      const lower = cellLower(grid[i]!, grid[i + 1]!);
      cells.push({ lo: grid[i]!, hi: grid[i + 1]!, lower, excluded: upper.lt(lower) });
    }
    const live = cells.filter((c) => !c.excluded);
    if (opts.decide !== undefined) {
      if (upper.le(opts.decide)) break;
      if (live.every((c) => opts.decide!.lt(c.lower))) break;
    }
    // Deciding min E <= decide, only cells that could still hold a value <= decide need refining.
    const pending = opts.decide !== undefined ? live.filter((c) => c.lower.le(opts.decide!)) : live;
    const splittable = pending.filter((c) => resolution.lt(c.hi.sub(c.lo)));
    if (splittable.length === 0 || evaluations + splittable.length > budget) break;
    const next = new Set(grid.map(key));
    const added: Rational[] = [];
    for (const c of splittable) {
      const mid = c.lo.add(c.hi).div(Rational.TWO);
      const r = await at(mid);
      if (!r.ok) return r;
      if (!next.has(key(mid))) added.push(mid);
    }
    grid = [...grid, ...added].sort((x, y) => x.compare(y));
  }
  const live = cells.filter((c) => !c.excluded);
  const minimiserLo = live.length > 0 ? live[0]!.lo : best.eps;
  const minimiserHi = live.length > 0 ? live[live.length - 1]!.hi : best.eps;
  const minLower = live.reduce((m, c) => m.min(c.lower), best.E.lo);
  const contiguous = live.every((c, i) => i === 0 || c.lo.equals(live[i - 1]!.hi));
  const width = minimiserHi.sub(minimiserLo);
  const small = contiguous && width.le(eta.div(Rational.of(4)));
  const regime: Regime = !small ? 'undecided' : minimiserLo.isZero() ? 'exact equivariance' : minimiserHi.equals(eta) ? 'matching' : 'interior';
  const all = [...points.values()].sort((x, y) => x.eps.compare(y.eps));
  const certified = all.every((p) => p.E.certified);
  return ok({ eta, lambda, gammaG, gamma1, scaleAvailable: scaleAvailable !== false, additive, points: all, cells, best, minimiserLo, minimiserHi, minLower, regime, certified, evaluations });
}

/** One line describing the certificate, for notes and the CLI. */
export function describeCertificate(c: OptimalCertificate): string {
  const live = c.cells.filter((x) => !x.excluded).length;
  return (
    `E evaluated at ${c.points.length} points of [0, ${c.eta}]; ${c.cells.length - live} of ${c.cells.length} cells excluded by lower bounds above E(${c.best.eps}) ` +
    `(Gamma_scale is non-decreasing in eps, so on [a, b] it is >= Gamma_scale(a)); every minimiser lies in [${c.minimiserLo}, ${c.minimiserHi}]` +
    (c.certified ? '' : '; the Gamma values come from quadrature with estimated error, so the cell bounds are estimates too')
  );
}

/** E on a cell of the certificate for reports: min E in [minLower, E(best)]. */
export function minimumEnclosure(c: OptimalCertificate): Enc {
  return { lo: c.minLower, hi: c.best.E.hi, certified: c.certified, method: 'cell-exclusion certificate on [0, eta]' };
}

