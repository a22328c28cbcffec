// Interval boxes of derivation steps: each range names a parameter once, its ends are exact rationals
// (parameter values and lets may be used), and a <= b (EB2017). An integer range without integers
// is left to the prover, which reports it as undecided.

import type { Span } from '../../diagnostics/diagnostic.js';
import type { BoxRangeSyntax } from '../../syntax/ast.js';
import type { ExprSyntax } from '../../syntax/expr-ast.js';
import type { Context } from '../context.js';
import { lookup, span, type SourcedStatement } from '../program.js';
import { substituted } from '../value-in.js';
import { derivations } from './derivation-scope.js';

export interface BoxRangeValue<Q> {
  readonly lower: Q;
  readonly upper: Q | null;
  /** Declared `integer` in the box, or the parameter is declared integer. */
  readonly integer: boolean;
}

export function checkDerivationBoxes(ctx: Context): void {
  for (const { statement: s, at, source } of derivations(ctx)) {
    if (!at) continue;
    for (const step of s.steps) {
      if (step.justification?.kind !== 'interval') continue;
      const seen = new Set<string>();
      for (const r of step.justification.box) {
        if (seen.has(r.variable.text)) ctx.session.error('EB2017', `\`${r.variable.text}\` has two ranges in this box`, span(source, r.variable.span));
        seen.add(r.variable.text);
        boxRangeValue(ctx, at, r, true);
      }
    }
  }
}

/** The exact ends of a box range; reports problems when `report` (the pass), silent in the model builder. */
export function boxRangeValue(ctx: Context, at: SourcedStatement, r: BoxRangeSyntax, report: boolean): BoxRangeValue<unknown> | undefined {
  const { oracle, session } = ctx;
  const fail = (message: string, where: Span, hint?: string) => {
    if (report) session.error('EB2017', message, where, hint ? { hint } : {});
    return undefined;
  };
  const end = (e: ExprSyntax): { q: unknown } | undefined => {
    const v = substituted(ctx, at, e);
    if (v === undefined) return undefined;
    const where = span(at.source, e.span);
    const x = oracle.exact(v, where);
    if (!x.ok) {
      if (report) session.add(...x.diagnostics);
      return undefined;
    }
    if (x.value.kind !== 'rational') {
      fail(`the end of the range of \`${r.variable.text}\` must be an exact rational`, where, x.value.kind === 'symbolic' ? 'ends may use parameters only when they have values; for a half-line write x >= a' : 'write a rational end such as 1/1000 (a box is closed with rational corners)');
      return undefined;
    }
    return { q: x.value.value };
  };
  const lower = end(r.lower);
  const upper = r.upper ? end(r.upper) : null;
  if (!lower || upper === undefined) return undefined;
  const d = lookup(at.scope, r.variable.text);
  const domain = d ? ctx.tables.domains.get(d) : undefined;
  const integer = r.integer || (domain?.integer ?? false);
  const where = span(at.source, r.span);
  if (upper && oracle.compare(lower.q, upper.q) > 0) return fail(`the range of \`${r.variable.text}\` is empty: ${oracle.text(lower.q)} > ${oracle.text(upper.q)}`, where);
  return { lower: lower.q, upper: upper ? upper.q : null, integer };
}
