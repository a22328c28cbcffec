// The exact value of an expression read in a statement's scope, with parameter and let values substituted.

import type { ExprSyntax } from '../syntax/expr-ast.js';
import type { Context, ExactResult } from './context.js';
import { freeNames } from './expression-names.js';
import { lookup, span, type SourcedStatement } from './program.js';

export function substituted(ctx: Context, at: SourcedStatement, e: ExprSyntax, bound: readonly string[] = []): unknown {
  const converted = ctx.tables.converted.get(e);
  if (converted === undefined) return undefined;
  const env = new Map<string, unknown>();
  for (const u of freeNames(e, bound)) {
    const d = lookup(at.scope, u.name);
    const v = d ? ctx.tables.resolved.get(d) : undefined;
    if (v !== undefined) env.set(u.name, v);
  }
  return env.size === 0 ? converted : ctx.oracle.substitute(converted, env);
}

/** The converted expression with the lets it mentions expanded symbolically (parameters stay symbols). */
export function symbolicIn(ctx: Context, at: SourcedStatement, e: ExprSyntax): unknown {
  const converted = ctx.tables.converted.get(e);
  if (converted === undefined) return undefined;
  const env = new Map<string, unknown>();
  for (const u of freeNames(e)) {
    const d = lookup(at.scope, u.name);
    const v = d?.kind === 'let' ? ctx.tables.symbolic.get(d) : undefined;
    if (v !== undefined) env.set(u.name, v);
  }
  return env.size === 0 ? converted : ctx.oracle.substitute(converted, env);
}

/** undefined when the expression could not be converted or evaluated (already reported). */
export function valueIn(ctx: Context, at: SourcedStatement, e: ExprSyntax): ExactResult<unknown> | undefined {
  const s = substituted(ctx, at, e);
  if (s === undefined) return undefined;
  const r = ctx.oracle.exact(s, span(at.source, e.span));
  if (!r.ok) {
    ctx.session.add(...r.diagnostics);
    return undefined;
  }
  return r.value;
}
