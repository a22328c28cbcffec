// `by algebra`: an identity is proven when lhs - rhs rewrites to 0 (our positivity-aware rules, or
// CAS simplifications each certified exact by those rules); an inequality when rhs - lhs rewrites to
// an expression whose inferred sign is >= 0 (> 0). Otherwise both sides are compared at random
// points of the declared domains: a certified violation refutes, agreement everywhere only verifies.

import { simplify } from '../cas/operations.js';
import type { PointEvaluator } from '../cas/outcome.js';
import { ok } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import type { Assumptions, Domain } from '../expr/domains.js';
import { expand } from '../expr/expand.js';
import { collectPowers, provablyZero, rewrite } from '../expr/rewrite.js';
import { ANY, isNonnegative, isPositive, signOf, type SignMask } from '../expr/sign.js';
import { freeSymbols, size } from '../expr/traverse.js';
import { equals, type Expr } from '../expr/types.js';
import { evaluate } from '../numeric/evaluate.js';
import { comparePoint, counterexampleOf, pointText } from './point-check.js';
import { proven } from './proof.js';
import { sampleValue, seededRandom } from './sampling.js';
import { budgetOf, normalise, type CheckContext, type Relation, type StepResult } from './step.js';
import type { Rational } from '../expr/rational.js';

/** Forms of e tried by the sign and zero tests: as given, expanded, rewritten, powers collected. */
function forms(e: Expr, a: Assumptions): { expr: Expr; rules: readonly string[] }[] {
  const out: { expr: Expr; rules: readonly string[] }[] = [{ expr: e, rules: [] }];
  const tryAdd = (f: () => { expr: Expr; rules: readonly string[] }) => {
    try {
      const x = f();
      if (!out.some((o) => equals(o.expr, x.expr))) out.push(x);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err; // expansion beyond its budget
    }
  };
  tryAdd(() => ({ expr: expand(e), rules: ['expand'] }));
  const rw = rewrite(e, a);
  tryAdd(() => ({ expr: rw.expr, rules: [...rw.rules] }));
  tryAdd(() => ({ expr: expand(rw.expr), rules: [...rw.rules, 'expand'] }));
  tryAdd(() => {
    const c = collectPowers(expand(rw.expr), a);
    return { expr: expand(c.expr), rules: [...rw.rules, ...c.rules, 'expand'] };
  });
  return out;
}

/** The tightest sign mask sign inference finds over the rewritten forms of e. */
export function signOfForms(e: Expr, a: Assumptions): SignMask {
  let best: SignMask = ANY;
  for (const f of forms(e, a)) best &= signOf(f.expr, a);
  return best === 0 ? ANY : best;
}

/** rhs - lhs >= 0 (> 0 when strict) by sign inference on one of its rewritten forms. */
export function signProof(small: Expr, large: Expr, strict: boolean, a: Assumptions): StepResult | undefined {
  for (const f of forms(b.sub(large, small), a)) {
    if (strict ? isPositive(f.expr, a) : isNonnegative(f.expr, a)) {
      return proven('sign', `the difference rhs - lhs is ${strict ? 'positive' : 'non-negative'} by sign inference on the declared domains`, f.rules);
    }
  }
  return undefined;
}

/** The numeric engine as the CAS wall's point evaluator. */
export const pointEvaluator: PointEvaluator = async (e, env, digits) => {
  const r = await evaluate(e, env, { digits });
  return r.ok ? ok({ lower: r.value.lower, upper: r.value.upper }) : r;
};

function domainsOf(symbols: Iterable<string>, a: Assumptions): Map<string, Domain> {
  return new Map([...symbols].map((s) => [s, a.domainOf(s)]));
}

const MAX_CAS_NODES = 60;

/** lhs = rhs through CAS simplifications of each side, each certified exact by our rules. */
async function casProof(lhs: Expr, rhs: Expr, a: Assumptions): Promise<StepResult | undefined> {
  const domains = domainsOf(new Set([...freeSymbols(lhs), ...freeSymbols(rhs)]), a);
  // nerdamer cannot be interrupted mid-call: large inputs are not sent, so a step stays well under 1 s.
  if (size(lhs) + size(rhs) > MAX_CAS_NODES) return undefined;
  const options = { evaluate: pointEvaluator, domains, timeoutMs: 300 };
  try {
    const [l, r] = await Promise.all([simplify(lhs, options), simplify(rhs, options)]);
    const sl = l.status === 'exact' ? l.expr : lhs;
    const sr = r.status === 'exact' ? r.expr : rhs;
    if (l.status !== 'exact' && r.status !== 'exact') return undefined;
    if (equals(sl, sr) || provablyZero(b.sub(sl, sr), a).proven) {
      return proven('cas-exact', 'both sides simplify (CAS, each result proven equal by rewriting) to the same expression');
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export interface SamplingOutcome {
  readonly held: number;
  readonly result: StepResult;
}

/** Compares the sides at random points of the declared domains (see the module comment). */
export async function sampleStep(lhs: Expr, rel: '=' | '<=' | '<', rhs: Expr, ctx: CheckContext): Promise<SamplingOutcome> {
  const budget = budgetOf(ctx);
  const symbols = [...new Set([...freeSymbols(lhs), ...freeSymbols(rhs)])].sort();
  const rng = seededRandom(ctx.seed ?? 0x5eed);
  const attempts = symbols.length === 0 ? 1 : 4 * budget.points + 16;
  let held = 0;
  let unclear = 0;
  let undefinedPoints = 0;
  for (let k = 0; k < attempts && held < budget.points; k++) {
    const point = new Map<string, Rational>();
    let empty = false;
    for (const s of symbols) {
      const v = sampleValue(ctx.assumptions.domainOf(s), rng);
      if (v === undefined) empty = true;
      else point.set(s, v);
    }
    if (empty) return { held, result: { status: 'undecided', reason: 'a declared domain is empty', code: 'EB7002' } };
    const c = await comparePoint(lhs, rel, rhs, point, budget.digits);
    if (c.verdict === 'violated') {
      const at = symbols.length > 0 ? `at ${pointText(point)}` : 'as numbers';
      return { held, result: { status: 'refuted', code: 'EB7001', reason: `fails ${at} (certified evaluation)`, counterexample: counterexampleOf(point, c.comparison)! } };
    }
    if (c.verdict === 'holds') {
      held++;
      if (symbols.length === 0) {
        const rigorous = rel !== '=' || (c.comparison.kind === 'value' && c.comparison.precision === 'exact');
        if (rigorous) return { held, result: proven(rel === '=' ? 'rewrite' : 'interval', rel === '=' ? 'both sides evaluate to the same rational number' : 'certified enclosures of both sides separate') };
      }
    } else if (c.verdict === 'unclear') unclear++;
    else undefinedPoints++;
  }
  if (held >= budget.points || (symbols.length === 0 && held > 0)) {
    return { held, result: { status: 'verified-numerically', code: 'EB7006', reason: `held at ${held} random points to ${budget.digits} digits (not a proof)`, points: held, digits: budget.digits } };
  }
  return {
    held,
    result: { status: 'undecided', code: 'EB7002', reason: `held at only ${held} sampled points (${unclear} undecided at working precision, ${undefinedPoints} where a side is undefined)` },
  };
}

/** Checks `lhs rel rhs` by algebra: proof by rewriting or sign inference, else sampling. */
export async function checkAlgebra(lhs: Expr, rel: Relation, rhs: Expr, ctx: CheckContext): Promise<StepResult> {
  const a = ctx.assumptions;
  const n = normalise(lhs, rel, rhs);
  if (n.rel === '=') {
    if (equals(n.small, n.large)) return proven('rewrite', 'both sides are the same expression');
    const z = provablyZero(b.sub(n.small, n.large), a);
    if (z.proven) return proven('rewrite', 'lhs - rhs rewrites to 0', [...z.rules]);
  } else {
    const s = signProof(n.small, n.large, n.rel === '<', a);
    if (s) return s;
  }
  const sampled = await sampleStep(n.small, n.rel, n.large, ctx);
  if (sampled.result.status !== 'verified-numerically' || n.rel !== '=' || !budgetOf(ctx).cas) return sampled.result;
  return (await casProof(n.small, n.large, a)) ?? sampled.result;
}
