// An instantiation as LaTeX or text: the theorem's id and title, its instantiated hypotheses with how
// each was checked, the bound (symbolic and instantiated), and its values with their status.

import { toLatex } from '../expr/print/latex.js';
import { toText } from '../expr/print/text.js';
import type { Instantiation } from './instantiation.js';

const SYMBOLS = { Lstar: 'L^*', eta2: '\\eta_2', alpha0: '\\tilde\\alpha' } as const;

function valueText(v: Instantiation['values'][number]): string {
  if (v.notComputed) return `not computed (${v.notComputed.code}: ${v.notComputed.message})`;
  const a = v.approximation;
  const digits = v.exact !== undefined ? `${v.exact.toString()}${a && !v.exact.isInteger() ? ` = ${a.text}` : ''}` : a ? `${a.text}${a.correctlyRounded ? '' : ' (last digit not certified)'}` : '';
  return `${digits}${v.vacuous ? ' (vacuous)' : ''}`;
}

function escapeLatex(s: string): string {
  return s.replace(/([_%&#$])/g, '\\$1').replace(/\^/g, '\\^{}');
}

export function renderInstantiation(inst: Instantiation, format: 'latex' | 'text' = 'latex'): string {
  if (format === 'text') {
    const lines = [
      `${inst.theorem} — ${inst.spec.title} (THEORY §${inst.spec.section}; ${inst.spec.source})`,
      'hypotheses:',
      ...inst.hypotheses.map((h) => `  ${h.name}: ${h.statement} [${h.how}: ${h.detail}]`),
      `bound: ${inst.relation} ${toText(inst.bound)}`,
      ...inst.values.map((v) => `  ${v.name} = ${valueText(v)}`),
      ...inst.notes.map((n) => `  note: ${n}`),
    ];
    return lines.join('\n');
  }
  const lines = [
    `\\begin{theorem}[\\texttt{${escapeLatex(inst.theorem)}}: ${escapeLatex(inst.spec.title)}]`,
    '\\begin{itemize}',
    ...inst.hypotheses.map((h) => `  \\item \\emph{${escapeLatex(h.name)}}: ${escapeLatex(h.statement)} (${h.how}: ${escapeLatex(h.detail)})`),
    '\\end{itemize}',
    `Then ${escapeLatex(inst.relation)}`,
    '\\[',
    `  ${toLatex(inst.bound, { symbols: SYMBOLS })}`,
    '\\]',
    ...(inst.values.length > 0 ? ['\\begin{itemize}', ...inst.values.map((v) => `  \\item ${escapeLatex(v.name)} $=$ ${escapeLatex(valueText(v))}`), '\\end{itemize}'] : []),
    `\\end{theorem}`,
  ];
  return lines.join('\n');
}
