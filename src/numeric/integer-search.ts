// The least integer n in [lo, hi] at which a monotone predicate holds (false ... false true ... true):
// galloping from lo, then bisection. Ranges up to 10^30 and beyond in BigInt; every call is budgeted.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';

/** A predicate's answer with whatever evidence it computed (e.g. the enclosures it compared). */
export interface Decision<E> {
  readonly holds: boolean;
  readonly evidence: E;
}

export type IntegerPredicate<E> = (n: bigint) => Promise<Result<Decision<E>>> | Result<Decision<E>>;

export interface LeastInteger<E> {
  readonly n: bigint;
  /** The predicate's evidence at n (it holds there). */
  readonly atN: E;
  /** The evidence at n - 1 (it fails there), absent when n = lo. */
  readonly atPrevious?: E;
  readonly evaluations: number;
}

/**
 * The least n in [lo, hi] with predicate(n), assuming monotonicity. EB5107 when it fails at hi;
 * a predicate's own failure (e.g. an undecidable comparison) is passed on; EB5105 beyond maxEvaluations.
 */
export async function leastInteger<E>(lo: bigint, hi: bigint, predicate: IntegerPredicate<E>, opts: { maxEvaluations?: number } = {}): Promise<Result<LeastInteger<E>>> {
  const budget = opts.maxEvaluations ?? 1000;
  if (hi < lo) return fail(error('EB5107', `empty integer range [${lo}, ${hi}]`));
  let evaluations = 0;
  const memo = new Map<bigint, Decision<E>>();
  const ask = async (n: bigint): Promise<Result<Decision<E>>> => {
    const hit = memo.get(n);
    if (hit) return ok(hit);
    if (evaluations >= budget) return fail(error('EB5105', `integer search stopped after ${evaluations} evaluations`));
    evaluations++;
    const r = await predicate(n);
    if (r.ok) memo.set(n, r.value);
    return r;
  };

  const first = await ask(lo);
  if (!first.ok) return first;
  if (first.value.holds) return ok({ n: lo, atN: first.value.evidence, evaluations });

  // Galloping: lo + 1, lo + 2, lo + 4, ... until the predicate holds or hi is reached.
  let below = lo; // predicate false here
  let above = hi; // predicate true here (once the gallop below finds it)
  for (let step = 1n; ; step *= 2n) {
    const probe = lo + step > hi ? hi : lo + step;
    const r = await ask(probe);
    if (!r.ok) return r;
    if (r.value.holds) {
      above = probe;
      break;
    }
    below = probe;
    if (probe === hi) return fail(error('EB5107', `the predicate does not hold at the upper end ${hi}`));
  }
  // Bisection on (below, above].
  while (above - below > 1n) {
    const mid: bigint = below + (above - below) / 2n;
    const r = await ask(mid);
    if (!r.ok) return r;
    if (r.value.holds) above = mid;
    else below = mid;
  }
  const atN = memo.get(above)!;
  const prev = memo.get(below);
  if (!prev || prev.holds) return fail(error('EB5105', 'integer search lost its bracket (the predicate is not monotone)'));
  return ok({ n: above, atN: atN.evidence, atPrevious: prev.evidence, evaluations });
}
