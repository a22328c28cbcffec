// The contract between the CLI and the theorem library (src/theory, a later issue). The library plugs in by
// providing src/theory/library.ts with `export const theoremLibrary: TheoremLibrary`; until it exists,
// every bound reports EB6001 and is never given a value.

import type { Result } from '../diagnostics/diagnostic.js';
import type { Expr } from '../expr/types.js';
import type { Rational } from '../expr/rational.js';
import type { BoundModel, Model, ScopeModel } from '../semantics/model.js';

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

const libraryModule = '../theory/library.js';

/** The theorem library if it is installed, else undefined (the caller reports EB6001). */
export async function loadTheoremLibrary(): Promise<TheoremLibrary | undefined> {
  try {
    const m = (await import(libraryModule)) as { theoremLibrary?: TheoremLibrary };
    return m.theoremLibrary;
  } catch (e) {
    // Absent library: undefined. A library that exists but fails to load is a bug and reaches the guard.
    const text = `${(e as NodeJS.ErrnoException)?.code ?? ''} ${(e as Error)?.message ?? ''}`;
    if (/ERR_MODULE_NOT_FOUND|Cannot find module|Failed to load url|does not exist/i.test(text) && text.includes('library')) return undefined;
    throw e;
  }
}
