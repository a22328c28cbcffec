// The contract between the CLI and the theorem library (src/theory/library.ts, `theoremLibrary`): the
// commands see it through this interface only, and load it only when a file has bounds.

import { error, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import type { Expr } from '../expr/types.js';
import type { Rational } from '../expr/rational.js';
import type { BoundModel, Model, ScopeModel } from '../semantics/model.js';
import { closest } from '../syntax/did-you-mean.js';

export type CheckedModel = Model<Expr, Rational>;
export type CheckedScope = ScopeModel<Expr, Rational>;

// The shapes of a bound's values are the theory stage's (type-only: the library itself loads lazily).
import type { BoundValue, EvaluateBoundOptions } from '../theory/library.js';
export type { BoundHypothesis, BoundNumber, BoundValue, EvaluateBoundOptions } from '../theory/library.js';

export interface TheoremLibrary {
  /** Theorem ids it implements (gen.exact, gen.exact.power, tradeoff.optimal, …). */
  readonly theorems: ReadonlySet<string>;
  /**
   * Instantiates the theorem of `bound` in `setting` (the scope named by its first argument). Unknown
   * ids, missing hypotheses and failed computations are diagnostics (EB6xxx) with spans into `bound`.
   */
  evaluate(bound: BoundModel<Expr>, setting: CheckedScope, model: CheckedModel, options?: EvaluateBoundOptions): Promise<Result<BoundValue>>;
}

/**
 * The theorem library, loaded on first use (it pulls in the theory stage and its numerics). It is part of
 * the build: failing to load it is a bug, which reaches the CLI's guard as an internal error.
 */
export async function loadTheoremLibrary(): Promise<TheoremLibrary> {
  const { theoremLibrary } = await import('../theory/library.js');
  return theoremLibrary;
}

/** `bound g = gen.exat(…)`: the theorem id is not one of the library's (EB6016, bad input), with a suggestion. */
export function unknownTheorem(bound: BoundModel<Expr>, library: TheoremLibrary): Diagnostic {
  const guess = closest(bound.theorem, library.theorems);
  return error('EB6016', `no theorem is named \`${bound.theorem}\``, {
    span: bound.theoremSpan,
    hint: guess ? `did you mean \`${guess}\`? the ids are those of THEORY.md` : 'the ids are those of THEORY.md, e.g. gen.exact, gen.exact.power, gain.finite, tradeoff.optimal',
  });
}
