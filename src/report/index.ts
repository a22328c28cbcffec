// The report stage's public face: LaTeX fragments from plain data, documents around them, notation.
export { boundFragment, decimalLatex, escapeText, derivationFragment, fragmentLatex, showFragment, valueRows, DIGITS_PER_LINE, type BoundFragmentData, type DerivationFragmentData, type FragmentData, type ReportedValue, type ShowFragmentData } from './latex-fragment.js';
export { documentTitle, latexFragments, latexStandalone, type ReportSection } from './latex-document.js';
export { checkNotation, notationProblem, type Notation } from './notation.js';
export { programReport, type BoundReport, type ProgramReport, type ProgramReportOptions } from './program-report.js';
export { cellText, sweepValueLatexes, sweepValueTexts, tableLatex, tableText, tableTitle, type TableCell, type TableColumn, type TableData, type TableRow } from './table.js';
