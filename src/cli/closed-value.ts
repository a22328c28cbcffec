// Whether a bound's value can stand inside an expression that the interval evaluator computes: Gamma is
// an inf over a Dudley integral, whose digits come from the cut-off search and quadrature instead.

import { children } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';

/** True when e has no inf/sup, integral or limit left in it. */
export function directlyEvaluable(e: Expr): boolean {
  if (e.kind === 'extremum' || e.kind === 'integral' || e.kind === 'limit') return false;
  return children(e).every(directlyEvaluable);
}
