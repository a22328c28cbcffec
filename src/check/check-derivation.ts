// Checks a derivation chain e0 REL1 e1 REL2 e2 ...: each step on its own by its justification, then
// the chain's conclusion e0 REL en, which holds only when every step is proven and the relations compose.

import { Assumptions, interval as intervalDomain, atLeast } from '../expr/domains.js';
import type { Expr } from '../expr/types.js';
import { checkAlgebra, sampleStep, signProof } from './algebra.js';
import { proveOverBox } from './interval-prover.js';
import { checkKnown } from './known.js';
import { checkTheoremInstance, pointEvaluable } from './theorem-instance.js';
import { checkMonotone } from './monotone.js';
import { comparePoint, counterexampleOf, pointText } from './point-check.js';
import { proven } from './proof.js';
import { budgetOf, normalise, type BoxRange, type CheckContext, type Justification, type Relation, type Step, type StepResult } from './step.js';

export interface ChainLink {
  readonly rel: Relation;
  readonly expr: Expr;
  readonly justification?: Justification;
}

export interface Chain {
  readonly first: Expr;
  readonly links: readonly ChainLink[];
}

export interface CheckedStep extends Step {
  readonly index: number;
  readonly result: StepResult;
  readonly ms: number;
}

export interface DerivationSummary {
  readonly proven: number;
  readonly verified: number;
  readonly refuted: number;
  readonly undecided: number;
  /** The composed relation of the chain, or undefined when <= and >= are mixed (EB7003). */
  readonly relation: Relation | undefined;
  /** True when every step is proven and the relation composes: e0 relation en is then proven. */
  readonly established: boolean;
  readonly message: string;
}

export interface DerivationResult {
  readonly first: Expr;
  readonly last: Expr;
  readonly steps: readonly CheckedStep[];
  readonly summary: DerivationSummary;
}

/** The domains refined by an interval box (used by sign inference before branch and bound). */
function assumptionsWithBox(a: Assumptions, box: readonly BoxRange[]): Assumptions {
  let out = a;
  for (const r of box) out = out.with(r.variable, r.upper ? intervalDomain(r.lower, r.upper, { integer: r.integer ?? false }) : atLeast(r.lower, { integer: r.integer ?? false }));
  return out;
}

async function checkInterval(step: Step, box: readonly BoxRange[], ctx: CheckContext): Promise<StepResult> {
  const n = normalise(step.lhs, step.rel, step.rhs);
  const budget = budgetOf(ctx);
  const progress = ctx.onIntervalProgress;
  const opts = { boxes: budget.boxes, timeMs: budget.timeMs, digits: budget.digits, ...(progress ? { onProgress: (examined: number, open: number) => progress(examined, budget.boxes, open) } : {}) };
  if (n.rel === '=') {
    const up = await proveOverBox(n.small, '<=', n.large, box, opts);
    if (up.status !== 'proven') return up;
    const down = await proveOverBox(n.large, '<=', n.small, box, opts);
    return down.status === 'proven' ? proven('interval', 'both inequalities proven over the box') : down;
  }
  const s = signProof(n.small, n.large, n.rel === '<', assumptionsWithBox(ctx.assumptions, box));
  if (s) return s;
  return proveOverBox(n.small, n.rel, n.large, box, opts);
}

/** Turns the theory layer's answer into a verdict; its counterexamples are re-checked here. */
async function checkTheorem(step: Step, id: string, args: readonly Expr[], ctx: CheckContext): Promise<StepResult> {
  const n = normalise(step.lhs, step.rel, step.rhs);
  if (ctx.theoremSetting) {
    const r = await checkTheoremInstance(step, id, args, ctx.theoremSetting, ctx);
    return r.status === 'proven' ? guard(r, n, id, ctx) : r;
  }
  if (!ctx.checkTheoremStep) return { status: 'undecided', code: 'EB7002', reason: `no theorem checker is available for ${id}` };
  const out = await ctx.checkTheoremStep(id, args, step.lhs, step.rel, step.rhs);
  switch (out.status) {
    case 'proven':
      return guard(proven('theorem', `instance of ${id}: ${out.reason}`, [id]), n, id, ctx);
    case 'refuted': {
      if (!out.counterexample) return { status: 'undecided', code: 'EB7002', reason: `theorem ${id}: ${out.reason} (no point given to confirm)` };
      const c = await comparePoint(n.small, n.rel, n.large, out.counterexample.point, budgetOf(ctx).digits);
      if (c.verdict !== 'violated') return { status: 'undecided', code: 'EB7002', reason: `theorem ${id}: the reported counterexample at ${pointText(out.counterexample.point)} did not survive a certified evaluation` };
      return { status: 'refuted', code: 'EB7001', reason: `theorem ${id}: ${out.reason}`, counterexample: counterexampleOf(out.counterexample.point, c.comparison)! };
    }
    case 'verified-numerically':
    case 'undecided':
      return { status: 'undecided', code: 'EB7002', reason: `theorem ${id}: ${out.reason}` };
  }
}

/** A cheap guard against a wrong instantiation: a proven theorem step must not fail at sampled points. */
async function guard(r: StepResult, n: ReturnType<typeof normalise>, id: string, ctx: CheckContext): Promise<StepResult> {
  if (!pointEvaluable(n.small) || !pointEvaluable(n.large)) return r;
  const sampled = await sampleStep(n.small, n.rel, n.large, { ...ctx, budget: { ...ctx.budget, points: 16 } });
  return sampled.result.status === 'refuted' ? { ...sampled.result, reason: `theorem ${id} was claimed, but the step ${sampled.result.reason}` } : r;
}

/** Checks one step by its justification (algebra when none is given). */
export async function checkStep(step: Step, ctx: CheckContext): Promise<StepResult> {
  const j = step.justification;
  switch (j.kind) {
    case 'algebra':
      return checkAlgebra(step.lhs, step.rel, step.rhs, ctx);
    case 'interval':
      return checkInterval(step, j.box, ctx);
    case 'theorem':
      return checkTheorem(step, j.id, j.args, ctx);
    case 'monotone':
      return withRefutation(checkMonotone(step.lhs, step.rel, step.rhs, ctx.assumptions), step, ctx);
    case 'known':
      return withRefutation(checkKnown(j.name, step.lhs, step.rel, step.rhs, ctx.assumptions), step, ctx);
  }
}

/** An undecided symbolic check still looks for a certified counterexample, so a false step says so. */
async function withRefutation(r: StepResult, step: Step, ctx: CheckContext): Promise<StepResult> {
  if (r.status !== 'undecided') return r;
  const n = normalise(step.lhs, step.rel, step.rhs);
  const sampled = await sampleStep(n.small, n.rel, n.large, ctx);
  return sampled.result.status === 'refuted' ? sampled.result : r;
}

/** The relation of a chain: all = give =; otherwise the direction of the inequalities, strict if any is. */
export function composeRelations(rels: readonly Relation[]): Relation | undefined {
  const up = rels.some((r) => r === '<' || r === '<=');
  const down = rels.some((r) => r === '>' || r === '>=');
  if (up && down) return undefined;
  if (!up && !down) return '=';
  const strict = rels.some((r) => r === '<' || r === '>');
  return up ? (strict ? '<' : '<=') : strict ? '>' : '>=';
}

export async function checkDerivation(chain: Chain, ctx: CheckContext = { assumptions: Assumptions.positive }): Promise<DerivationResult> {
  const steps: CheckedStep[] = [];
  let prev = chain.first;
  for (const [index, link] of chain.links.entries()) {
    const step: Step = { lhs: prev, rel: link.rel, rhs: link.expr, justification: link.justification ?? { kind: 'algebra' } };
    const t0 = performance.now();
    const result = await checkStep(step, ctx);
    steps.push({ ...step, index, result, ms: performance.now() - t0 });
    prev = link.expr;
  }
  return chainResult(chain.first, prev, steps);
}

/**
 * A chain's result from its checked steps: first REL last, with REL composed from the steps' relations,
 * is established only when every step is proven. Shared by checkDerivation and the CLI, which checks
 * each step alone under a wall-clock limit.
 */
export function chainResult(first: Expr, last: Expr, steps: readonly CheckedStep[]): DerivationResult {
  const count = (s: StepResult['status']) => steps.filter((x) => x.result.status === s).length;
  const relation = composeRelations(steps.map((s) => s.rel));
  const p = count('proven');
  const established = relation !== undefined && p === steps.length && steps.length > 0;
  const message =
    relation === undefined
      ? 'no conclusion: the chain mixes <= (or <) with >= (or >)'
      : established
        ? `the chain proves first ${relation} last`
        : `first ${relation} last is not established: ${steps.length - p} of ${steps.length} steps are not proven`;
  return {
    first,
    last,
    steps,
    summary: { proven: p, verified: count('verified-numerically'), refuted: count('refuted'), undecided: count('undecided'), relation, established, message },
  };
}
