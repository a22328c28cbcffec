// What instantiating a theorem yields: the checked hypotheses, the bound as an expression (symbolic
// and with the setting's values), and its named values with how each was computed.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import type { Approximation } from '../numeric/api.js';
import type { TheoremId, TheoremSpec } from './registry.js';

/** exact: decided in exact arithmetic; catalog: by the group/space catalog; assumed: a declared assumption or a free parameter's domain; numeric: by a certified enclosure. */
export type HowChecked = 'exact' | 'catalog' | 'assumed' | 'numeric';

export interface CheckedHypothesis {
  readonly name: string;
  readonly statement: string;
  readonly how: HowChecked;
  readonly detail: string;
}

/** A named number of an instantiation. Exactly one of `exact`/`approximation` or `notComputed` describes it. */
export interface BoundValue {
  readonly name: string;
  readonly description: string;
  /** The closed form of this value, when it has one. */
  readonly expr?: Expr;
  /** The exact value when it is rational. */
  readonly exact?: Rational;
  readonly approximation?: Approximation;
  /** True when lower <= value <= upper is proven (interval arithmetic); false for quadrature estimates. */
  readonly certified?: boolean;
  /** A bound >= B on |R - R_n| is vacuous; undefined when not decided or not a deviation bound. */
  readonly vacuous?: boolean;
  /** Why the value was not computed (never a guess in its place). */
  readonly notComputed?: Diagnostic;
  readonly method?: string;
}

export interface Instantiation {
  readonly theorem: TheoremId;
  readonly spec: TheoremSpec;
  readonly hypotheses: readonly CheckedHypothesis[];
  /** The conclusion in the parameter symbols (lambda and B kept as symbols). */
  readonly symbolic: Expr;
  /** The conclusion with the loss constants and every known parameter substituted, canonicalised. */
  readonly bound: Expr;
  /** The relation the bound stands in: e.g. "|R(f) - R_n(f)| <=". */
  readonly relation: string;
  readonly values: readonly BoundValue[];
  readonly notes: readonly string[];
  /** The name of the value the bound's expression stands for, when it is not named by the relation. */
  readonly headline?: string;
}

export interface InstantiateArgs {
  /** Significant digits of the values (default 50). */
  readonly digits?: number;
  /** Skip numeric values (symbolic parts only). */
  readonly evaluate?: boolean;
  /** Scale t at which entropy bounds are evaluated (entropy.*, default: none). */
  readonly scale?: Rational;
  /** Budget of the word enumeration (partial.words). */
  readonly wordBudget?: number;
  /** tradeoff.optimal and sample.size: target tau, whether to search n0 / min E, certificate depth, time limit. */
  readonly tradeoff?: { readonly tau?: Rational; readonly n0?: boolean; readonly minE?: boolean; readonly depth?: number; readonly timeLimitMs?: number };
}

export function findValue(inst: Instantiation, name: string): BoundValue | undefined {
  return inst.values.find((v) => v.name === name);
}
