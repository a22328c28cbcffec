// Every example's --standalone output compiles with pdflatex -halt-on-error. Without pdflatex the test
// fails under CI (install texlive-latex-base and texlive-latex-recommended) and is skipped elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fragmentLatex, latexStandalone } from '../../src/report/index.js';
import { exampleLatex, examples } from './examples.js';
import { syntheticFragments } from './fixtures.js';

const hasPdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;
const inCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const dir = mkdtempSync(join(tmpdir(), 'eqb-pdflatex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compile(name: string, tex: string): void {
  writeFileSync(join(dir, `${name}.tex`), tex);
  const r = spawnSync('pdflatex', ['-halt-on-error', '-interaction=nonstopmode', '-no-shell-escape', `${name}.tex`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  const log = existsSync(join(dir, `${name}.log`)) ? readFileSync(join(dir, `${name}.log`), 'utf8') : r.stdout;
  const firstError = log.split('\n').findIndex((l) => l.startsWith('!'));
  expect(r.status, `pdflatex failed on ${name}.tex:\n${firstError >= 0 ? log.split('\n').slice(firstError, firstError + 8).join('\n') : log.slice(-2000)}`).toBe(0);
  expect(existsSync(join(dir, `${name}.pdf`))).toBe(true);
}

describe('pdflatex compiles the standalone documents', () => {
  it('pdflatex is installed (required under CI)', () => {
    if (!hasPdflatex && inCI) {
      expect.fail('pdflatex not found; CI must install it: apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended');
    }
    if (!hasPdflatex) console.warn('pdflatex not found: the compile tests are skipped outside CI');
  });
  for (const ex of examples) {
    it.skipIf(!hasPdflatex && !inCI)(ex, async () => {
      if (!hasPdflatex) expect.fail('pdflatex not found (CI): apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended');
      // 30 digits: the examples compute bounds by quadrature; 1000-digit values are the synthetic test's job.
      const r = await exampleLatex(ex, { standalone: true, precision: 30 });
      expect(r.text).toMatch(/^\\documentclass\{article\}/);
      compile(ex.replace(/\.eqb$/, ''), r.text!);
    }, 120_000);
  }
  it.skipIf(!hasPdflatex && !inCI)('synthetic bounds, derivations and 1000-digit values', () => {
    if (!hasPdflatex) expect.fail('pdflatex not found (CI): apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended');
    const parts = syntheticFragments().map((f) => fragmentLatex(f, { eps: '\\varepsilon', ell0: '\\ell_0' }));
    compile('synthetic', latexStandalone([{ heading: 'Bounds.', parts }], 'synthetic.eqb'));
  }, 120_000);
  it.skipIf(!hasPdflatex && !inCI)('a broken document fails (the check can fail)', () => {
    if (!hasPdflatex) expect.fail('pdflatex not found (CI)');
    writeFileSync(join(dir, 'broken.tex'), '\\documentclass{article}\\begin{document}$\\frac{1}{$\\end{document}\n');
    const r = spawnSync('pdflatex', ['-halt-on-error', '-interaction=nonstopmode', 'broken.tex'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).not.toBe(0);
  }, 120_000);
});
