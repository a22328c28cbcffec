// Evaluates parameters and lets in dependency order and checks each declared value against its domain:
// the declared interval or comparison (default: positive for param, non-negative for data and model
// errors), integrality, and values that are undefined (1/0, log(-1)).

import type { Span } from '../../diagnostics/diagnostic.js';
import type { ParamStatement, ErrorStatement } from '../../syntax/ast.js';
import type { ExprSyntax } from '../../syntax/expr-ast.js';
import type { Context, ExactResult } from '../context.js';
import { dependencies, dependencyOrder, valueOf } from '../dependency-order.js';
import type { DomainModel, Endpoint } from '../model.js';
import { span, type Declaration } from '../program.js';
import { describeDomain, inDomain } from '../domain-text.js';

export function checkParameterValues(ctx: Context): void {
  const { program, session, oracle, tables } = ctx;
  for (const d of dependencyOrder(program)) {
    const s = d.at.statement;
    if (d.kind === 'parameter' && (s.kind === 'param' || s.kind === 'error')) tables.domains.set(d, domainOf(ctx, d, s));
    const syntax = valueOf(d);
    const converted = syntax ? tables.converted.get(syntax) : undefined;
    if (!syntax || converted === undefined) {
      tables.values.set(d, { kind: 'symbolic' });
      continue;
    }
    const resolved = resolveIn(ctx, d, converted, syntax);
    tables.resolved.set(d, resolved);
    if (d.kind === 'let') tables.symbolic.set(d, expandLets(ctx, d, converted, syntax));
    const at = span(d.at.source, syntax.span);
    const exact = oracle.exact(resolved, at);
    if (!exact.ok) {
      session.add(...exact.diagnostics);
      tables.values.set(d, { kind: 'symbolic' });
      continue;
    }
    tables.values.set(d, exact.value);
    const domain = tables.domains.get(d);
    if (domain) checkValue(ctx, d, exact.value, domain, at);
  }
}

/** The converted expression with the resolved values of the parameters and lets it mentions. */
export function resolveIn(ctx: Context, d: Declaration, e: unknown, syntax: ExprSyntax): unknown {
  const env = new Map<string, unknown>();
  for (const dep of dependencies(d, syntax)) {
    const v = ctx.tables.resolved.get(dep);
    if (v !== undefined) env.set(dep.name, v);
  }
  return env.size === 0 ? e : ctx.oracle.substitute(e, env);
}

/** The converted expression with the symbolic forms of the lets it mentions (parameters stay symbols). */
export function expandLets(ctx: Context, d: Declaration, e: unknown, syntax: ExprSyntax): unknown {
  const env = new Map<string, unknown>();
  for (const dep of dependencies(d, syntax)) {
    const v = dep.kind === 'let' ? ctx.tables.symbolic.get(dep) : undefined;
    if (v !== undefined) env.set(dep.name, v);
  }
  return env.size === 0 ? e : ctx.oracle.substitute(e, env);
}

function checkValue(ctx: Context, d: Declaration, v: ExactResult<unknown>, domain: DomainModel<unknown>, at: Span): void {
  const { session, oracle } = ctx;
  if (v.kind === 'symbolic') return;
  if (v.kind === 'irrational') {
    if (domain.integer) session.error('EB2008', `\`${d.name}\` is declared integer, but its value is irrational`, at);
    else if ((d.at.statement as ParamStatement | ErrorStatement).constraint) session.warning('EB2010', `the value of \`${d.name}\` is irrational; it was not checked against ${describeDomain(domain, oracle)}`, at);
    return;
  }
  if (domain.integer && !oracle.isInteger(v.value)) {
    session.error('EB2008', `\`${d.name}\` is declared integer, but its value is ${oracle.text(v.value)}`, at);
  } else if (!inDomain(v.value, domain, oracle)) {
    session.error('EB2007', `\`${d.name}\` = ${oracle.text(v.value)} is outside its domain ${describeDomain(domain, oracle)}`, at, {
      hint: (d.at.statement as ParamStatement | ErrorStatement).constraint
        ? 'change the value or the declared domain'
        : 'parameters are positive unless declared otherwise (data and model errors are non-negative); declare a domain such as param c in [-1, 1]',
    });
  }
}

function domainOf(ctx: Context, d: Declaration, s: ParamStatement | ErrorStatement): DomainModel<unknown> {
  const { oracle } = ctx;
  const c = s.constraint;
  const defaultLower: Endpoint<unknown> = { value: oracle.zero, open: s.kind === 'param' };
  if (!c) return { integer: s.integer, lower: defaultLower };
  const end = (e: ExprSyntax, open: boolean) => {
    const q = bound(ctx, d, e);
    return q === undefined ? undefined : { value: q, open };
  };
  let domain: DomainModel<unknown>;
  if (c.kind === 'interval') {
    const lower = isInfinity(c.lower) ? undefined : end(c.lower, c.lowerOpen);
    const upper = isInfinity(c.upper) ? undefined : end(c.upper, c.upperOpen);
    domain = { integer: s.integer, ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
    if (lower && upper) {
      const cmp = oracle.compare(lower.value, upper.value);
      if (cmp > 0 || (cmp === 0 && (lower.open || upper.open))) {
        ctx.session.error('EB2014', `the interval declared for \`${d.name}\` is empty`, span(d.at.source, c.span));
      }
    }
  } else {
    const e = end(c.bound, c.op === '>' || c.op === '<');
    domain = { integer: s.integer, ...(e ? (c.op.startsWith('>') ? { lower: e } : { lower: s.kind === 'error' ? defaultLower : undefined, upper: e }) : {}) };
    if (!domain.lower) delete (domain as { lower?: unknown }).lower;
  }
  return domain;
}

function isInfinity(e: ExprSyntax): boolean {
  let n = e;
  while (n.kind === 'group') n = n.inner;
  return n.kind === 'name' && n.name === 'infinity';
}

/** An endpoint of a declared domain must be an exact rational. */
function bound(ctx: Context, d: Declaration, e: ExprSyntax): unknown {
  const converted = ctx.tables.converted.get(e);
  if (converted === undefined) return undefined;
  const at = span(d.at.source, e.span);
  const r = ctx.oracle.exact(resolveIn(ctx, d, converted, e), at);
  if (!r.ok) {
    ctx.session.add(...r.diagnostics);
    return undefined;
  }
  if (r.value.kind === 'rational') return r.value.value;
  ctx.session.error('EB2010', `the end of the domain of \`${d.name}\` must be an exact number`, at, {
    hint: r.value.kind === 'symbolic' ? 'domain ends may use only parameters with exact values' : 'write a rational end point such as 1/2',
  });
  return undefined;
}
