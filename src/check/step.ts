// A derivation step `lhs REL rhs` with its justification, and the four verdicts a step can get.
// A `proven` verdict carries a brand that only src/check/proof.ts can attach (imported by the provers only).

import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Assumptions } from '../expr/domains.js';
import type { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import type { TheoremStepSetting } from '../theory/theorem-steps.js';

export type Relation = '=' | '<=' | '<' | '>=' | '>';

/** One coordinate of an interval box: `lower <= x <= upper`, or the half-line `x >= lower` when upper is absent. */
export interface BoxRange {
  readonly variable: string;
  readonly lower: Rational;
  readonly upper?: Rational;
  /** Only integer values of the coordinate are claimed (n >= 1 with n an integer). */
  readonly integer?: boolean;
}

export type Justification =
  | { readonly kind: 'algebra' }
  | { readonly kind: 'interval'; readonly box: readonly BoxRange[] }
  | { readonly kind: 'theorem'; readonly id: string; readonly args: readonly Expr[] }
  | { readonly kind: 'monotone' }
  | { readonly kind: 'known'; readonly name: string };

export interface Step {
  readonly lhs: Expr;
  readonly rel: Relation;
  readonly rhs: Expr;
  readonly justification: Justification;
}

export type StepStatus = 'proven' | 'verified-numerically' | 'refuted' | 'undecided';

/** How a proof was obtained (for reports). */
export type ProofMethod = 'rewrite' | 'cas-exact' | 'sign' | 'interval' | 'known' | 'monotone' | 'theorem';

/** A point where the step fails, with certified enclosures of both sides there. */
export interface Counterexample {
  readonly point: ReadonlyMap<string, Rational>;
  /** Enclosures `lo <= value <= hi` of each side at the point (lo = hi when computed exactly). */
  readonly lhs: { readonly lo: Rational; readonly hi: Rational };
  readonly rhs: { readonly lo: Rational; readonly hi: Rational };
  /** Working precision of the certifying evaluation in bits, or 'exact' for rational arithmetic. */
  readonly precision: number | 'exact';
}

/** An axis-aligned box of rational ranges (the original coordinates), left open by the interval prover. */
export type Box = ReadonlyMap<string, { readonly lo: Rational; readonly hi: Rational | undefined }>;

interface Base {
  /** One line on why the step got its status. */
  readonly reason: string;
  readonly code?: DiagnosticCode;
}

declare const provenBrand: unique symbol;

export interface Proven extends Base {
  readonly status: 'proven';
  readonly method: ProofMethod;
  /** Rewrite rules or facts the proof used, for the report. */
  readonly used?: readonly string[];
  readonly [provenBrand]: true;
}

export interface VerifiedNumerically extends Base {
  readonly status: 'verified-numerically';
  /** Points at which the step held, and their working precision in digits. */
  readonly points: number;
  readonly digits: number;
}

export interface Refuted extends Base {
  readonly status: 'refuted';
  readonly counterexample: Counterexample;
}

export interface Undecided extends Base {
  readonly status: 'undecided';
  /** For interval steps: the boxes that were neither proven nor refuted when the budget ran out. */
  readonly remaining?: readonly Box[];
}

export type StepResult = Proven | VerifiedNumerically | Refuted | Undecided;

/**
 * What the theory layer answers for `by theorem ID(args)`. It cannot mint a branded proof (it comes
 * before the checker); the checker turns its answer into a StepResult and re-checks counterexamples.
 */
export interface TheoremStepOutcome {
  readonly status: StepStatus;
  readonly reason: string;
  readonly counterexample?: { readonly point: ReadonlyMap<string, Rational> };
}

export type TheoremStepChecker = (id: string, args: readonly Expr[], lhs: Expr, rel: Relation, rhs: Expr) => Promise<TheoremStepOutcome>;

/** Budgets of the searches behind a step; every search is bounded. */
export interface CheckBudget {
  /** Random points of the sampling fallback (>= 64). */
  readonly points: number;
  /** Digits of a point evaluation (>= 60). */
  readonly digits: number;
  /** Boxes the interval prover may examine. */
  readonly boxes: number;
  /** Wall-clock limit of one interval proof, ms. */
  readonly timeMs: number;
  /** Whether `=` steps may ask the CAS (nerdamer) to simplify. */
  readonly cas: boolean;
}

export const DEFAULT_BUDGET: CheckBudget = Object.freeze({ points: 64, digits: 60, boxes: 20_000, timeMs: 1_500, cas: true });

export interface CheckContext {
  /** Domains of the symbols (default positive reals). */
  readonly assumptions: Assumptions;
  readonly budget?: Partial<CheckBudget>;
  /** Seed of the point sampler, so a check can be repeated. */
  readonly seed?: number;
  readonly checkTheoremStep?: TheoremStepChecker;
  /** Progress of a branch and bound: boxes examined so far (of the budget) and boxes still open. */
  readonly onIntervalProgress?: (examined: number, budget: number, open: number) => void;
  /** The step's setting for `by theorem` instances (theorem-instance.ts); when given, checkTheoremStep is not asked. */
  readonly theoremSetting?: TheoremStepSetting;
}

export function budgetOf(ctx: CheckContext): CheckBudget {
  const b = { ...DEFAULT_BUDGET, ...ctx.budget };
  return { ...b, points: Math.max(1, b.points), digits: Math.max(20, b.digits) };
}

/** `lhs REL rhs` as `small REL' large` with REL' in =, <=, <. */
export function normalise(lhs: Expr, rel: Relation, rhs: Expr): { small: Expr; rel: '=' | '<=' | '<'; large: Expr } {
  switch (rel) {
    case '=':
    case '<=':
    case '<':
      return { small: lhs, rel, large: rhs };
    case '>=':
      return { small: rhs, rel: '<=', large: lhs };
    case '>':
      return { small: rhs, rel: '<', large: lhs };
  }
}
