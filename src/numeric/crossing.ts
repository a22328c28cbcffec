// THEORY dudley.cutoff: α* = inf { α ∈ (0, U] : h(α) ≤ c } for a non-increasing h, right-continuous at
// its jumps, found by a monotone search over the jump points (each decision proven by an interval
// enclosure) and, when the crossing falls inside a smooth piece, a verified root, with its closed form
// when the piece inverts (expr/invert.ts) and the form's value lands in the root's bracket. Never a minimiser.

import { sub } from '../expr/build.js';
import { invertEquation } from '../expr/invert.js';
import { Rational } from '../expr/rational.js';
import { freeSymbols } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import type { Approximation } from './api.js';
import { evaluate } from './evaluate.js';
import { formatDecimal } from './format.js';
import { analyse, countJumps, freezeBeside, freezeSteps, middleJump, substituteParameters } from './jumps.js';
import { findRoot, type VerifiedRoot } from './roots.js';
import { atMostZeroAt, type Enclosure } from './roots-enclosure.js';

export interface CrossingOptions {
  /** Digits for a crossing inside a smooth piece (default 50). */
  readonly digits?: number;
  /** Budget of decisions (halvings plus bisection steps, default 4000). */
  readonly maxSteps?: number;
  /** Starting precision of the enclosures in bits (default 256; raised up to 8 times that when undecided). */
  readonly precisionBits?: number;
}

/** h(α) − c at a point, enclosed: the evidence behind one decision of the search. */
export interface CrossingEvidence {
  readonly at: Rational;
  /** 'right': h(at) = h(at+) (right-continuous value); 'left': the limit h(at−). */
  readonly side: 'right' | 'left';
  /** Enclosure of h − c there. */
  readonly enclosure: Enclosure;
}

export type Crossing =
  /** α* is a jump point: h(α*−) > c ≥ h(α*). */
  | { readonly kind: 'jump'; readonly alpha: Rational; readonly below: CrossingEvidence; readonly at: CrossingEvidence; readonly steps: number }
  /**
   * α* is the root of a smooth piece [pieceLower, pieceUpper], certified in [root.lower, root.upper];
   * `closedForm` (no free symbol) when the frozen piece inverts and its value lies in that bracket.
   */
  | { readonly kind: 'root'; readonly root: Approximation; readonly closedForm?: Expr; readonly pieceLower: Rational; readonly pieceUpper: Rational; readonly steps: number }
  /** h > c on all of (0, U): α* = U, and the Dudley bound is the trivial one. */
  | { readonly kind: 'trivial'; readonly alpha: Rational; readonly below: CrossingEvidence; readonly steps: number };

/**
 * α* = inf { α ∈ (0, upper] : h(α) ≤ level } for h non-increasing in `variable` (taken on trust: the
 * caller's construction guarantees it). `level` may be any constant expression (e.g. sqrt(n)/3).
 */
export async function dudleyCrossing(
  h: Expr,
  variable: string,
  level: Expr,
  upper: Rational,
  env: ReadonlyMap<string, Rational>,
  opts: CrossingOptions = {},
): Promise<Result<Crossing>> {
  if (upper.sign <= 0) return fail(error('EB5005', `the crossing is sought on (0, ${upper}], which is empty`));
  const lv = substituteParameters(level, variable, env);
  if (!lv.ok) return lv;
  if (freeSymbols(lv.value).has(variable)) return fail(error('EB5004', `the level depends on ${variable}`));
  const st = analyse(sub(h, lv.value), variable, env, { kinks: false }); // h is continuous at kinks
  if (!st.ok) return st;
  const s = st.value;
  const bits = opts.precisionBits ?? 256;
  const maxSteps = opts.maxSteps ?? 4000;
  let steps = 0;

  // g(t) − c beside a point: right value (the function is right-continuous) or left limit.
  const decide = async (t: Rational, side: 1 | -1): Promise<Result<{ le: boolean; evidence: CrossingEvidence }>> => {
    steps++;
    const e = side > 0 ? freezeBeside(s, t, 1) : freezeBeside(s, t, -1);
    const r = await atMostZeroAt(e, variable, t, bits);
    if (!r.ok) return r;
    return ok({ le: r.value.atMost, evidence: { at: t, side: side > 0 ? 'right' : 'left', enclosure: r.value.enclosure } });
  };

  // 1. The left limit at U: if h(U−) > c, h > c on all of (0, U).
  const atU = await decide(upper, -1);
  if (!atU.ok) return atU;
  if (!atU.value.le) return ok({ kind: 'trivial', alpha: upper, below: atU.value.evidence, steps });

  // 2. A point L with h(L) > c, by squaring the scale: U/2, U/4, U/16, U/256, ... (then α* ∈ (L, R]).
  let R = upper;
  let L: Rational | undefined;
  for (let k = 0; ; k++) {
    if (steps >= maxSteps || k > 14) return fail(error('EB5105', `no point with h > c found down to ${formatDecimal(R, 6)}: the crossing is closer to 0 than the search reaches`));
    const cand = upper.div(Rational.of(1n << (1n << BigInt(k))));
    const r = await decide(cand, 1);
    if (!r.ok) return r;
    if (r.value.le) R = cand;
    else {
      L = cand;
      break;
    }
  }
  // 3. Bisection over the jump points inside (L, R).
  for (;;) {
    if (steps >= maxSteps) return fail(error('EB5105', `the crossing search used its budget of ${maxSteps} decisions`));
    const m = middleJump(s, L, R);
    if (m === undefined) break;
    const r = await decide(m, 1);
    if (!r.ok) return r;
    if (r.value.le) R = m;
    else L = m;
  }
  if (countJumps(s, L, R) !== 0n) throw new Error('crossing: bisection left a jump inside the bracket');

  // 4. (L, R) is a smooth piece with h(L) > c. If also h(R−) > c, α* = R, a jump point.
  const left = await decide(R, -1);
  if (!left.ok) return left;
  if (!left.value.le) {
    const at = await decide(R, 1);
    if (!at.ok) return at;
    if (!at.value.le) throw new Error('crossing: lost the bracket (h is not non-increasing?)');
    return ok({ kind: 'jump', alpha: R, below: left.value.evidence, at: at.value.evidence, steps });
  }
  // 5. Otherwise the piece crosses c at a root in (L, R].
  const piece = freezeSteps(s, L, R);
  const digits = opts.digits ?? 50;
  const root = await findRoot(piece, variable, L, R, new Map(), { digits });
  if (!root.ok) return root;
  const closedForm = await checkedClosedForm(piece, variable, root.value, digits);
  return ok({ kind: 'root', root: root.value.approximation, ...(closedForm ? { closedForm } : {}), pieceLower: L, pieceUpper: R, steps });
}

/** The piece's root in closed form (THEORY dudley.cutoff), or undefined when it has none we can trust. */
async function checkedClosedForm(piece: Expr, variable: string, root: VerifiedRoot, digits: number): Promise<Expr | undefined> {
  const inverse = invertEquation(piece, variable);
  if (inverse === undefined) return undefined;
  const value = await evaluate(inverse, new Map(), { digits });
  // A wrong closed form is never printed: its certified enclosure must lie inside the verified root bracket.
  return value.ok && root.lower.le(value.value.lower) && value.value.upper.le(root.upper) ? inverse : undefined;
}

