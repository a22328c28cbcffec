// The contract between the CLI and the theorem library (src/theory, a later issue). The library plugs in by
// providing src/theory/library.ts with `export const theoremLibrary: TheoremLibrary`; until it exists,
// every bound reports EB6001 and is never given a value.

import type { Result } from '../diagnostics/diagnostic.js';
import type { Expr } from '../expr/types.js';
import type { Rational } from '../expr/rational.js';
import type { BoundModel, Model, ScopeModel } from '../semantics/model.js';

export type CheckedModel = Model<Expr, Rational>;
export type CheckedScope = ScopeModel<Expr, Rational>;

/** One named number of a bound (the bound itself, its cut-off, a ratio, …) as computed by the library. */
export interface BoundNumber {
  readonly name: string;
  readonly description: string;
  /** Digits, an integer or a fraction; absent when not computed (then `note` says why). */
  readonly text?: string;
  /** True when `text` is the exact value (printed with =, never \approx). */
  readonly exact: boolean;
  /** True when every printed digit is proven; false for quadrature estimates. */
  readonly certified: boolean;
  readonly vacuous?: boolean;
  readonly note?: string;
}

export interface BoundHypothesis {
  readonly name: string;
  readonly statement: string;
  /** How it was checked: exact, catalog, assumed or numeric. */
  readonly how: string;
  readonly detail: string;
}

export interface BoundValue {
  /** The bound as an expression in the setting's parameters (values substituted where known). */
  readonly value: Expr;
  /** What the bound bounds, e.g. "|R(f) - R_n(f)| <=". */
  readonly relation?: string;
  /** How the bound's name relates to `value` (an upper bound, an identity or a lower bound). */
  readonly relationSymbol?: '=' | '<=' | '>=';
  /** The bound's numbers, the headline first. */
  readonly numbers?: readonly BoundNumber[];
  readonly hypotheses?: readonly BoundHypothesis[];
  /** True when the bound is at least the loss range B (the theorem says nothing). */
  readonly vacuous?: boolean;
  /** One-line remarks printed under the value (e.g. the cut-off alpha*). */
  readonly notes?: readonly string[];
}

export interface EvaluateBoundOptions {
  /** Significant digits of the numbers. */
  readonly digits: number;
}

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
