import fc from 'fast-check';
import katex from 'katex';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { toLatex } from '../../src/expr/print/latex.js';
import { symbolLatex } from '../../src/expr/print/symbols.js';
import { readExpr } from '../../src/expr/read.js';
import type { Expr } from '../../src/expr/types.js';
import { exprArbitrary } from './arbitrary.js';
import { scaled } from './roundtrip.js';

interface Golden {
  readonly input: string;
  readonly latex: string;
}

const goldens = JSON.parse(readFileSync(new URL('./latex-golden.json', import.meta.url), 'utf8')) as Golden[];

function read(text: string): Expr {
  const r = readExpr(text);
  if (!r.ok) throw new Error(`${text}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value;
}

function renders(latex: string): void {
  katex.renderToString(latex, { throwOnError: true });
}

describe('LaTeX goldens from THEORY.md', () => {
  it('has at least 40 of them', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(40);
  });
  it.each(goldens)('$input', ({ input, latex }) => {
    expect(toLatex(read(input))).toBe(latex);
    renders(latex);
  });
});

describe('LaTeX layout', () => {
  it.each([
    ['(A*L)^(d/2)', '\\left(A L\\right)^{d/2}'],
    ['x/(2*y)', '\\frac{x}{2 y}'],
    ['sqrt(x) + root(x, 5)', '\\sqrt[5]{x} + \\sqrt{x}'],
    ['log(x)', '\\log\\left(x\\right)'],
    ['pos(x)', '\\left(x\\right)_+'],
    ['ceil(x)', '\\left\\lceil x\\right\\rceil '],
    ['binomial(n, k)', '\\binom{n}{k}'],
    ['n!', 'n!'],
    ['integral(f, t, a, b)', '\\int_{a}^{b} f \\,\\mathrm{d}t'],
    ['inf(f, alpha, a, b)', '\\inf_{\\alpha \\in [a, b]} f'],
    ['sum(f + j, j, 1, K)', '\\sum_{j=1}^{K} \\left(f + j\\right)'],
    ['limit(f, n -> infinity)', '\\lim_{n \\to \\infty} f'],
    ['2*3^x', '2 \\cdot 3^{x}'],
    ['x^(y^2)', 'x^{y^{2}}'],
    ['2^(x/(y+1))', '2^{x/\\left(y + 1\\right)}'],
    ['(sum(j, j, 1, K))^2', '\\left(\\sum_{j=1}^{K} j\\right)^{2}'],
    ['sum(j, j, 1, K) * sum(i, i, 1, K)', '\\left(\\sum_{i=1}^{K} i\\right) \\sum_{j=1}^{K} j'],
    ['-(a + b)', '-\\left(a + b\\right)'],
    ['-x^2', '-x^{2}'],
    ['(1/2)^x', '\\left(\\frac{1}{2}\\right)^{x}'],
  ])('%s', (input, latex) => {
    expect(toLatex(read(input))).toBe(latex);
    renders(latex);
  });

  it('takes symbol overrides', () => {
    expect(toLatex(read('G^(-1/d)'), { symbols: { G: '|G|' } })).toBe('|G|^{-1/d}');
    expect(toLatex(read('L_star^2'), { symbols: { L_star: 'L^{\\star}' } })).toBe('{L^{\\star}}^{2}');
  });

  it('renders every random expression in KaTeX', () => {
    fc.assert(
      fc.property(exprArbitrary({ maxDepth: 3 }), (e) => {
        renders(toLatex(e));
      }),
      { numRuns: scaled(300) },
    );
  });
});

describe('symbol names', () => {
  it.each([
    ['eps', '\\varepsilon'],
    ['epsilon', '\\varepsilon'],
    ['delta', '\\delta'],
    ['alpha_star', '\\alpha^*'],
    ['L_star', 'L^*'],
    ['x_0', 'x_0'],
    ['x0', 'x_0'],
    ['x12', 'x_{12}'],
    ['ell0', '\\ell_0'],
    ['Gamma_G', '\\Gamma_G'],
    ['N_ext', 'N_{\\mathrm{ext}}'],
    ['eta_2', '\\eta_2'],
    ['conf', '\\mathrm{conf}'],
    ['L', 'L'],
    ['a_', '\\mathrm{a\\_}'],
  ])('%s -> %s', (name, latex) => {
    expect(symbolLatex(name).latex).toBe(latex);
    renders(latex);
  });
  it('marks names that end in a superscript', () => {
    expect(symbolLatex('alpha_star').hasSuperscript).toBe(true);
    expect(symbolLatex('x_0').hasSuperscript).toBe(false);
    expect(toLatex(b.pow(b.sym('alpha_star'), b.num(2)))).toBe('{\\alpha^*}^{2}');
  });
});

describe('symbol names outside the parser alphabet', () => {
  it.each(['a#b', 'x{y}', 'p%', 'a\\b', 'c^d', 'w~'])('%s typesets', (name) => {
    renders(toLatex(b.sym(name)));
  });
});
