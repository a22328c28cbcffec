// The plots render: the SVG of E(eps) opens in headless Chromium (screenshot decoded: not blank, the curve
// colours present) and names every curve in its legend; the pgfplots document compiles under pdflatex.
// Without chromium or pdflatex the tests fail in CI (process.env.CI) and are skipped elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { decodePng } from './png.js';

const CHROMIUM = '/usr/bin/chromium';
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const inCI = process.env.CI !== undefined && process.env.CI !== '';
const needs = (ok: boolean, what: string) => {
  if (!ok && inCI) throw new Error(`${what} is missing in CI: install it in .ci/run`);
  return ok;
};

const LEGEND = ['E(eps) = lambda A+(eps) + 2 Gamma(eps)', 'lambda A+(eps) = lambda (eta - eps)+', '2 Gamma(eps)', '2 Gamma_scale(eps)', '2 (Gamma_G + 2 lambda eps)', '2 Gamma_1'];

describe('plot output renders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eb-plot-'));
  let svg = '';
  let tex = '';
  beforeAll(async () => {
    const r = await runCli(['plot', 'test/tradeoff/fixtures/tradeoff.eqb', '--setting', 'signs', '--over', 'eps', '--from', '0', '--to', '1/10', '--points', '9']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    svg = r.stdout;
    const t = await runCli(['plot', 'test/tradeoff/fixtures/tradeoff.eqb', '--over', 'n', '--from', '10^3', '--to', '10^8', '--points', '6', '--format', 'pgfplots-document']);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    tex = t.stdout;
  }, 60_000);

  it('the SVG has axes, ticks, labels and a legend naming every curve', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    for (const l of LEGEND) expect(svg, l).toContain(`>${l.replace(/&/g, '&amp;')}</text>`);
    expect(svg).toContain('model equivariance error eps');
    expect((svg.match(/<polyline /g) ?? []).length).toBe(LEGEND.length);
    expect(svg).toContain('>0.1</text>');
  });

  it.skipIf(!needs(existsSync(CHROMIUM), 'chromium'))('opens in headless Chromium: the screenshot is not blank and shows the curves', () => {
    const file = join(dir, 'excess.svg');
    const png = join(dir, 'excess.png');
    writeFileSync(file, svg);
    execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'eb-chromium-'))}`, `--screenshot=${png}`, '--window-size=800,600', `file://${file}`], { timeout: 60_000, stdio: 'ignore' });
    expect(statSync(png).size).toBeGreaterThan(5000);
    const img = decodePng(readFileSync(png));
    expect([img.width, img.height]).toEqual([800, 600]);
    const colours = new Set<string>();
    let blue = 0;
    let red = 0;
    for (let y = 0; y < img.height; y += 1)
      for (let x = 0; x < img.width; x += 1) {
        const [r, g, b] = img.pixel(x, y);
        colours.add(`${r >> 4},${g >> 4},${b >> 4}`);
        if (Math.abs(r - 0x1f) < 24 && Math.abs(g - 0x77) < 24 && Math.abs(b - 0xb4) < 24) blue++;
        if (Math.abs(r - 0xd6) < 24 && Math.abs(g - 0x27) < 24 && Math.abs(b - 0x28) < 24) red++;
      }
    expect(colours.size).toBeGreaterThan(10);
    expect(blue).toBeGreaterThan(200);
    expect(red).toBeGreaterThan(200);
  }, 90_000);

  it('the pgfplots fragment is a tikzpicture with an axis, log x, and a legend entry per curve', () => {
    expect(tex).toContain('\\begin{tikzpicture}\n\\begin{axis}[');
    expect(tex).toContain('xmode=log');
    expect(tex).toContain('\\addlegendentry{$G = \\{\\pm 1\\}^{4}$}');
    expect(tex).toContain('\\addlegendentry{no symmetry ($\\Gamma_1$)}');
    expect(tex).toContain('\\addlegendentry{$G = S_{4}$}');
  });

  it.skipIf(!needs(has('pdflatex'), 'pdflatex'))('the pgfplots document compiles under pdflatex', () => {
    writeFileSync(join(dir, 'bound.tex'), tex);
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'bound.tex'], { cwd: dir, timeout: 120_000, encoding: 'utf8' });
    expect(r.status, r.stdout.slice(-2000)).toBe(0);
    expect(statSync(join(dir, 'bound.pdf')).size).toBeGreaterThan(10_000);
  }, 150_000);

  it('refuses a bad plot request with a usage error', async () => {
    const r = await runCli(['plot', 'test/tradeoff/fixtures/tradeoff.eqb', '--over', 'delta']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('EB9002');
    const s = await runCli(['run', 'test/tradeoff/fixtures/tradeoff.eqb', '--over', 'eps']);
    expect(s.code).toBe(2);
  });
});
