// instantiate(id, setting, args): resolve the setting, check the theorem's hypotheses (refusing with an
// EB6xxx diagnostic naming the missing one), build the bound, and compute its values.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import { rewrite } from '../expr/rewrite.js';
import { buildContext, type Context } from './context.js';
import type { InstantiateArgs, Instantiation } from './instantiation.js';
import { instantiateExpr } from './parameters.js';
import { isTheoremId, registry, type TheoremId } from './registry.js';
import type { Setting } from './setting.js';
import { approxBound, approxL2, averageProject, genApprox } from './theorems/approx.js';
import { coverTheorem } from './theorems/covering.js';
import { entropyApprox, entropyLipschitz, entropyLoss } from './theorems/entropy.js';
import { gainFinite, gainLie } from './theorems/gain.js';
import { genExact, rademacherDudley, uniformDeviation } from './theorems/gen-exact.js';
import { genExactPower } from './theorems/gen-exact-power.js';
import { genPartial, partialWords } from './theorems/partial.js';
import { tradeoffExcess } from './theorems/tradeoff-excess.js';
import { sampleSizeTheorem, tradeoffOptimal } from './theorems/tradeoff-optimal.js';
import type { TheoremBody } from './theorems/types.js';

export const DEFAULT_DIGITS = 50;

function body(id: TheoremId, ctx: Context, args: InstantiateArgs): Promise<Result<TheoremBody>> {
  const digits = args.digits ?? DEFAULT_DIGITS;
  const ev = args.evaluate ?? true;
  switch (id) {
    case 'cover.ball':
    case 'cover.cube':
    case 'cover.simplex':
    case 'cover.arc':
    case 'cover.power':
      return coverTheorem(id, ctx, args.scale, digits);
    case 'entropy.lipschitz':
      return entropyLipschitz(ctx, args.scale, digits);
    case 'entropy.loss':
      return entropyLoss(ctx, args.scale, digits);
    case 'rademacher.dudley':
    case 'dudley.cutoff':
      return rademacherDudley(ctx, digits, ev);
    case 'uniform.deviation':
      return uniformDeviation(ctx, digits, ev);
    case 'gen.exact':
      return genExact(ctx, digits, ev);
    case 'gen.exact.power':
      return genExactPower(ctx, digits, ev);
    case 'gain.finite':
      return gainFinite(ctx, digits, ev);
    case 'gain.lie':
      return gainLie(ctx, digits, ev);
    case 'average.project':
      return averageProject(ctx);
    case 'entropy.approx':
      return entropyApprox(ctx, args.scale, digits);
    case 'gen.approx':
    case 'gen.approx.additive':
    case 'gen.approx.shift':
      return genApprox(ctx, id, digits, ev);
    case 'partial.words':
      return partialWords(ctx, args.wordBudget);
    case 'gen.partial':
      return genPartial(ctx, digits, ev, args.wordBudget);
    case 'approx.lower':
    case 'approx.upper':
      return approxBound(ctx, id);
    case 'approx.l2':
      return approxL2(ctx);
    case 'tradeoff.excess':
      return tradeoffExcess(ctx, digits, ev);
    case 'tradeoff.optimal':
      return tradeoffOptimal(ctx, digits, ev, args);
    case 'sample.size':
      return sampleSizeTheorem(ctx, digits, ev, args);
  }
}

/** Instantiates a THEORY.md theorem in a setting: hypotheses checked, bound built, values computed. */
export async function instantiate(id: string, setting: Setting, args: InstantiateArgs = {}): Promise<Result<Instantiation>> {
  if (!isTheoremId(id)) return fail(error('EB6016', `unknown theorem id '${id}'`));
  const digits = args.digits ?? DEFAULT_DIGITS;
  if (!Number.isInteger(digits) || digits < 1 || digits > 1000) return fail(error('EB5002', `precision of ${digits} digits is out of range`));
  const ctx = await buildContext(setting);
  if (!ctx.ok) return ctx;
  const r = await body(id, ctx.value, args);
  if (!r.ok) return r;
  const bound = rewrite(instantiateExpr(r.value.symbolic, ctx.value.params), ctx.value.params.assumptions).expr;
  return ok(Object.freeze({ theorem: id, spec: registry[id], ...r.value, bound }));
}
