// Fragments from plain data: the relation (= for exact values, \approx only for rounded ones), long
// digits split across rows, the theorem sentence, notation, and the checks on notation entries.
import { describe, expect, it } from 'vitest';
import { boundFragment, checkNotation, decimalLatex, derivationFragment, DIGITS_PER_LINE, documentTitle, latexStandalone, showFragment, valueRows } from '../../src/report/index.js';
import { expr, longDigits, powerBound } from './fixtures.js';

describe('show fragments', () => {
  it('puts = before exact values and \\approx before rounded ones', () => {
    const f = showFragment({ kind: 'show', name: 'c', expr: expr('sqrt(2)'), values: [{ kind: 'exact', latex: '\\sqrt{2}' }, { kind: 'decimal', text: '1.4142', exact: false, certified: true }] });
    expect(f).toBe(['\\begin{align*}', '  c &= \\sqrt{2} \\\\', '  &\\approx 1.4142', '\\end{align*}'].join('\n'));
    const exact = showFragment({ kind: 'show', name: null, expr: expr('1/8'), values: [{ kind: 'decimal', text: '0.125', exact: true, certified: true }] });
    expect(exact).toContain('\\frac{1}{8} &= 0.125');
    expect(exact).not.toContain('approx');
  });

  it('does not repeat a value equal to the expression', () => {
    const f = showFragment({ kind: 'show', name: 'd', expr: expr('4'), values: [{ kind: 'exact', latex: '4' }] });
    expect(f).toBe(['\\begin{align*}', '  d &= 4', '\\end{align*}'].join('\n'));
  });

  it('writes exponents as powers of ten and marks uncertain digits', () => {
    expect(decimalLatex('-3.5e-44')).toEqual({ latex: '-3.5 \\times 10^{-44}', uncertain: false });
    const rows = valueRows({ kind: 'decimal', text: '0.693 (last digit uncertain)', exact: true, certified: false });
    expect(rows).toEqual([{ relation: '\\approx', body: '0.693 \\quad \\text{(last digit uncertain)}' }]);
  });

  it('splits a 1000-digit value into rows that lose no digit', () => {
    const rows = valueRows({ kind: 'decimal', text: longDigits, exact: false, certified: true });
    expect(rows.length).toBe(Math.ceil(longDigits.length / DIGITS_PER_LINE));
    expect(rows.map((r) => r.body).join('')).toBe(longDigits);
    expect(rows.every((r) => r.body.length <= DIGITS_PER_LINE)).toBe(true);
  });

  it('uses the notation for symbol names', () => {
    const f = showFragment({ kind: 'show', name: 'eps', expr: expr('eps/delta'), values: [] }, { eps: '\\epsilon_{\\mathrm{m}}', delta: '\\delta_0' });
    expect(f).toContain('\\epsilon_{\\mathrm{m}} &= \\frac{\\epsilon_{\\mathrm{m}}}{\\delta_0}');
  });
});

describe('bound and derivation fragments', () => {
  it('names the theorem and its hypotheses in a sentence before the bound', () => {
    const f = boundFragment({ kind: 'bound', name: 'equiv', theoremId: 'gen.exact.power', hypotheses: ['$A = 1$', '$d = 4$', '$k = 1$'], bound: expr(powerBound), value: '2.5' });
    const [sentence, ...rest] = f.split('\n');
    expect(sentence).toBe('By \\texttt{gen.exact.power}, whose hypotheses hold with $A = 1$, $d = 4$ and $k = 1$, the bound $\\mathrm{equiv}$ is:');
    expect(rest[1]).toMatch(/^ {2}\\mathrm\{equiv\} &\\leq 2 \\left\(4 \\alpha/);
    expect(rest[2]).toBe('  &\\approx 2.5');
  });

  it('says when a bound is vacuous, and prints an exact value with =', () => {
    const f = boundFragment({ kind: 'bound', name: null, theoremId: 'gen.exact', hypotheses: [], bound: expr('5'), value: '5', valueExact: true, vacuous: true });
    expect(f).toContain('vacuous');
    expect(f).toContain('&= 5');
    expect(f).not.toContain('approx');
  });

  it('prints an exact fractional headline as a fraction, not as uncertain digits', () => {
    const f = boundFragment({ kind: 'bound', name: 'lower', theoremId: 'approx.lower', hypotheses: [], bound: expr('1/50'), value: '1/50', valueExact: true, relation: '>=' });
    expect(f).toContain('&= \\frac{1}{50}');
    expect(f).not.toContain('uncertain');
    expect(f).not.toContain('approx ');
  });

  it('chains the steps of a derivation with their relations', () => {
    const f = derivationFragment({ kind: 'derivation', name: 'r', start: expr('x'), steps: [{ relation: '<=', expr: expr('2*x'), justification: 'x >= 0' }, { relation: '<', expr: expr('3*x') }] });
    expect(f).toContain('x &\\leq 2 x && \\text{(x >= 0)} \\\\');
    expect(f).toContain('&< 3 x');
  });
});

describe('notation and documents', () => {
  it('accepts math and refuses entries that would break the document (EB9007)', () => {
    expect(checkNotation({ eps: '\\varepsilon', G: '|G|', x0: 'x_{0}' }).ok).toBe(true);
    for (const bad of ['\\frac{1}{', '$x$', '50%', '\\end{align*}', '', 'a}{b']) {
      const r = checkNotation({ eps: bad });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toEqual(['EB9007']);
    }
    const r = checkNotation({ '9lives': 'x' });
    expect(r.ok).toBe(false);
  });

  it('titles a standalone document by the file name and loads only amsmath and amssymb', () => {
    expect(documentTitle('examples/sign-flips.eqb')).toBe('sign-flips');
    expect(documentTitle('<stdin>')).toBe('equibound');
    const doc = latexStandalone([{ heading: 'Shown.', parts: ['x'] }], 'dir/my_file.eqb');
    expect(doc).toContain('\\title{my\\_file}');
    expect([...doc.matchAll(/\\usepackage\{([^}]*)\}/g)].map((m) => m[1])).toEqual(['amsmath', 'amssymb']);
    expect(doc.startsWith('\\documentclass{article}\n')).toBe(true);
    expect(doc.trimEnd().endsWith('\\end{document}')).toBe(true);
  });
});
