// The latex command's options: -o writes the file and nothing to standard output, --standalone wraps
// the same fragments, notation reaches the output, bad notation is EB9007, an unwritable path EB9006.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { runCli } from '../cli/run-cli.js';
import { exampleLatex } from './examples.js';

const dir = mkdtempSync(join(tmpdir(), 'eqb-latex-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('equibound latex options', () => {
  it('parses --standalone and -o for latex only', () => {
    const p = parseArgs(['latex', 'f.eqb', '--standalone', '-o', 'out.tex']);
    expect(p).toMatchObject({ kind: 'command', command: 'latex', standalone: true, output: 'out.tex' });
    expect(parseArgs(['latex', 'f.eqb', '--output=x.tex'])).toMatchObject({ output: 'x.tex', standalone: false });
    expect(parseArgs(['run', 'f.eqb', '--standalone']).kind).toBe('error');
    expect(parseArgs(['latex', 'f.eqb', '-o']).kind).toBe('error');
  });

  it('writes the document with -o and returns no text', async () => {
    const r = await exampleLatex('sign-flips.eqb', { standalone: true, output: 'doc.tex' }, dir);
    expect(r.text).toBeNull();
    expect(r.written).toBe(join(dir, 'doc.tex'));
    const doc = readFileSync(join(dir, 'doc.tex'), 'utf8');
    const fragments = (await exampleLatex('sign-flips.eqb')).text!;
    expect(doc).toContain('\\title{sign-flips}');
    expect(doc).toContain(fragments.trimEnd());
  });

  it('reports an unwritable output as EB9006', async () => {
    const r = await exampleLatex('sign-flips.eqb', { output: join(dir, 'missing', 'x.tex') });
    expect(r.text).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain('EB9006');
  });

  it('applies notation and refuses bad entries with EB9007', async () => {
    const r = await exampleLatex('sign-flips.eqb', { notation: { delta: '\\delta_{\\mathrm{conf}}', order: '|G|' } });
    expect(r.text).toContain('|G| &= 2^{d}');
    expect(r.text).toContain('\\delta_{\\mathrm{conf}}');
    const bad = await exampleLatex('sign-flips.eqb', { notation: { delta: '\\frac{' } });
    expect(bad.text).toBeNull();
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['EB9007']);
  });

  it('takes notation from the file, refuses bad or repeated entries at their spans', async () => {
    const file = 'notation eps = "\\varepsilon"\nnotation width = "w_{0}"\nparam eps = 1/100\nparam width = 3\nshow eps*width as latex\n';
    const r = await runCli(['latex', '-'], { stdin: file });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\\varepsilon');
    expect(r.stdout).toContain('w_{0}');
    const run = await runCli(['run', '-'], { stdin: file });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\\varepsilon w_{0}');
    const bad = await runCli(['latex', '-'], { stdin: 'param eps = 1\nnotation eps = "\\frac{"\nshow eps\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error\[EB9007\][^\n]*\n --> <stdin>:2:16/);
    const twice = await runCli(['latex', '-'], { stdin: 'notation eps = "e"\nnotation eps = "f"\nparam eps = 1\nshow eps\n' });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/error\[EB2035\][^\n]*\n --> <stdin>:2:10/);
  });

  it('gives the requested digits and evaluates the bounds with the theorem library', async () => {
    const r = await exampleLatex('sample-size.eqb', { precision: 40 });
    expect(r.text).toContain('&\\approx 1059.66347330960733549064300617'); // decimal(30) as written in the file
    expect(r.text).toMatch(/&\\approx 0\.09998412483940\d{2}\n/); // decimal(15)
    const s = await exampleLatex('sign-flips.eqb');
    expect(s.text).toContain('\\mathrm{equiv} &\\leq ');
    expect(s.text).toContain('&\\approx 1.2516711086710449983'); // Gamma_G at the default 20 digits
    expect(s.text).toContain('\\mathrm{ratio} &= '); // gain.finite states an identity, not a bound
    expect(s.text).toContain('&\\approx 0.55647157639201036437');
    expect(s.diagnostics.filter((d) => d.code === 'EB6001')).toEqual([]);
  });
});
