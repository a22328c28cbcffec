// Sizes in catalog entries and statements have the values they need: a dimension is a positive
// integer (not -3, not 5/2), a side or Lipschitz constant is positive, a word radius is a positive
// integer, an equivariance tolerance is non-negative. A free parameter passes when its declared domain implies it.

import type { Span } from '../../diagnostics/diagnostic.js';
import type { Constructor } from '../../syntax/ast.js';
import type { ExprSyntax } from '../../syntax/expr-ast.js';
import { entrySpec, type CatalogName, type Requirement } from '../catalog.js';
import type { Context } from '../context.js';
import { lookup, span, type SourcedStatement } from '../program.js';
import { bareName } from '../expression-names.js';
import { matchArguments } from '../match-arguments.js';
import { valueIn } from '../value-in.js';

const words: Record<Requirement, string> = { positive: 'positive', positiveInteger: 'a positive integer', nonnegative: 'non-negative', real: 'a real number' };

export function checkCatalogValues(ctx: Context): void {
  for (const at of [...ctx.program.top.statements, ...ctx.program.settings.flatMap((s) => s.statements)]) {
    const s = at.statement;
    const need = (e: ExprSyntax | null, r: Requirement, what: string, exactly?: number) => e && require(ctx, at, e, r, what, exactly);
    if (s.kind === 'space' && s.definition.kind === 'covering') need(s.definition.limit, 'positive', 'the covering range r0');
    else if (s.kind === 'space' || s.kind === 'group' || s.kind === 'class' || s.kind === 'loss') entry(ctx, at, s.definition as Constructor, s.kind);
    if (s.kind === 'transformations') {
      for (const a of s.definition.args ?? []) if (a.value.kind === 'entry') entry(ctx, at, a.value.entry, 'generator');
      need(s.radius, 'positiveInteger', 'the word radius');
    }
    if (s.kind === 'class' && s.symmetry?.within) need(s.symmetry.within, 'nonnegative', 'the equivariance tolerance');
    if (s.kind === 'loss') need(s.boundedBy, 'positive', 'the loss bound B');
  }
}

function entry(ctx: Context, at: SourcedStatement, c: Constructor, catalog: CatalogName): void {
  const spec = entrySpec(catalog, c.name.text);
  if (!spec) return;
  for (const { spec: a, arg } of matchArguments(c, spec).matched.values()) {
    if (a.type === 'number' && arg.value.kind === 'expression') require(ctx, at, arg.value.expr, a.requirement, `\`${a.name}\` of ${c.name.text}`, a.exactly);
  }
}

function require(ctx: Context, at: SourcedStatement, e: ExprSyntax, r: Requirement, what: string, exactly?: number): void {
  const { oracle, session } = ctx;
  const where: Span = span(at.source, e.span);
  const v = valueIn(ctx, at, e);
  if (v === undefined) return;
  if (v.kind === 'rational') {
    const q = v.value;
    const sign = oracle.compare(q, oracle.zero);
    if (exactly !== undefined && oracle.text(q) !== String(exactly)) session.error('EB2006', `${what} must be ${exactly}; the catalog has only that case`, where);
    else if (r === 'positiveInteger' && sign > 0 && !oracle.isInteger(q)) session.error('EB2008', `${what} must be an integer, not ${oracle.text(q)}`, where);
    else if ((r === 'positive' || r === 'positiveInteger') && sign <= 0) session.error('EB2009', `${what} must be ${words[r]}, not ${oracle.text(q)}`, where);
    else if (r === 'nonnegative' && sign < 0) session.error('EB2009', `${what} must be non-negative, not ${oracle.text(q)}`, where, { hint: 'an equivariance tolerance is at least 0' });
    return;
  }
  if (v.kind === 'irrational') {
    if (r === 'positiveInteger') session.error('EB2008', `${what} must be an integer, but its value is irrational`, where);
    return;
  }
  // Symbolic: a bare free parameter passes when its declared domain implies the requirement.
  const n = bareName(e);
  const d = n ? lookup(at.scope, n.name) : undefined;
  const domain = d ? ctx.tables.domains.get(d) : undefined;
  if (r === 'positiveInteger' && (!domain || !domain.integer)) {
    session.error('EB2008', `${what} must be an integer, but ${n ? `\`${n.name}\` is not declared integer` : 'it is not known to be one'}`, where, {
      hint: n ? `declare it as param ${n.name} integer >= 1` : 'use an integer parameter, e.g. param d integer >= 1',
    });
  }
}
