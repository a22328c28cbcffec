// The part of an Instantiation a theorem module computes; instantiate() adds the id and the spec.

import type { Expr } from '../../expr/types.js';
import type { BoundValue, CheckedHypothesis } from '../instantiation.js';

export interface TheoremBody {
  readonly hypotheses: readonly CheckedHypothesis[];
  readonly symbolic: Expr;
  readonly relation: string;
  readonly values: readonly BoundValue[];
  readonly notes: readonly string[];
  /** The name of the value the bound's expression stands for, when it is not named by the relation. */
  readonly headline?: string;
}
