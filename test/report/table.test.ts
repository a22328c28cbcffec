// Tables from plain data: aligned text with the labels of `run` (= and ≈, VACUOUS, the mark of estimated
// digits and its legend), powers of ten in the first column, and a plain tabular that pdflatex compiles.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { afterAll, describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { cellText, latexStandalone, sweepValueLatexes, sweepValueTexts, tableLatex, tableText, tableTitle, type TableData } from '../../src/report/index.js';
import { expr } from './fixtures.js';

const q = (n: number | bigint, d: number | bigint = 1) => Rational.of(BigInt(n), BigInt(d));

const table: TableData = {
  setting: 'cube',
  parameter: 'n',
  columns: [{ label: 'equiv', expr: b.sym('equiv') }, { label: 'equiv/full', expr: expr('equiv/full') }, { label: '"alpha*(Gamma_G)" of equiv', expr: null, number: { name: 'alpha*(Gamma_G)', bound: 'equiv' } }],
  rows: [
    { value: q(1000), cells: [{ kind: 'value', text: '8.0809', exact: false, certified: false, vacuous: true }, { kind: 'missing', reason: 'inf' }, { kind: 'value', text: '0.8555', exact: false, certified: true, vacuous: false }] },
    { value: q(10n ** 6n), cells: [{ kind: 'value', text: '2.3672', exact: false, certified: true, vacuous: true }, { kind: 'value', text: '0.55', exact: false, certified: true, vacuous: false }, { kind: 'value', text: '1/5', exact: true, certified: true, vacuous: false }] },
  ],
};

describe('text tables', () => {
  it('aligns the columns and keeps the labels of run', () => {
    expect(tableTitle(table)).toBe('table of equiv, equiv/full, "alpha*(Gamma_G)" of equiv for n');
    expect(tableText(table)).toEqual([
      'n     equiv               equiv/full    "alpha*(Gamma_G)" of equiv',
      '10^3  ≈ 8.0809*  VACUOUS  not computed  ≈ 0.8555',
      '10^6  ≈ 2.3672   VACUOUS  ≈ 0.55        = 1/5',
      '* last digit not certified: quadrature estimate',
      'VACUOUS: >= B, says nothing',
    ]);
  });
  it('prints a legend only for the marks it uses', () => {
    const plain: TableData = { ...table, rows: [{ value: q(1, 2), cells: [{ kind: 'value', text: '1', exact: true, certified: true, vacuous: false }, { kind: 'value', text: '2', exact: true, certified: true, vacuous: false }, { kind: 'value', text: '3', exact: true, certified: true, vacuous: false }] }] };
    expect(tableText(plain)).toEqual(['n    equiv  equiv/full  "alpha*(Gamma_G)" of equiv', '1/2  = 1    = 2         = 3']);
  });
  it('cells: exact with =, rounded with ≈, estimates marked, vacuous said', () => {
    expect(cellText({ kind: 'value', text: '1/12', exact: true, certified: true, vacuous: false })).toBe('= 1/12');
    expect(cellText({ kind: 'value', text: '2.25', exact: false, certified: false, vacuous: true })).toBe('≈ 2.25*  VACUOUS');
    expect(cellText({ kind: 'missing', reason: 'x' })).toBe('not computed');
  });
  it('writes powers of ten as such only when the whole column is', () => {
    expect(sweepValueTexts([q(1000), q(10_000), q(10n ** 9n)])).toEqual(['10^3', '10^4', '10^9']);
    expect(sweepValueTexts([q(1000), q(100)])).toEqual(['1000', '100']);
    expect(sweepValueTexts([q(10_000), q(20_000)])).toEqual(['10000', '20000']);
    expect(sweepValueTexts([q(1, 20), q(1, 10)])).toEqual(['1/20', '1/10']);
    expect(sweepValueLatexes([q(1000), q(10n ** 6n)])).toEqual(['10^{3}', '10^{6}']);
    expect(sweepValueLatexes([q(1, 20)])).toEqual(['\\frac{1}{20}']);
  });
});

describe('LaTeX tables', () => {
  const latex = tableLatex(table, { equiv: 'E' });
  it('is a plain tabular: header, rule, a row per value, and the legend', () => {
    const lines = latex.split('\n');
    expect(lines[0]).toBe('% table of equiv, equiv/full, "alpha*(Gamma_G)" of equiv for n');
    expect(lines).toContain('\\begin{tabular}{rlll}');
    expect(lines).toContain('$n$ & $E$ & $\\frac{E}{\\mathrm{full}}$ & \\texttt{alpha*(Gamma\\_G)} of $E$ \\\\');
    expect(lines).toContain('$10^{3}$ & $\\approx 8.0809^{\\dagger}$ (vacuous) & not computed & $\\approx 0.8555$ \\\\');
    expect(lines).toContain('$10^{6}$ & $\\approx 2.3672$ (vacuous) & $\\approx 0.55$ & $\\frac{1}{5}$ \\\\');
    expect(lines.at(-1)).toBe('$^{\\dagger}$ last digit uncertain (quadrature estimate); vacuous: at least the loss range, so the bound says nothing.');
    expect(latex).not.toMatch(/booktabs|toprule|midrule/);
  });
  it('every cell and header renders with KaTeX', () => {
    for (const m of latex.matchAll(/\$([^$]+)\$/g)) expect(() => katex.renderToString(m[1]!, { throwOnError: true }), m[1]).not.toThrow();
  });

  const hasPdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;
  const inCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
  const dir = mkdtempSync(join(tmpdir(), 'eqb-table-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.skipIf(!hasPdflatex && !inCI)('compiles with pdflatex in a standalone document', () => {
    if (!hasPdflatex) expect.fail('pdflatex not found (CI): apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended');
    writeFileSync(join(dir, 'table.tex'), latexStandalone([{ heading: 'Shown.', parts: [latex, tableLatex({ ...table, parameter: 'eps', rows: [] })] }], 'table.eqb'));
    const r = spawnSync('pdflatex', ['-halt-on-error', '-interaction=nonstopmode', '-no-shell-escape', 'table.tex'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const log = existsSync(join(dir, 'table.log')) ? readFileSync(join(dir, 'table.log'), 'utf8') : r.stdout;
    expect(r.status, log.slice(-2000)).toBe(0);
  }, 120_000);
});
