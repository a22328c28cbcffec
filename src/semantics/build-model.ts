// Builds the checked model from a program that passed every stage: declarations by scope with their
// values substituted, catalog entries with their arguments by name, bounds and shows.

import type { Span } from '../diagnostics/diagnostic.js';
import type { Argument, ChainTerm, Constructor, DerivationStepSyntax, ErrorStatement, ParamStatement, Statement } from '../syntax/ast.js';
import type { ExprSyntax } from '../syntax/expr-ast.js';
import { allEntryNames, boundArgumentWords, entrySpec, type CatalogName } from './catalog.js';
import type { Context } from './context.js';
import { bareName, freeNames } from './expression-names.js';
import { matchArguments } from './match-arguments.js';
import type * as M from './model.js';
import { lookup, span, type Scope, type SourcedStatement } from './program.js';
import { substituted, symbolicIn, valueIn } from './value-in.js';
import { boxRangeValue } from './passes/check-derivation-boxes.js';
import { derivations } from './passes/derivation-scope.js';
import { sweepRows } from './table-rows.js';

type E = unknown;
type Q = unknown;

export function buildModel(ctx: Context): M.Model<E, Q> {
  const { program } = ctx;
  const settings = new Map<string, M.ScopeModel<E, Q>>();
  for (const s of program.settings) if (!settings.has(s.setting!.statement.name.text)) settings.set(s.setting!.statement.name.text, scopeModel(ctx, s));
  const shows: M.ShowModel<E>[] = [];
  for (const scope of [program.top, ...program.settings]) {
    for (const at of scope.statements) if (at.statement.kind === 'show' && at.main) shows.push(showModel(ctx, at, at.statement));
  }
  shows.sort((a, b) => a.span.start - b.span.start);
  const derivations = derivationModels(ctx);
  const notation = program.top.statements.flatMap((at) => (at.statement.kind === 'notation' ? [{ name: at.statement.name.text, latex: at.statement.latex.text, span: span(at.source, at.statement.latex.span) }] : []));
  return { top: scopeModel(ctx, program.top), settings, shows, derivations, notation, sources: new Map(program.units.map((u) => [u.source, u.text])) };
}

function scopeModel(ctx: Context, scope: Scope): M.ScopeModel<E, Q> {
  const m = {
    name: scope.setting?.statement.name.text ?? null,
    span: scope.setting ? span(scope.setting.source, scope.setting.statement.name.span) : null,
    parameters: new Map<string, M.ParameterModel<E, Q>>(),
    spaces: new Map<string, M.SpaceModel<E>>(),
    groups: new Map<string, M.GroupModel<E>>(),
    transformations: new Map<string, M.TransformationsModel<E>>(),
    classes: new Map<string, M.ClassModel<E>>(),
    loss: null as M.LossModel<E> | null,
    lets: new Map<string, M.LetModel<E, Q>>(),
    bounds: new Map<string, M.BoundModel<E>>(),
  };
  for (const d of scope.declarations.values()) {
    const at = d.at;
    const s = at.statement as Statement;
    const opt = (e: ExprSyntax | null) => (e ? substituted(ctx, at, e) : null);
    const exactOf = () => {
      const v = ctx.tables.values.get(d);
      return v?.kind === 'rational' ? v.value : null;
    };
    switch (s.kind) {
      case 'param':
      case 'error':
        m.parameters.set(d.name, {
          name: d.name,
          span: d.span,
          role: s.kind === 'param' ? 'param' : s.role,
          domain: ctx.tables.domains.get(d) ?? { integer: (s as ParamStatement | ErrorStatement).integer },
          // A table row pins a free parameter too: its value is then in the row's tables.
          value: ctx.tables.resolved.get(d) ?? null,
          exact: exactOf(),
        });
        break;
      case 'let':
        m.lets.set(d.name, {
          name: d.name,
          span: d.span,
          value: ctx.tables.resolved.get(d) ?? ctx.tables.converted.get(s.value),
          symbolic: ctx.tables.symbolic.get(d) ?? ctx.tables.converted.get(s.value),
          exact: exactOf(),
        });
        break;
      case 'space':
        m.spaces.set(
          d.name,
          s.definition.kind === 'covering'
            ? { kind: 'covering', name: d.name, span: d.span, variable: s.definition.variable.text, covering: substituted(ctx, at, s.definition.body, [s.definition.variable.text]), limit: opt(s.definition.limit), strict: s.definition.strict }
            : { kind: 'catalog', name: d.name, span: d.span, definition: entryModel(ctx, at, s.definition, 'space') },
        );
        break;
      case 'group':
        m.groups.set(d.name, { name: d.name, span: d.span, definition: entryModel(ctx, at, s.definition, 'group'), actingOn: s.actingOn?.text ?? null });
        break;
      case 'transformations':
        m.transformations.set(d.name, {
          name: d.name,
          span: d.span,
          generators: (s.definition.args ?? []).flatMap((a) => generator(ctx, at, a)),
          radius: opt(s.radius),
          actingOn: s.actingOn?.text ?? null,
        });
        break;
      case 'class':
        m.classes.set(d.name, {
          name: d.name,
          span: d.span,
          definition: entryModel(ctx, at, s.definition, 'class'),
          space: s.space.text,
          symmetry: s.symmetry ? { kind: s.symmetry.kind, group: s.symmetry.group.text, within: opt(s.symmetry.within) } : null,
        });
        break;
      case 'loss':
        m.loss = { span: d.span, definition: entryModel(ctx, at, s.definition, 'loss'), boundedBy: opt(s.boundedBy) };
        break;
      case 'bound':
        m.bounds.set(d.name, boundModel(ctx, at, d.name, d.span, s));
        break;
      default:
        break;
    }
  }
  return m;
}

function generator(ctx: Context, at: SourcedStatement, a: Argument): M.EntryModel<E>[] {
  if (a.value.kind === 'entry') return [entryModel(ctx, at, a.value.entry, 'generator')];
  const n = bareName(a.value.expr);
  return n ? [{ entry: n.name, span: span(at.source, n.span), args: new Map() }] : [];
}

function entryModel(ctx: Context, at: SourcedStatement, c: Constructor, catalog: CatalogName): M.EntryModel<E> {
  const args = new Map<string, M.ArgumentModel<E>>();
  const spec = entrySpec(catalog, c.name.text);
  if (spec) {
    for (const [name, { spec: a, arg }] of matchArguments(c, spec).matched) {
      const where = span(at.source, arg.value.span);
      if (arg.value.kind === 'entry') continue;
      const n = bareName(arg.value.expr);
      if (a.type === 'word' && n) args.set(name, { kind: 'word', name, span: where, word: n.name });
      else if (a.type === 'space' && n) args.set(name, { kind: 'reference', name, span: where, target: n.name });
      else args.set(name, valueArgument(ctx, at, name, where, arg.value.expr));
    }
  }
  return { entry: c.name.text, span: span(at.source, c.span), args };
}

function valueArgument(ctx: Context, at: SourcedStatement, name: string, where: Span, e: ExprSyntax): M.ArgumentModel<E> {
  const v = valueIn(ctx, at, e);
  return { kind: 'value', name, span: where, value: substituted(ctx, at, e), exact: v?.kind === 'rational' ? v.value : null };
}

function boundModel(ctx: Context, at: SourcedStatement, name: string, where: Span, s: Extract<Statement, { kind: 'bound' }>): M.BoundModel<E> {
  const args = new Map<string, M.ArgumentModel<E>>();
  const first = s.args[0];
  const settingName = first && !first.key && first.value.kind === 'expression' ? (bareName(first.value.expr)?.name ?? null) : null;
  const settingScope = ctx.program.settings.find((x) => x.setting?.statement.name.text === settingName) ?? at.scope;
  const scopeAt: SourcedStatement = { ...at, scope: settingScope };
  s.args.forEach((a, i) => {
    if (i === 0 && settingName !== null) return;
    const key = a.key?.text ?? `#${i}`;
    const w = span(at.source, a.value.span);
    if (a.value.kind === 'entry') {
      args.set(key, { kind: 'entry', name: key, span: w, entry: entryModel(ctx, scopeAt, a.value.entry, 'group') });
      return;
    }
    const n = bareName(a.value.expr);
    const d = n ? lookup(settingScope, n.name) : undefined;
    if (n && d && d.kind !== 'parameter' && d.kind !== 'let') args.set(key, { kind: 'reference', name: key, span: w, target: n.name });
    else if (n && !d && (allEntryNames.has(n.name) || boundArgumentWords.has(n.name))) args.set(key, { kind: 'word', name: key, span: w, word: n.name });
    else args.set(key, valueArgument(ctx, scopeAt, key, w, a.value.expr));
  });
  return { name, span: where, theorem: s.theorem.text, theoremSpan: span(at.source, s.theorem.span), setting: settingName, args };
}

function showModel(ctx: Context, at: SourcedStatement, s: Extract<Statement, { kind: 'show' }>): M.ShowModel<E> {
  const text = ctx.program.units.find((u) => u.source === at.source)?.text ?? '';
  const items = s.items.map((e): M.ShowItemModel<E> => {
    const n = bareName(e);
    const d = n ? lookup(at.scope, n.name) : undefined;
    const bounds = freeNames(e).filter((u) => lookup(at.scope, u.name)?.kind === 'bound').map((u) => u.name);
    return { span: span(at.source, e.span), text: text.slice(e.span.start, e.span.end), bound: d?.kind === 'bound' ? d.name : null, value: substituted(ctx, at, e), symbolic: symbolicIn(ctx, at, e), bounds: [...new Set(bounds)] };
  });
  const formats = s.formats.map((f): M.FormatModel => (f.kind === 'decimal' ? { kind: 'decimal', digits: f.digits ? Number(f.digits.text) : null, span: span(at.source, f.span) } : { kind: f.kind, span: span(at.source, f.span) }));
  const table = s.table ? tableModel(ctx, at, s) : undefined;
  return { span: span(at.source, s.span), setting: at.scope.setting?.statement.name.text ?? null, items, formats, ...(table ? { table } : {}) };
}

/** A table's rows: per value of the sweep, the items and the scopes read with the swept parameter set to it. */
function tableModel(ctx: Context, at: SourcedStatement, s: Extract<Statement, { kind: 'show' }>): M.TableModel<E, Q> {
  const table = s.table!;
  const rows = (sweepRows(ctx, at, s) ?? []).map((r): M.TableRowModel<E, Q> => {
    const settings = new Map<string, M.ScopeModel<E, Q>>();
    for (const x of r.ctx.program.settings) if (!settings.has(x.setting!.statement.name.text)) settings.set(x.setting!.statement.name.text, scopeModel(r.ctx, x));
    return { span: r.span, value: r.value, items: s.items.map((e) => substituted(r.ctx, at, e)), top: scopeModel(r.ctx, r.ctx.program.top), settings };
  });
  return {
    parameter: table.sweep.variable.text,
    parameterSpan: span(at.source, table.sweep.variable.span),
    numbers: table.numbers.map((n) => (n ? { name: n.text, span: span(at.source, n.span) } : null)),
    rows,
  };
}

/** The derivations of the main file whose setting exists; sides keep parameters as symbols (see the grammar). */
function derivationModels(ctx: Context): M.DerivationModel<E, Q>[] {
  const out: M.DerivationModel<E, Q>[] = [];
  for (const { statement: s, at, source, main } of derivations(ctx)) {
    if (!main || !at || s.first.kind === 'placeholder') continue;
    const text = ctx.program.units.find((u) => u.source === source)?.text ?? '';
    const term = (t: ChainTerm): M.TermModel<E> => {
      if (t.kind === 'placeholder') throw new Error('placeholders are refused before the model is built');
      return { span: span(source, t.span), text: text.slice(t.span.start, t.span.end), expr: symbolicIn(ctx, at, t) };
    };
    let lhs = term(s.first);
    const steps = s.steps.map((step): M.DerivationStepModel<E, Q> => {
      const rhs = term(step.rhs);
      const m = { span: span(source, step.span), rel: step.rel, relSpan: span(source, step.relSpan), lhs, rhs, justification: justificationModel(ctx, at, step) };
      lhs = rhs;
      return m;
    });
    const domains = new Map<string, M.DomainModel<Q>>();
    for (let scope: Scope | null = at.scope; scope; scope = scope.parent) {
      for (const d of scope.declarations.values()) {
        const domain = d.kind === 'parameter' ? ctx.tables.domains.get(d) : undefined;
        if (domain && !domains.has(d.name)) domains.set(d.name, domain);
      }
    }
    out.push({ name: s.name.text, span: span(source, s.span), nameSpan: span(source, s.name.span), setting: s.setting.text, first: term(s.first), steps, domains });
  }
  return out;
}

function justificationModel(ctx: Context, at: SourcedStatement, step: DerivationStepSyntax): M.JustificationModel<E, Q> {
  const j = step.justification;
  if (!j) return { kind: 'algebra', span: null };
  const where = span(at.source, j.span);
  switch (j.kind) {
    case 'algebra':
    case 'monotone':
      return { kind: j.kind, span: where };
    case 'interval':
      return {
        kind: 'interval',
        span: where,
        box: j.box.flatMap((r) => {
          const v = boxRangeValue(ctx, at, r, false);
          return v ? [{ variable: r.variable.text, span: span(at.source, r.span), ...v }] : [];
        }),
      };
    case 'theorem':
      return { kind: 'theorem', span: where, id: j.id.text, idSpan: span(at.source, j.id.span), args: j.args.map((a) => symbolicIn(ctx, at, a)) };
    case 'known':
      return { kind: 'known', span: where, fact: j.fact.text, factSpan: span(at.source, j.fact.span) };
  }
}
