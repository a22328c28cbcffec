// A checked program as report sections: per scope its parameters (a sentence) and lets (align*), then
// each show item as a fragment with its values as `run` computes them, each bound as a fragment, and each
// table as a tabular (its rows evaluated by the caller).

import { error, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { exactValue } from '../expr/exact.js';
import { toLatex } from '../expr/print/latex.js';
import { toText } from '../expr/print/text.js';
import { Rational } from '../expr/rational.js';
import { substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { Approximation } from '../numeric/api.js';
import type { DomainModel, FormatModel, Model, ScopeModel, ShowItemModel, ShowModel } from '../semantics/model.js';
import type { ReportSection } from './latex-document.js';
import { boundFragment, escapeText, latexComment, showFragment, type BoundFragmentData, type ReportedValue } from './latex-fragment.js';
import type { Notation } from './notation.js';
import { tableLatex, type TableData } from './table.js';

/** What is known of a declared bound: its fragment data, or why it has none. */
export type BoundReport = { readonly kind: 'evaluated'; readonly data: BoundFragmentData; readonly value: Expr } | { readonly kind: 'missing'; readonly reason: string };

export interface ProgramReportOptions {
  /** Digits of a decimal without an explicit decimal(N). */
  readonly precision: number;
  /** The numeric engine: a closed expression to `digits` significant digits (certified). */
  readonly evaluate: (e: Expr, digits: number) => Result<Approximation>;
  readonly notation?: Notation;
  /** Bounds by "setting/name" ("/name" at the top level). A bound not listed is reported as not evaluated. */
  readonly bounds?: ReadonlyMap<string, BoundReport>;
  /** The evaluated tables, by show; a table not listed is a comment saying so. */
  readonly tables?: ReadonlyMap<ShowModel<Expr, Rational>, TableData>;
}

export interface ProgramReport {
  readonly sections: ReportSection[];
  readonly diagnostics: Diagnostic[];
}

const LATEX_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function programReport(model: Model<Expr, Rational>, options: ProgramReportOptions): ProgramReport {
  const notation = options.notation ?? {};
  const diagnostics: Diagnostic[] = [];
  const bounds = options.bounds ?? new Map<string, BoundReport>();
  const sections: ReportSection[] = [];
  const scopes = [model.top, ...model.settings.values()];
  for (const s of scopes) sections.push({ heading: s.name ? `Setting \\texttt{${escapeText(s.name)}}.` : 'Definitions.', parts: scopeParts(s, notation) });

  const boundParts: string[] = [];
  for (const s of scopes) {
    for (const bound of s.bounds.values()) {
      const r = bounds.get(`${s.name ?? ''}/${bound.name}`);
      const call = `${bound.name} = ${bound.theorem}(${bound.setting ?? ''}${[...bound.args.values()].map((a) => `, ${a.name}${a.kind === 'word' ? ` = ${a.word}` : a.kind === 'reference' ? ` = ${a.target}` : a.kind === 'entry' ? ` = ${a.entry.entry}(…)` : ` = ${toText(a.value)}`}`).join('')})`;
      if (r?.kind === 'evaluated') boundParts.push(boundFragment(r.data, notation));
      else boundParts.push(latexComment(`bound ${call}: not evaluated (${r?.reason ?? 'no value given'})`));
    }
  }
  sections.push({ heading: 'Bounds.', parts: boundParts });

  const shown: string[] = [];
  for (const show of model.shows) {
    if (show.table) {
      const t = options.tables?.get(show);
      shown.push(t ? tableLatex(t, notation) : latexComment(`table for ${show.table.parameter}: not evaluated`));
      continue;
    }
    for (const item of show.items) shown.push(itemFragment(show, item, bounds, options, notation, diagnostics));
  }
  sections.push({ heading: 'Shown.', parts: shown });
  return { sections, diagnostics };
}

function scopeParts(s: ScopeModel<Expr, Rational>, notation: Notation): string[] {
  const out: string[] = [];
  const name = (n: string) => toLatex(b.sym(n), { symbols: notation });
  const params = [...s.parameters.values()];
  const given = params.filter((p) => p.value !== null).map((p) => `$${name(p.name)} = ${toLatex(p.value!, { symbols: notation })}$`);
  const free = params.filter((p) => p.value === null).map((p) => `$${name(p.name)} ${domainLatex(p.domain)}$`);
  if (given.length > 0) out.push(`Let ${given.join(', ')}.`);
  if (free.length > 0) out.push(`Free: ${free.join(', ')}.`);
  const lets = [...s.lets.values()];
  if (lets.length > 0) out.push(['\\begin{align*}', ...lets.map((l, i) => `  ${name(l.name)} &= ${toLatex(l.symbolic, { symbols: notation })}${i < lets.length - 1 ? ' \\\\' : ''}`), '\\end{align*}'].join('\n'));
  return out;
}

function domainLatex(d: DomainModel<Rational>): string {
  const q = (x: Rational) => toLatex(b.num(x));
  const ints = d.integer ? ' \\cap \\mathbb{Z}' : '';
  if (d.lower && d.upper) return `\\in ${d.lower.open ? '(' : '['}${q(d.lower.value)}, ${q(d.upper.value)}${d.upper.open ? ')' : ']'}${ints}`;
  if (d.lower) return `\\in ${d.lower.open ? '(' : '['}${q(d.lower.value)}, \\infty)${ints}`;
  if (d.upper) return `\\in (-\\infty, ${q(d.upper.value)}${d.upper.open ? ')' : ']'}${ints}`;
  return d.integer ? '\\in \\mathbb{Z}' : '\\in \\mathbb{R}';
}

function boundKey(show: ShowModel<Expr>, name: string, bounds: ReadonlyMap<string, BoundReport>): string {
  const inSetting = `${show.setting ?? ''}/${name}`;
  return bounds.has(inSetting) ? inSetting : `/${name}`;
}

function itemFragment(
  show: ShowModel<Expr>,
  item: ShowItemModel<Expr>,
  bounds: ReadonlyMap<string, BoundReport>,
  options: ProgramReportOptions,
  notation: Notation,
  diagnostics: Diagnostic[],
): string {
  const label = item.text.replace(/\s+/g, ' ').trim();
  const name = LATEX_NAME.test(label) ? label : null;
  if (item.bound !== null) {
    const r = bounds.get(boundKey(show, item.bound, bounds));
    if (r?.kind === 'evaluated') return boundFragment(r.data, notation);
  }
  let value = item.value;
  if (item.bounds.length > 0) {
    const env = new Map<string, Expr>();
    for (const bound of item.bounds) {
      const r = bounds.get(boundKey(show, bound, bounds));
      if (r?.kind !== 'evaluated') {
        return showFragment({ kind: 'show', name, expr: item.symbolic, values: [], note: `not evaluated: needs bound ${bound} (${r?.reason ?? 'no value given'})` }, notation);
      }
      env.set(bound, r.value);
    }
    value = substitute(value, env);
  }
  const values = itemValues(show, item, value, options, diagnostics);
  return showFragment({ kind: 'show', name, expr: item.symbolic, values: values.values, ...(values.note ? { note: values.note } : {}) }, notation);
}

/** The values an item's formats ask for, as `run` prints them: exact when rational, else digits. */
function itemValues(show: ShowModel<Expr>, item: ShowItemModel<Expr>, value: Expr, options: ProgramReportOptions, diagnostics: Diagnostic[]): { values: ReportedValue[]; note?: string } {
  const exact = exactValue(value, new Map());
  if (!exact.ok) {
    diagnostics.push(...exact.diagnostics.map((d) => ({ ...d, span: d.span ?? item.span })));
    return { values: [], note: `not evaluated: ${exact.diagnostics[0]?.message ?? 'undefined'}` };
  }
  const rational = exact.value.kind === 'rational' ? exact.value.value : undefined;
  const closed = rational ? b.num(rational) : exact.value.kind === 'irrational' ? exact.value.expr : value;
  const formats: readonly FormatModel[] = show.formats.length > 0 ? show.formats : [rational ? { kind: 'exact', span: show.span } : { kind: 'decimal', digits: null, span: show.span }];
  const values: ReportedValue[] = [];
  const notes: string[] = [];
  for (const f of formats) {
    if (f.kind === 'exact') values.push({ kind: 'exact', latex: toLatex(closed, { symbols: options.notation ?? {} }) });
    if (f.kind !== 'decimal') continue;
    const digits = f.digits ?? options.precision;
    if (digits < 1 || digits > 10_000) {
      diagnostics.push(error('EB5002', `decimal(${digits}) is out of range`, { span: f.span }));
      continue;
    }
    const r = options.evaluate(closed, digits);
    if (!r.ok) {
      diagnostics.push(...r.diagnostics.map((d) => ({ ...d, span: d.span ?? item.span })));
      notes.push(`decimal(${digits}) not evaluated: ${r.diagnostics[0]?.message ?? 'failed'}`);
      continue;
    }
    for (const w of r.warnings ?? []) diagnostics.push({ ...w, span: w.span ?? item.span });
    const point = r.value.lower.equals(r.value.upper) ? r.value.lower : rational;
    if (point !== undefined && show.formats.length === 0) {
      values.push({ kind: 'exact', latex: toLatex(b.num(point)) });
      continue;
    }
    const exactDecimal = point !== undefined && Rational.parseDecimal(r.value.text)?.equals(point) === true;
    values.push({ kind: 'decimal', text: r.value.text, exact: exactDecimal, certified: r.value.correctlyRounded });
  }
  return notes.length > 0 ? { values, note: notes.join('\n') } : { values };
}
