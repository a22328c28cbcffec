// equibound run: evaluates every show of the main file. An item is printed exactly when rational, else to
// the requested digits; LaTeX is the item with its lets expanded and parameters as symbols. Bounds go to
// the theorem library (EB6001 while it is not available); a table's rows are evaluated by table-sweep.ts.

import { error, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { exactValue } from '../expr/exact.js';
import { toLatex } from '../expr/print/latex.js';
import { toText } from '../expr/print/text.js';
import { Rational } from '../expr/rational.js';
import { substitute } from '../expr/traverse.js';
import * as b from '../expr/build.js';
import type { Expr } from '../expr/types.js';
import { directlyEvaluable } from './closed-value.js';
import { checkNotation, tableText, tableTitle } from '../report/index.js';
import type { BoundModel, FormatModel, ShowItemModel, ShowModel } from '../semantics/model.js';
import type { Evaluator } from './evaluator.js';
import { progressCounter } from './progress.js';
import { loadTheoremLibrary, unknownTheorem, type BoundValue, type CheckedModel } from './theorem-library.js';

export interface ItemResult {
  readonly setting: string | null;
  readonly item: string;
  readonly outputs: readonly { readonly format: string; readonly text: string }[];
  readonly json: Record<string, unknown>;
  /** A table's aligned lines, printed instead of outputs. */
  readonly lines?: readonly string[];
}

export interface RunOptions {
  /** A progress line on a terminal (see progress.ts); undefined when stderr is not one, with --json and in CI. */
  readonly progress?: (text: string) => void;
}

export interface RunResult {
  readonly items: ItemResult[];
  readonly diagnostics: Diagnostic[];
}

export async function runShows(model: CheckedModel, precision: number, evaluator: Evaluator, options: RunOptions = {}): Promise<RunResult> {
  // `show … as latex` writes symbols as the file's notation lines say, as `equibound latex` does; a bad
  // entry is bad input, reported before anything is evaluated.
  const notation = checkNotation(Object.fromEntries(model.notation.map((n) => [n.name, n.latex])), new Map(model.notation.map((n) => [n.name, n.span])));
  if (!notation.ok) return { items: [], diagnostics: [...notation.diagnostics] };
  const symbols = notation.value;
  // A misspelt theorem id is bad input too: reported before anything runs, not beside printed values.
  const misspelt = await unknownTheorems(model);
  if (misspelt.length > 0) return { items: [], diagnostics: misspelt };
  const diagnostics: Diagnostic[] = [];
  const boundValues = await evaluateBounds(model, precision, diagnostics);
  const items: ItemResult[] = [];
  const cache = new Map<string, Result<BoundValue>>();
  for (const show of model.shows) {
    if (show.table) {
      items.push(await tableItem(model, show, precision, evaluator, options, cache, diagnostics));
      continue;
    }
    for (const item of show.items) {
      const r = await showItem(show, item, precision, evaluator, boundValues, diagnostics, symbols);
      if (r) items.push(r);
    }
  }
  return { items, diagnostics };
}

/** The most digits any show asks of a bound (decimal(N)), else the run's precision; a table's digits are its own. */
function digitsFor(model: CheckedModel, name: string, precision: number): number {
  let digits = precision;
  for (const show of model.shows)
    if (!show.table && show.items.some((i) => i.bound === name || i.bounds.includes(name)))
      for (const f of show.formats) if (f.kind === 'decimal' && f.digits !== null && f.digits <= 10_000) digits = Math.max(digits, f.digits);
  return digits;
}

/** Values of the bounds, by "setting/name" of the scope declaring them; EB6001 for each bound when the library is missing. */
async function evaluateBounds(model: CheckedModel, precision: number, diagnostics: Diagnostic[]): Promise<Map<string, BoundValue | null>> {
  const out = new Map<string, BoundValue | null>();
  const scopes = [model.top, ...model.settings.values()];
  const all: { key: string; bound: BoundModel<Expr> }[] = scopes.flatMap((s) => [...s.bounds.values()].map((bound) => ({ key: `${s.name ?? ''}/${bound.name}`, bound })));
  if (all.length === 0) return out;
  const library = await loadTheoremLibrary();
  for (const { key, bound } of all) {
    out.set(key, null);
    if (!library.theorems.has(bound.theorem)) {
      diagnostics.push(unknownTheorem(bound, library));
      continue;
    }
    const setting = bound.setting ? model.settings.get(bound.setting) : undefined;
    if (!setting) {
      diagnostics.push(error('EB6001', `bound \`${bound.name}\` names no setting`, { span: bound.span, hint: 'write bound NAME = theorem.id(SETTING, …)' }));
      continue;
    }
    const r = await library.evaluate(bound, setting, model, { digits: digitsFor(model, bound.name, precision) });
    if (r.ok) out.set(key, r.value);
    else diagnostics.push(...r.diagnostics);
  }
  return out;
}

function boundKey(model: ShowModel<Expr>, name: string, values: Map<string, BoundValue | null>): string {
  const inSetting = `${model.setting ?? ''}/${name}`;
  return values.has(inSetting) ? inSetting : `/${name}`;
}

async function showItem(
  show: ShowModel<Expr>,
  item: ShowItemModel<Expr>,
  precision: number,
  evaluator: Evaluator,
  boundValues: Map<string, BoundValue | null>,
  diagnostics: Diagnostic[],
  symbols: Readonly<Record<string, string>>,
): Promise<ItemResult | undefined> {
  const label = item.text.replace(/\s+/g, ' ');
  const base = { setting: show.setting, item: label };
  if (item.bound !== null) {
    const v = boundValues.get(boundKey(show, item.bound, boundValues));
    if (v?.numbers) {
      // The value asked for was not computed (too many digits, a free parameter, …): say so and exit 1.
      const headline = v.numbers[0];
      if (headline && headline.text === undefined) diagnostics.push(error('EB6026', `${item.bound}: ${headline.name} ${headline.note ?? 'was not computed'}`, { span: item.span }));
      return boundItem(base, show, v, symbols);
    }
  }
  let value = item.value;
  if (item.bounds.length > 0) {
    const env = new Map<string, Expr>();
    for (const name of item.bounds) {
      const v = boundValues.get(boundKey(show, name, boundValues));
      if (!v) return { ...base, outputs: [{ format: 'note', text: `not evaluated: needs bound \`${name}\` (EB6001)` }], json: { ...base, evaluated: false } };
      if (!directlyEvaluable(v.value)) {
        // Gamma is an inf over a Dudley integral: its digits come from the cut-off search and quadrature,
        // which do not compose with arithmetic here; say so rather than fail as bad input.
        const message = `${label}: \`${name}\` has no closed value (an inf over an integral), so an expression of it is not evaluated`;
        diagnostics.push(error('EB6026', message, { span: item.span, hint: 'show the bound itself; for the ratio of the equivariant and unconstrained bounds use bound r = gain.finite(S); show table of … gives bounds side by side' }));
        return { ...base, outputs: [{ format: 'note', text: `not evaluated: \`${name}\` has no closed value (EB6026)` }], json: { ...base, evaluated: false } };
      }
      env.set(name, v.value);
    }
    value = substitute(value, env);
  }
  const exact = exactValue(value, new Map());
  if (!exact.ok) {
    diagnostics.push(...exact.diagnostics.map((d) => ({ ...d, span: d.span ?? item.span })));
    return undefined;
  }
  const rational = exact.value.kind === 'rational' ? exact.value.value : undefined;
  const closed = exact.value.kind === 'rational' ? b.num(exact.value.value) : exact.value.expr;
  const formats: FormatModel[] = show.formats.length > 0 ? [...show.formats] : [rational ? { kind: 'exact', span: show.span } : { kind: 'decimal', digits: null, span: show.span }];
  const outputs: { format: string; text: string }[] = [];
  const json: Record<string, unknown> = { ...base };
  for (const f of formats) {
    switch (f.kind) {
      case 'exact': {
        const text = rational ? rational.toString() : toText(closed);
        outputs.push({ format: 'exact', text: `= ${text}` });
        json.exact = text;
        break;
      }
      case 'decimal': {
        const digits = f.digits ?? precision;
        if (digits < 1 || digits > 10_000) {
          diagnostics.push(error('EB5002', `decimal(${digits}) is out of range`, { span: f.span }));
          break;
        }
        const r = await evaluator.evaluate(closed, digits);
        if (!r.ok) {
          diagnostics.push(...r.diagnostics.map((d) => ({ ...d, span: d.span ?? item.span })));
          break;
        }
        for (const w of r.warnings ?? []) diagnostics.push({ ...w, span: w.span ?? item.span });
        // A point enclosure is an exact value (ceil of an irrational, say): print it exactly when no format was asked for.
        const point = r.value.lower.equals(r.value.upper) ? r.value.lower : rational;
        if (point !== undefined && show.formats.length === 0) {
          outputs.push({ format: 'exact', text: `= ${point.toString()}` });
          json.exact = point.toString();
          break;
        }
        const exactDecimal = point !== undefined && Rational.parseDecimal(r.value.text)?.equals(point) === true;
        outputs.push({ format: `decimal(${digits})`, text: `${exactDecimal ? '=' : '≈'} ${r.value.text}` });
        json.decimal = { digits, value: r.value.text, exact: exactDecimal, certified: r.value.correctlyRounded };
        break;
      }
      case 'latex': {
        const text = toLatex(item.symbolic, { symbols });
        outputs.push({ format: 'latex', text });
        json.latex = text;
        break;
      }
      case 'json':
        json.text = toText(closed);
        if (rational) json.exact = rational.toString();
        outputs.push({ format: 'json', text: '' });
        break;
    }
  }
  return { ...base, outputs, json };
}

/** A bound named in a show: its theorem's relation, each number with how far it is proven, and LaTeX if asked. */
function boundItem(base: { setting: string | null; item: string }, show: ShowModel<Expr>, v: BoundValue, symbols: Readonly<Record<string, string>>): ItemResult {
  const outputs: { format: string; text: string }[] = [];
  if (v.relation) outputs.push({ format: 'statement', text: `${v.relation} …` });
  for (const n of v.numbers ?? []) {
    const status = n.text === undefined ? (n.note ?? 'not computed') : n.exact ? '' : n.certified ? '' : '(last digit not certified: quadrature estimate)';
    const value = n.text === undefined ? '' : `${n.exact ? '=' : '≈'} ${n.text}`;
    const closed = n.text !== undefined && n.closedForm !== undefined && !n.exact ? `= ${n.closedForm}` : '';
    outputs.push({ format: n.name, text: [value, closed, n.vacuous ? 'VACUOUS (>= B, says nothing)' : '', status].filter((x) => x.length > 0).join('  ') });
  }
  if (show.formats.some((f) => f.kind === 'latex')) outputs.push({ format: 'latex', text: toLatex(v.value, { symbols }) });
  const json = { ...base, relation: v.relation, numbers: v.numbers, vacuous: v.vacuous ?? false, hypotheses: v.hypotheses, notes: v.notes };
  if (show.formats.some((f) => f.kind === 'json')) outputs.push({ format: 'json', text: '' });
  return { ...base, outputs, json };
}

/** A table: every row evaluated through the library in the row's scopes; a progress bar on long sweeps. */
async function tableItem(model: CheckedModel, show: ShowModel<Expr, Rational>, precision: number, evaluator: Evaluator, options: RunOptions, cache: Map<string, Result<BoundValue>>, diagnostics: Diagnostic[]): Promise<ItemResult> {
  const { evaluateTable } = await import('./table-sweep.js');
  const counter = options.progress ? progressCounter(options.progress, `table ${show.table!.parameter}`, 'rows') : undefined;
  try {
    const r = await evaluateTable(model, show, {
      precision,
      library: await loadTheoremLibrary(),
      evaluate: (e, digits) => evaluator.evaluate(e, digits),
      cache,
      ...(counter ? { progress: (done: number, total: number) => counter.update(done, total) } : {}),
    });
    diagnostics.push(...r.diagnostics);
    const t = r.data;
    const rows = t.rows.map((row) => ({ value: row.value.toString(), cells: row.cells.map((c) => (c.kind === 'value' ? { text: c.text, exact: c.exact, certified: c.certified, vacuous: c.vacuous } : { notComputed: c.reason })) }));
    const json = { setting: show.setting, item: tableTitle(t), table: { parameter: t.parameter, columns: t.columns.map((c) => c.label), rows } };
    return { setting: show.setting, item: tableTitle(t), outputs: [], json, lines: tableText(t) };
  } finally {
    counter?.finish();
  }
}

export function formatItems(items: readonly ItemResult[]): string {
  const lines: string[] = [];
  for (const it of items) {
    lines.push(`${it.setting ? `${it.setting}: ` : ''}${it.item}`);
    if (it.lines) {
      lines.push(...it.lines.map((l) => `  ${l}`));
      continue;
    }
    const width = Math.max(...it.outputs.map((o) => o.format.length));
    for (const o of it.outputs) {
      if (o.format === 'json') lines.push(`  ${'json'.padEnd(width)}  ${JSON.stringify(it.json)}`);
      else lines.push(`  ${o.format.padEnd(width)}  ${o.text}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

async function unknownTheorems(model: CheckedModel): Promise<Diagnostic[]> {
  const bounds = [model.top, ...model.settings.values()].flatMap((s) => [...s.bounds.values()]);
  if (bounds.length === 0) return [];
  const library = await loadTheoremLibrary();
  return bounds.filter((bound) => !library.theorems.has(bound.theorem)).map((bound) => unknownTheorem(bound, library));
}
