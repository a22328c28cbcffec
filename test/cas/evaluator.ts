// The wall's evaluator for the tests: N's MPFR `evaluate` (src/numeric/evaluate.ts) adapted to the
// PointEvaluator the CAS declares (src/cas cannot import src/numeric: it comes later in the pipeline).

import { ok, type Result } from '../../src/diagnostics/diagnostic.js';
import type { Enclosure, PointEvaluator } from '../../src/cas/outcome.js';
import { evaluate } from '../../src/numeric/evaluate.js';

export const evaluatePoint: PointEvaluator = async (e, env, digits): Promise<Result<Enclosure>> => {
  const r = await evaluate(e, env, { digits });
  return r.ok ? ok({ lower: r.value.lower, upper: r.value.upper }) : r;
};

/** Counts calls, to show that a test's check really evaluated. */
export function countingEvaluator(): { evaluate: PointEvaluator; calls: () => number } {
  let n = 0;
  return {
    evaluate: (e, env, digits) => {
      n++;
      return evaluatePoint(e, env, digits);
    },
    calls: () => n,
  };
}
