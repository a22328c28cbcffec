// What a CAS call returns: the result together with how it was checked. `exact` means our own
// rewrite rules proved it; `numerically-verified` means equal at k sampled points, which is not a proof.

import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import type { Domain } from '../expr/domains.js';
import type { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';

export type { Domain } from '../expr/domains.js';

/** An enclosure `lower <= value <= upper` from the numeric engine. */
export interface Enclosure {
  readonly lower: Rational;
  readonly upper: Rational;
}

/**
 * Evaluates an expression at a point to `digits` significant digits. Injected by the caller (the
 * numeric engine comes after the CAS in the pipeline); an undefined value is a failed Result.
 */
export type PointEvaluator = (e: Expr, env: ReadonlyMap<string, Rational>, digits: number) => Promise<Result<Enclosure>>;

export type Operation = 'simplify' | 'expand' | 'factor' | 'differentiate' | 'integrate' | 'definite-integral' | 'solve' | 'limit';

export type CheckMethod =
  | 'identical' // the CAS returned its input unchanged
  | 'rewrite' // our rules reduced input - output to 0
  | 'points' // input and output agree at sampled points
  | 'derivative' // our derivative of an antiderivative agrees with the integrand at sampled points
  | 'substitution' // the equation holds at the solution at sampled points
  | 'asymptotic'; // the body approaches the limit along n = 10^10, 10^20, 10^40

/** The point where a check failed and both sides' values there (decimal text, ours). */
export interface Witness {
  readonly point: ReadonlyMap<string, Rational>;
  readonly expected: string;
  readonly got: string;
}

export interface Check {
  readonly method: CheckMethod;
  /** Points at which both sides were defined and agreed (0 for a symbolic proof). */
  readonly points: number;
  /** Working precision of the evaluations, in significant digits. */
  readonly digits: number;
  /** Points discarded because a side was undefined there. */
  readonly resampled: number;
  /** Rewrite rules used by a symbolic proof. */
  readonly rules?: readonly string[];
  /** Present on rejection. */
  readonly witness?: Witness;
}

interface Base {
  readonly operation: Operation;
  readonly input: Expr;
}

export interface Accepted extends Base {
  readonly status: 'exact' | 'numerically-verified';
  readonly expr: Expr;
  readonly check: Check;
}

/** The CAS produced `expr`, and the wall showed it wrong: it must never be used. */
export interface Rejected extends Base {
  readonly status: 'rejected';
  readonly expr: Expr;
  readonly check: Check;
  readonly diagnostics: readonly Diagnostic[];
}

/** No result: the CAS failed, timed out, left the operation unevaluated, or its output was unreadable. */
export interface Failed extends Base {
  readonly status: 'failed';
  readonly diagnostics: readonly Diagnostic[];
}

export type CasOutcome = Accepted | Rejected | Failed;

export interface SolveOutcome {
  readonly operation: 'solve';
  readonly input: Expr;
  readonly variable: string;
  /** 'exact' / 'numerically-verified' when every accepted solution is; 'rejected' when every candidate failed the wall. */
  readonly status: 'exact' | 'numerically-verified' | 'rejected' | 'failed';
  readonly solutions: readonly Accepted[];
  readonly rejected: readonly Rejected[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface CasOptions {
  /** The numeric engine used by the wall (N's `evaluate`). Required: no CAS result is accepted unchecked. */
  readonly evaluate: PointEvaluator;
  /** Declared domains; symbols not listed are positive reals. */
  readonly domains?: ReadonlyMap<string, Domain>;
  /** Agreeing points required (default 16). */
  readonly points?: number;
  /** Digits of each evaluation (default 60). */
  readonly digits?: number;
  /** Time limit of one CAS call in ms (default 2000); also nerdamer's TIMEOUT. */
  readonly timeoutMs?: number;
  /** Seed of the point sampler (default fixed, so results are reproducible). */
  readonly seed?: number;
  /** Largest number of terms `expand` may produce before it is refused as a timeout (default 300). */
  readonly termBudget?: number;
}

export function isAccepted(o: CasOutcome): o is Accepted {
  return o.status === 'exact' || o.status === 'numerically-verified';
}
