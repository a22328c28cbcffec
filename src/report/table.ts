// A parameter sweep as a table, from plain data: aligned text for `run` and a plain LaTeX tabular for
// papers. Every cell keeps the labels of `run`: = or ≈, vacuous values, and digits that are estimates.

import * as b from '../expr/build.js';
import { toLatex } from '../expr/print/latex.js';
import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { decimalLatex, escapeText, latexComment } from './latex-fragment.js';
import type { Notation } from './notation.js';

export type TableCell =
  /** `exact`: the text is the value (an integer, a fraction or exact digits); `certified`: every digit is proven. */
  | { readonly kind: 'value'; readonly text: string; readonly exact: boolean; readonly certified: boolean; readonly vacuous: boolean }
  | { readonly kind: 'missing'; readonly reason: string };

export interface TableColumn {
  /** The column as written: `equiv`, `equiv/full`, `"alpha*(Gamma_G)" of equiv`. */
  readonly label: string;
  /** The column as a paper writes it (lets expanded, parameters as symbols); null for a bound's number. */
  readonly expr: Expr | null;
  /** `"NAME" of BOUND`: the number and the bound. */
  readonly number?: { readonly name: string; readonly bound: string };
}

export interface TableRow {
  readonly value: Rational;
  readonly cells: readonly TableCell[];
}

export interface TableData {
  readonly setting: string | null;
  /** The swept parameter. */
  readonly parameter: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

const UNCERTIFIED = '*';
const legends = {
  uncertified: `${UNCERTIFIED} last digit not certified: quadrature estimate`,
  vacuous: 'VACUOUS: >= B, says nothing',
};

/** `table of equiv, full for n`, the heading of a table in `run`. */
export function tableTitle(t: TableData): string {
  return `table of ${t.columns.map((c) => c.label).join(', ')} for ${t.parameter}`;
}

/** The sweep values as a paper writes them: 10^3, 10^4, … when all are powers of ten reaching 10^4, else exact numbers. */
export function sweepValueTexts(values: readonly Rational[]): string[] {
  const ks = powersOfTen(values);
  return values.map((q, i) => (ks ? `10^${ks[i]}` : q.toString()));
}

export function sweepValueLatexes(values: readonly Rational[]): string[] {
  const ks = powersOfTen(values);
  return values.map((q, i) => (ks ? `10^{${ks[i]}}` : toLatex(b.num(q))));
}

function powersOfTen(values: readonly Rational[]): number[] | undefined {
  const ks = values.map((q) => (q.isInteger() && /^10+$/.test(q.n.toString()) ? q.n.toString().length - 1 : undefined));
  return ks.every((k) => k !== undefined) && Math.max(...ks) >= 4 ? ks : undefined;
}

/**
 * A cell as `run` prints it: `≈ 1.2516*  VACUOUS`, `= 1/12`, or `not computed`. `slot`: a certified cell
 * gets a space where the mark would be, so that the labels after it line up in a column with marks.
 */
export function cellText(c: TableCell, slot = false): string {
  if (c.kind === 'missing') return 'not computed';
  const mark = c.certified ? (slot && c.vacuous ? ' ' : '') : UNCERTIFIED;
  return `${c.exact ? '=' : '≈'} ${c.text}${mark}${c.vacuous ? '  VACUOUS' : ''}`;
}

/** The table as aligned lines (no indentation): a header, a row per value, then the legend of the marks used. */
export function tableText(t: TableData): string[] {
  const values = sweepValueTexts(t.rows.map((r) => r.value));
  const marked = t.columns.map((_, j) => t.rows.some((r) => r.cells[j]?.kind === 'value' && !r.cells[j].certified));
  const grid = [[t.parameter, ...t.columns.map((c) => c.label)], ...t.rows.map((r, i) => [values[i]!, ...r.cells.map((c, j) => cellText(c, marked[j]))])];
  const widths = grid[0]!.map((_, j) => Math.max(...grid.map((row) => [...row[j]!].length)));
  const lines = grid.map((row) => row.map((cell, j) => (j === row.length - 1 ? cell : cell + ' '.repeat(widths[j]! - [...cell].length))).join('  '));
  const cells = t.rows.flatMap((r) => r.cells);
  if (cells.some((c) => c.kind === 'value' && !c.certified)) lines.push(legends.uncertified);
  if (cells.some((c) => c.kind === 'value' && c.vacuous)) lines.push(legends.vacuous);
  return lines;
}

/** The table as a plain tabular (no packages beyond the article class), with a legend of the marks used. */
export function tableLatex(t: TableData, notation: Notation = {}): string {
  const math = (e: Expr) => `$${toLatex(e, { symbols: notation })}$`;
  const header = [math(b.sym(t.parameter)), ...t.columns.map((c) => (c.number ? `\\texttt{${escapeText(c.number.name)}} of ${math(b.sym(c.number.bound))}` : math(c.expr!)))];
  const values = sweepValueLatexes(t.rows.map((r) => r.value));
  const body = t.rows.map((r, i) => [`$${values[i]}$`, ...r.cells.map(cellLatex)]);
  const lines = [
    latexComment(tableTitle(t)),
    '\\begin{center}',
    `\\begin{tabular}{r${'l'.repeat(t.columns.length)}}`,
    `${header.join(' & ')} \\\\`,
    '\\hline',
    ...body.map((row) => `${row.join(' & ')} \\\\`),
    '\\end{tabular}',
    '\\end{center}',
  ];
  const cells = t.rows.flatMap((r) => r.cells);
  const notes: string[] = [];
  if (cells.some((c) => c.kind === 'value' && !c.certified)) notes.push('$^{\\dagger}$ last digit uncertain (quadrature estimate)');
  if (cells.some((c) => c.kind === 'value' && c.vacuous)) notes.push('vacuous: at least the loss range, so the bound says nothing');
  if (notes.length > 0) lines.push(`${notes.join('; ')}.`);
  return lines.join('\n');
}

function cellLatex(c: TableCell): string {
  if (c.kind === 'missing') return 'not computed';
  const fraction = /^(-?)(\d+)\/(\d+)$/.exec(c.text);
  const number = fraction ? toLatex(b.num(Rational.of(BigInt(`${fraction[1]}${fraction[2]}`), BigInt(fraction[3]!)))) : decimalLatex(c.text).latex;
  return `$${c.exact ? '' : '\\approx '}${number}${c.certified ? '' : '^{\\dagger}'}$${c.vacuous ? ' (vacuous)' : ''}`;
}
