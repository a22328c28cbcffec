// The rows of a parameter sweep (`show table of … for SWEEP`): the sweep's exact values and, per value, the
// value tables with the swept parameter pinned to it and everything depending on it evaluated and checked again.

import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import type { ShowStatement, SweepSyntax } from '../syntax/ast.js';
import type { ExprSyntax, SyntaxSpan } from '../syntax/expr-ast.js';
import { closest } from '../syntax/did-you-mean.js';
import type { Context, ExactResult, ValueTables } from './context.js';
import { dependencies, dependencyOrder, valueOf } from './dependency-order.js';
import { describeDomain, inDomain } from './domain-text.js';
import { bareName, freeNames } from './expression-names.js';
import { lookup, span, type Declaration, type Scope, type SourcedStatement } from './program.js';
import { Session } from './session.js';
import { resolveIn } from './passes/check-parameter-values.js';
import { checkCatalogValues } from './passes/check-catalog-values.js';
import { reportMissingHypotheses } from './passes/report-missing-hypotheses.js';

export const MAX_TABLE_ROWS = 200;
/** Rows whose value breaks the program are reported up to this many times per table. */
const MAX_ROW_REPORTS = 5;

export interface SweepRow {
  readonly span: Span;
  /** The row's exact value (Q). */
  readonly value: unknown;
  /** The context with the swept parameter set to the row's value: the model builder reads each row in it. */
  readonly ctx: Context;
}

/** The rows of a table; null when the table is refused (the diagnostics went to ctx.session). */
export function sweepRows(ctx: Context, at: SourcedStatement, s: ShowStatement): readonly SweepRow[] | null {
  let byShow = cache.get(ctx);
  if (!byShow) cache.set(ctx, (byShow = new Map()));
  if (!byShow.has(s)) byShow.set(s, computeRows(ctx, at, s));
  return byShow.get(s)!;
}

const cache = new WeakMap<Context, Map<ShowStatement, readonly SweepRow[] | null>>();

function computeRows(ctx: Context, at: SourcedStatement, s: ShowStatement): readonly SweepRow[] | null {
  const table = s.table!;
  const where = (loc: SyntaxSpan) => span(at.source, loc);
  const before = ctx.session.errorCount;
  for (const f of s.formats) {
    if (f.kind !== 'decimal') ctx.session.error('EB2043', `a table is printed as a table; \`${f.kind}\` is not one of its formats`, where(f.span));
  }
  s.items.forEach((e, i) => {
    const number = table.numbers[i];
    const n = bareName(e);
    const d = n ? lookup(at.scope, n.name) : undefined;
    if (number && d?.kind !== 'bound') {
      ctx.session.error('EB2003', `"${number.text}" of … names a number of a bound, but ${n ? `\`${n.name}\` is not a bound` : 'this is an expression'}`, where(e.span), {
        hint: 'write "NUMBER" of BOUND with the name of a bound, e.g. "alpha*(Gamma_G)" of equiv',
      });
    }
  });
  const swept = sweptParameters(ctx, at, s);
  const values = sweepValues(ctx, at, table.sweep);
  if (!swept || !values || ctx.session.errorCount > before) return null;

  const rows: SweepRow[] = [];
  let reports = 0;
  for (const v of values) {
    const row = rowContext(ctx, swept, v, table.sweep.variable.text);
    if (row.ok) rows.push({ span: v.span, value: v.value, ctx: row.ctx });
    else if (reports++ < MAX_ROW_REPORTS) ctx.session.add(row.problem);
  }
  return ctx.session.errorCount > before ? null : rows;
}

/** The declarations the swept name denotes, in the show's scope and in the settings of the bounds it shows. */
function sweptParameters(ctx: Context, at: SourcedStatement, s: ShowStatement): Declaration[] | null {
  const sweep = s.table!.sweep;
  const name = sweep.variable.text;
  const where = span(at.source, sweep.variable.span);
  const settings = boundSettings(ctx, at, s, name);
  const scopes = at.scope.setting || settings.length === 0 ? [at.scope, ...settings] : settings;
  const out = new Set<Declaration>();
  for (const scope of new Set(scopes)) {
    const d = lookup(scope, name);
    const settingName = scope.setting ? `setting \`${scope.setting.statement.name.text}\`` : 'the top level';
    if (!d) {
      const names = parameterNames(ctx, scope);
      const guess = closest(name, names);
      ctx.session.error('EB2040', `\`${name}\` is not a parameter of ${settingName}, so the table cannot sweep it`, where, {
        hint: `${guess ? `did you mean \`${guess}\`? ` : ''}${names.length > 0 ? `the parameters there are ${names.join(', ')}` : 'declare it with param'}`,
      });
      return null;
    }
    if (d.kind !== 'parameter') {
      ctx.session.error('EB2040', `\`${name}\` is ${d.kind === 'let' ? 'a let-expression' : `a ${d.kind}`}, not a parameter; a table sweeps a parameter`, where, {
        related: [{ span: d.span, message: `\`${name}\` is declared here` }],
        hint: d.kind === 'let' ? `sweep a parameter that \`${name}\` depends on` : undefined,
      });
      return null;
    }
    out.add(d);
  }
  return [...out];
}

/** The setting scopes of the bounds the table's columns use; EB2044 for a bound fixing the swept name by its own argument. */
function boundSettings(ctx: Context, at: SourcedStatement, s: ShowStatement, name: string): Scope[] {
  const out: Scope[] = [];
  const seen = new Set<Declaration>();
  for (const e of s.items) {
    for (const u of freeNames(e)) {
      const d = lookup(at.scope, u.name);
      if (d?.kind !== 'bound' || d.at.statement.kind !== 'bound' || seen.has(d)) continue;
      seen.add(d);
      const bound = d.at.statement;
      const fixed = bound.args.find((a) => a.key?.text === name);
      if (fixed) {
        ctx.session.error('EB2044', `bound \`${d.name}\` fixes \`${name}\` by its own argument, so sweeping \`${name}\` would not change it`, span(at.source, s.table!.sweep.variable.span), {
          related: [{ span: span(d.at.source, fixed.span), message: `\`${name}\` is fixed here` }],
        });
      }
      const first = bound.args[0];
      const setting = first && !first.key && first.value.kind === 'expression' ? bareName(first.value.expr)?.name : undefined;
      const scope = ctx.program.settings.find((x) => x.setting?.statement.name.text === setting);
      if (scope) out.push(scope);
    }
  }
  return out;
}

function parameterNames(ctx: Context, scope: Scope): string[] {
  const out: string[] = [];
  for (let x: Scope | null = scope; x; x = x.parent) for (const d of x.declarations.values()) if (d.kind === 'parameter') out.push(d.name);
  return out;
}

interface SweepValue {
  readonly span: Span;
  /** The value as an expression (E) and its exact rational (Q). */
  readonly expr: unknown;
  readonly value: unknown;
}

/** The sweep's values in order: each an exact rational, at most MAX_TABLE_ROWS of them. */
function sweepValues(ctx: Context, at: SourcedStatement, sweep: SweepSyntax): SweepValue[] | null {
  const { oracle, session } = ctx;
  const sweepSpan = span(at.source, sweep.span);
  if (sweep.kind === 'list') {
    if (sweep.values.length === 0) {
      session.error('EB2041', `the list of values of \`${sweep.variable.text}\` is empty`, sweepSpan);
      return null;
    }
    if (sweep.values.length > MAX_TABLE_ROWS) {
      session.error('EB2042', `the table would have ${sweep.values.length} rows, more than ${MAX_TABLE_ROWS}`, sweepSpan);
      return null;
    }
    const out = sweep.values.map((e) => exactNumber(ctx, at, e, 'a sweep value'));
    return out.every((v) => v !== null) ? (out as SweepValue[]) : null;
  }
  const from = exactNumber(ctx, at, sweep.from, 'the start of the range');
  const to = exactNumber(ctx, at, sweep.to, 'the end of the range');
  const step = exactNumber(ctx, at, sweep.step, sweep.by === 'factor' ? 'the factor' : 'the step');
  if (!from || !to || !step) return null;
  const sign = (q: unknown) => oracle.compare(q, oracle.zero);
  if (sweep.by === 'factor' && oracle.compare(step.value, one(ctx, at, sweep.step)) <= 0) {
    session.error('EB2041', `the factor must be greater than 1, not ${oracle.text(step.value)}`, step.span);
    return null;
  }
  if (sweep.by === 'factor' && sign(from.value) <= 0) {
    session.error('EB2041', `a range by factor starts at a positive value, not ${oracle.text(from.value)}`, from.span);
    return null;
  }
  if (sweep.by === 'step' && sign(step.value) <= 0) {
    session.error('EB2041', `the step must be positive, not ${oracle.text(step.value)}`, step.span);
    return null;
  }
  if (oracle.compare(from.value, to.value) > 0) {
    session.error('EB2041', `the range from ${oracle.text(from.value)} to ${oracle.text(to.value)} is empty`, sweepSpan);
    return null;
  }
  const out: SweepValue[] = [];
  for (let k = 0; ; k++) {
    const v = exactNumber(ctx, at, rangeTerm(sweep, k), 'a value of the range', sweepSpan);
    if (!v) return null;
    if (oracle.compare(v.value, to.value) > 0) return out;
    if (out.length === MAX_TABLE_ROWS) {
      session.error('EB2042', `the range has more than ${MAX_TABLE_ROWS} values`, sweepSpan);
      return null;
    }
    out.push(v);
  }
}

/** The exact rational 1, read through the oracle (the oracle has no constructor for numbers). */
function one(ctx: Context, at: SourcedStatement, near: ExprSyntax): unknown {
  const r = ctx.oracle.convert({ kind: 'number', text: '1', span: near.span }, at.source);
  const q = r.ok ? ctx.oracle.exact(r.value, span(at.source, near.span)) : undefined;
  return q?.ok && q.value.kind === 'rational' ? q.value.value : ctx.oracle.zero;
}

/** The k-th value of a range: from * factor^k, or from + k * step, as syntax (spans: the range). */
function rangeTerm(sweep: Extract<SweepSyntax, { kind: 'range' }>, k: number): ExprSyntax {
  const s = sweep.span;
  const group = (inner: ExprSyntax): ExprSyntax => ({ kind: 'group', inner, span: s });
  const kth: ExprSyntax = { kind: 'number', text: String(k), span: s };
  const operand: ExprSyntax =
    sweep.by === 'factor'
      ? { kind: 'power', base: group(sweep.step), exponent: kth, opSpan: s, span: s }
      : { kind: 'multiplicative', first: kth, rest: [{ op: '*', opSpan: s, operand: group(sweep.step) }], span: s };
  return sweep.by === 'factor'
    ? { kind: 'multiplicative', first: group(sweep.from), rest: [{ op: '*', opSpan: s, operand }], span: s }
    : { kind: 'additive', first: group(sweep.from), rest: [{ op: '+', opSpan: s, operand }], span: s };
}

/** An expression read in the show's scope that must be an exact rational (names: parameters and lets with values). */
function exactNumber(ctx: Context, at: SourcedStatement, e: ExprSyntax, what: string, at_?: Span): SweepValue | null {
  const { oracle, session } = ctx;
  const where = at_ ?? span(at.source, e.span);
  for (const u of freeNames(e)) {
    const d = lookup(at.scope, u.name);
    if (!d) {
      const guess = closest(u.name, parameterNames(ctx, at.scope));
      session.error('EB2001', `\`${u.name}\` is not defined`, span(at.source, u.span), guess ? { hint: `did you mean \`${guess}\`?` } : {});
      return null;
    }
    if (d.kind !== 'parameter' && d.kind !== 'let') {
      session.error('EB2003', `\`${u.name}\` is ${d.kind === 'bound' ? 'a bound' : `a ${d.kind}`}, but ${what} is a number`, span(at.source, u.span), {
        related: [{ span: d.span, message: `\`${u.name}\` is declared here` }],
      });
      return null;
    }
  }
  const converted = ctx.tables.converted.get(e) ?? convert(ctx, at, e);
  if (converted === undefined) return null;
  const env = new Map<string, unknown>();
  for (const u of freeNames(e)) {
    const v = ctx.tables.resolved.get(lookup(at.scope, u.name)!);
    if (v !== undefined) env.set(u.name, v);
  }
  const expr = env.size === 0 ? converted : oracle.substitute(converted, env);
  const r = oracle.exact(expr, where);
  if (!r.ok) {
    session.add(...r.diagnostics);
    return null;
  }
  if (r.value.kind !== 'rational') {
    session.error('EB2041', `${what} must be an exact number, but ${describe(r.value)}`, where, {
      hint: r.value.kind === 'symbolic' ? 'sweep values may use only parameters and lets with exact values' : 'write a rational value such as 1/20 or 10^6',
    });
    return null;
  }
  return { span: where, expr, value: r.value.value };
}

function convert(ctx: Context, at: SourcedStatement, e: ExprSyntax): unknown {
  const r = ctx.oracle.convert(e, at.source);
  if (r.ok) return r.value;
  ctx.session.add(...r.diagnostics);
  return undefined;
}

function describe(v: ExactResult<unknown>): string {
  return v.kind === 'irrational' ? 'its value is irrational' : 'it has no value (it mentions a free parameter)';
}

/**
 * The context of one row: the swept declarations pinned to the value, then every parameter and let that
 * depends on them evaluated again in dependency order and checked against its domain, and the catalog
 * values and hypotheses checked again. A failure is one diagnostic at the row's value.
 */
function rowContext(ctx: Context, swept: readonly Declaration[], v: SweepValue, name: string): { ok: true; ctx: Context } | { ok: false; problem: Diagnostic } {
  const { oracle } = ctx;
  const text = oracle.text(v.value);
  const tables: ValueTables<unknown, unknown> = {
    converted: ctx.tables.converted,
    resolved: new Map(ctx.tables.resolved),
    symbolic: ctx.tables.symbolic,
    values: new Map(ctx.tables.values),
    domains: ctx.tables.domains,
  };
  const session = new Session();
  const row: Context = { program: ctx.program, session, oracle, tables };
  const problem = (d: Diagnostic, message: string, related?: Span): { ok: false; problem: Diagnostic } => ({
    ok: false,
    problem: { ...d, message, span: v.span, ...(related ? { related: [{ span: related, message: 'the value that fails' }, ...(d.related ?? [])] } : {}) },
  });
  const changed = new Set<Declaration>(swept);
  for (const d of swept) {
    tables.resolved.set(d, v.expr);
    tables.values.set(d, { kind: 'rational', value: v.value });
    const domain = tables.domains.get(d);
    if (domain && !inDomain(v.value, domain, oracle)) {
      const integer = domain.integer && !oracle.isInteger(v.value);
      session.error(integer ? 'EB2008' : 'EB2007', integer ? `\`${name}\` is declared integer, but the table gives it ${text}` : `\`${name}\` = ${text} is outside its domain ${describeDomain(domain, oracle)}`, v.span, {
        related: [{ span: d.span, message: `\`${name}\` is declared here` }],
        hint: 'sweep only values in the declared domain of the parameter, or widen the domain',
      });
      return { ok: false, problem: session.diagnostics[0]! };
    }
  }
  for (const d of dependencyOrder(ctx.program)) {
    if (changed.has(d)) continue;
    const syntax = valueOf(d);
    if (!syntax || !dependencies(d, syntax).some((x) => changed.has(x))) continue;
    changed.add(d);
    const converted = tables.converted.get(syntax);
    if (converted === undefined) continue;
    const resolved = resolveIn(row, d, converted, syntax);
    tables.resolved.set(d, resolved);
    const at = span(d.at.source, syntax.span);
    const exact = oracle.exact(resolved, at);
    if (!exact.ok) return problem(exact.diagnostics[0]!, `with ${name} = ${text}, \`${d.name}\` is undefined: ${exact.diagnostics[0]!.message}`, at);
    tables.values.set(d, exact.value);
    const domain = tables.domains.get(d);
    if (domain && exact.value.kind === 'rational' && !inDomain(exact.value.value, domain, oracle)) {
      const e = { code: 'EB2007', severity: 'error', message: '', hint: 'sweep only values for which every parameter stays in its domain' } as const;
      return problem(e, `with ${name} = ${text}, \`${d.name}\` = ${oracle.text(exact.value.value)} is outside its domain ${describeDomain(domain, oracle)}`, at);
    }
  }
  checkCatalogValues(row);
  reportMissingHypotheses(row);
  const first = session.diagnostics.find((d) => d.severity === 'error');
  if (first) return problem(first, `with ${name} = ${text}: ${first.message}`, first.span);
  return { ok: true, ctx: row };
}
