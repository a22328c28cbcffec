// LaTeX fragments for papers: one `align*` block per show item, bound and derivation, described by plain
// data so that the theory layer and the checker can fill them without this module knowing their types.

import * as b from '../expr/build.js';
import { toLatex } from '../expr/print/latex.js';
import type { Expr } from '../expr/types.js';
import type { Notation } from './notation.js';

/** A value as the report prints it: an exact closed form (already LaTeX), or decimal digits. */
export type ReportedValue =
  | { readonly kind: 'exact'; readonly latex: string }
  /** `exact` when the digits are the value itself (printed with =), else rounded (printed with \approx). */
  | { readonly kind: 'decimal'; readonly text: string; readonly exact: boolean; readonly certified: boolean };

export interface ShowFragmentData {
  readonly kind: 'show';
  /** The name on the left (a let or parameter shown by name), or null for an anonymous expression. */
  readonly name: string | null;
  /** The item as a paper writes it: lets expanded, parameters as symbols. */
  readonly expr: Expr;
  readonly values: readonly ReportedValue[];
  /** A plain-text remark set as a LaTeX comment (e.g. why no value was computed). */
  readonly note?: string;
}

export interface BoundFragmentData {
  readonly kind: 'bound';
  /** The name the program gives the bound (bound NAME = …). */
  readonly name: string | null;
  /** The theorem's id, e.g. gen.exact.power. */
  readonly theoremId: string;
  /** Instantiated hypotheses, each LaTeX-ready text (math inside $…$). */
  readonly hypotheses: readonly string[];
  /** The bound as an expression (symbolic or instantiated). */
  readonly bound: Expr;
  /** Its value as decimal digits (or an integer or fraction text when exact). */
  readonly value?: string;
  /** True when `value` is the exact value (printed with =); rounded values get \approx. */
  readonly valueExact?: boolean;
  /** False when the digits are an estimate (quadrature): the last digit is marked uncertain. */
  readonly valueCertified?: boolean;
  /** True when the bound is at least the loss range: the theorem says nothing. */
  readonly vacuous?: boolean;
  /** How the named quantity relates to the bound (default <=: an upper bound). */
  readonly relation?: '=' | '<=' | '>=';
}

/** A derivation as the checker reports it: a chain of relations, each step with its justification. */
export interface DerivationFragmentData {
  readonly kind: 'derivation';
  readonly name: string | null;
  readonly start: Expr;
  readonly steps: readonly { readonly relation: '=' | '<=' | '<' | '>=' | '>'; readonly expr: Expr; readonly justification?: string }[];
}

export type FragmentData = ShowFragmentData | BoundFragmentData | DerivationFragmentData;

/** Digits per line of a long decimal, so that 1000-digit values stay inside the text width. */
export const DIGITS_PER_LINE = 60;

const relationLatex = { '=': '=', '<=': '\\leq', '<': '<', '>=': '\\geq', '>': '>' } as const;

export function fragmentLatex(f: FragmentData, notation: Notation = {}): string {
  switch (f.kind) {
    case 'show':
      return showFragment(f, notation);
    case 'bound':
      return boundFragment(f, notation);
    case 'derivation':
      return derivationFragment(f, notation);
    default: {
      const never: never = f;
      throw new Error(`fragmentLatex: unknown fragment ${(never as FragmentData).kind}`);
    }
  }
}

function align(lines: readonly string[]): string {
  return ['\\begin{align*}', ...lines.map((l, i) => `  ${l}${i < lines.length - 1 ? ' \\\\' : ''}`), '\\end{align*}'].join('\n');
}

function nameLatex(name: string, notation: Notation): string {
  return toLatex(b.sym(name), { symbols: notation });
}

export function showFragment(f: ShowFragmentData, notation: Notation = {}): string {
  const expr = toLatex(f.expr, { symbols: notation });
  const lines: string[] = [];
  const printed = new Set([expr]);
  if (f.name !== null) {
    const name = nameLatex(f.name, notation);
    printed.add(name);
    lines.push(name === expr ? expr : `${name} &= ${expr}`);
  } else lines.push(expr);
  let first = f.name === null || lines[0] === expr;
  for (const v of f.values) {
    const rows = valueRows(v);
    if (rows.length === 0 || printed.has(rows[0]!.body)) continue;
    printed.add(rows[0]!.body);
    rows.forEach((r, i) => {
      const text = `${i === 0 ? `&${r.relation} ` : '&\\hphantom{{}=} '}${r.body}`;
      if (first && i === 0) lines[lines.length - 1] += ` ${text}`;
      else lines.push(text);
    });
    first = false;
  }
  const out = align(lines);
  return f.note ? `${latexComment(f.note)}\n${out}` : out;
}

export function boundFragment(f: BoundFragmentData, notation: Notation = {}): string {
  const who = f.name !== null ? `the bound $${nameLatex(f.name, notation)}$ ` : 'the bound ';
  const sentence = [
    `By \\texttt{${escapeText(f.theoremId)}}`,
    f.hypotheses.length > 0 ? `, whose hypotheses hold with ${joinWords(f.hypotheses)}, ` : ' ',
    `${who}is`,
    f.vacuous ? ' vacuous (at least the loss range, so it says nothing):' : ':',
  ].join('');
  const lhs = f.name !== null ? `${nameLatex(f.name, notation)} &${relationLatex[f.relation ?? '<=']} ` : '&';
  const lines = [`${lhs}${toLatex(f.bound, { symbols: notation })}`];
  if (f.value !== undefined) {
    // An exact headline may be a fraction (approx.lower's 1/50): written as one, not parsed as digits.
    const fraction = f.valueExact === true ? /^(-?)(\d+)\/(\d+)$/.exec(f.value.trim()) : null;
    const value: ReportedValue = fraction ? { kind: 'exact', latex: `${fraction[1]}\\frac{${fraction[2]}}{${fraction[3]}}` } : { kind: 'decimal', text: f.value, exact: f.valueExact === true, certified: f.valueCertified !== false };
    valueRows(value).forEach((r, i) => lines.push(`${i === 0 ? `&${r.relation} ` : '&\\hphantom{{}=} '}${r.body}`));
  }
  return `${sentence}\n${align(lines)}`;
}

export function derivationFragment(f: DerivationFragmentData, notation: Notation = {}): string {
  const lines = [`${toLatex(f.start, { symbols: notation })}`];
  f.steps.forEach((s, i) => {
    const just = s.justification ? ` && \\text{(${escapeText(s.justification)})}` : '';
    const row = `&${relationLatex[s.relation]} ${toLatex(s.expr, { symbols: notation })}${just}`;
    if (i === 0) lines[0] += ` ${row}`;
    else lines.push(row);
  });
  const head = f.name !== null ? `Derivation \\texttt{${escapeText(f.name)}}:\n` : '';
  return `${head}${align(lines)}`;
}

interface Row {
  readonly relation: '=' | '\\approx';
  readonly body: string;
}

/** A value as align rows: the relation and the first line, then continuation lines of a long decimal. */
export function valueRows(v: ReportedValue): Row[] {
  if (v.kind === 'exact') return [{ relation: '=', body: v.latex }];
  const { latex, uncertain } = decimalLatex(v.text);
  const relation = v.exact && !uncertain ? '=' : '\\approx';
  const mark = uncertain || !v.certified ? ' \\quad \\text{(last digit uncertain)}' : '';
  const chunks = splitDigits(latex);
  return chunks.map((c, i) => ({ relation, body: `${c}${i === chunks.length - 1 ? mark : ''}` }));
}

/** Decimal text from the numeric engine (1.25, -3e-12, with an optional uncertainty suffix) as LaTeX. */
export function decimalLatex(text: string): { latex: string; uncertain: boolean } {
  const m = /^\s*(-?)(\d+(?:\.\d+)?)(?:e([+-]?\d+))?(.*)$/.exec(text);
  if (!m) return { latex: `\\text{${escapeText(text)}}`, uncertain: true };
  const [, sign, mantissa, exponent, rest] = m;
  const uncertain = rest!.trim() !== '';
  const power = exponent !== undefined ? ` \\times 10^{${Number(exponent)}}` : '';
  return { latex: `${sign}${mantissa}${power}`, uncertain };
}

/** Breaks the digits of a long number into lines of DIGITS_PER_LINE; the exponent stays on the last. */
function splitDigits(latex: string): string[] {
  const m = /^(-?[\d.]+)(.*)$/.exec(latex);
  if (!m || m[1]!.length <= DIGITS_PER_LINE) return [latex];
  const digits = m[1]!;
  const out: string[] = [];
  for (let i = 0; i < digits.length; i += DIGITS_PER_LINE) out.push(digits.slice(i, i + DIGITS_PER_LINE));
  out[out.length - 1] += m[2]!;
  return out;
}

function joinWords(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Text-mode escape for names and ids typeset with \texttt or \text. */
export function escapeText(s: string): string {
  return s.replace(/[\\{}#$%&_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`));
}

/** A remark as LaTeX comment lines. */
export function latexComment(text: string): string {
  return text
    .split('\n')
    .map((l) => `% ${l}`)
    .join('\n');
}
