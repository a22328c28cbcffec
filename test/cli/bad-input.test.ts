// The bad-input corpus: every malformed file yields its expected diagnostic code at the expected
// line:col, exit code 2, and no stack trace. expected.json maps file → {code, line, col}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const dir = join(repoRoot, 'test/cli/bad-input');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { code: string; line: number; col: number }>;
const files = readdirSync(dir).filter((f) => f.endsWith('.eqb')).sort();

function firstDiagnostic(stderr: string): { code: string; line: number; col: number } | undefined {
  const m = /^error\[(EB\d{4})\]: [^\n]*\n\s*--> [^\n]*?:(\d+):(\d+)$/m.exec(stderr);
  return m ? { code: m[1]!, line: Number(m[2]), col: Number(m[3]) } : undefined;
}

describe('bad-input corpus', () => {
  it('has at least 40 files, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(files);
  });
  for (const f of files) {
    it(f, async () => {
      const r = await runCli(['run', `test/cli/bad-input/${f}`]);
      expect(r.code).toBe(2);
      expect(firstDiagnostic(r.stderr)).toEqual(expected[f]);
      expect(r.stderr).toMatch(/= hint: /);
      expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n|node:internal/);
      expect(r.stdout).toBe('');
    });
  }

  it('a 10 MB file is refused before parsing (EB1004)', async () => {
    const big = 'let a = 1 + 2\n'.repeat(Math.ceil((10 * 1024 * 1024) / 14));
    const t0 = Date.now();
    const r = await runCli(['run', 'big.eqb'], { files: { 'big.eqb': big } });
    expect(r.code).toBe(2);
    expect(firstDiagnostic(r.stderr)).toEqual({ code: 'EB1004', line: 1, col: 1 });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('deep nesting is refused, not a stack overflow (EB1007)', async () => {
    const r = await runCli(['run', '-'], { stdin: `let a = ${'('.repeat(5000)}1${')'.repeat(5000)}\nshow a\n` });
    expect(r.code).toBe(2);
    expect(firstDiagnostic(r.stderr)?.code).toBe('EB1007');
  });

  it('a long chain of signs is refused, not a stack overflow (EB1007)', async () => {
    const r = await runCli(['run', '-'], { stdin: `let a = ${'-'.repeat(20000)}1\nshow a\n` });
    expect(r.code).toBe(2);
    expect(firstDiagnostic(r.stderr)?.code).toBe('EB1007');
  });

  it('a missing file is EB9001, exit 2', async () => {
    const r = await runCli(['run', 'test/cli/bad-input/no-such-file.eqb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[EB9001]');
  });

  it('reads standard input with -', async () => {
    const r = await runCli(['run', '-'], { stdin: 'param n = 1/0\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--> <stdin>:1:13');
  });
});

describe('command line', () => {
  it('--help and --version exit 0', async () => {
    expect((await runCli(['--help'])).stdout).toContain('usage: equibound');
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^equibound \d+\.\d+\.\d+\n$/);
  });
  it.each([[[]], [['frobnicate', 'x.eqb']], [['run']], [['run', 'a', 'b']], [['run', 'a', '--precision', '0']], [['run', 'a', '--wat']]])('bad usage %j exits 2 with EB9002', async (argv) => {
    const r = await runCli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[EB9002]');
  });
  it('check on a file without derivations reports EB7007, exit 1', async () => {
    const r = await runCli(['check', 'examples/circle-rotations.eqb']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[EB7007]');
  });
  it('--json prints one JSON document with items, bound numbers and no diagnostics', async () => {
    const r = await runCli(['run', 'examples/sign-flips.eqb', '--json']);
    const doc = JSON.parse(r.stdout) as { exitCode: number; items: { item: string; exact?: string; numbers?: { name: string; text?: string; exact: boolean }[] }[]; diagnostics: unknown[] };
    expect(doc.exitCode).toBe(r.code);
    expect(r.code).toBe(0);
    expect(doc.items.find((i) => i.item === 'order')?.exact).toBe('16');
    const cutoff = doc.items.find((i) => i.item === 'equiv')?.numbers?.find((x) => x.name === 'alpha*(Gamma_G)');
    expect(cutoff).toMatchObject({ text: '1/12', exact: true });
    expect(doc.diagnostics).toEqual([]);
  });
  it('--json carries a refused hypothesis with its code and location', async () => {
    const program = 'setting s {\n  param d integer = 2\n  param n = 1000\n  param delta = 1/10\n  space X = cube(side = 2, dim = d)\n  class F = lipschitz(L = 1, M = 1) on X\n  loss absolute\n}\nbound p = gen.exact.power(s)\nshow p\n';
    const r = await runCli(['run', '-', '--json'], { stdin: program });
    const doc = JSON.parse(r.stdout) as { exitCode: number; diagnostics: { code: string; location: string }[] };
    expect(r.code).toBe(1);
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['EB6013']);
    expect(doc.diagnostics[0]!.location).toBe('<stdin>:9:11');
  });
  it('--precision sets the digits of decimal output without decimal(N)', async () => {
    const r = await runCli(['run', '-', '--precision', '5'], { stdin: 'let a = sqrt(2)\nshow a\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('a\n  decimal(5)  ≈ 1.4142\n');
  });
  it('a show of a free parameter in decimal is an error, not a number', async () => {
    const r = await runCli(['run', '-'], { stdin: 'param x in [0, 1]\nshow sqrt(x) as decimal(10)\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('EB5004');
    expect(r.stdout).not.toMatch(/≈/);
  });
});

describe('a bound value that could not be computed', () => {
  it('an expression of a bound without a closed value is EB6026 (exit 1), not bad input', async () => {
    const program = 'setting s {\n  param d integer = 4\n  param n = 10^6\n  param delta = 1/100\n  space X = cube(side = 2, dim = d)\n  group G = signflips(d) acting on X\n  class F = lipschitz(L = 1, M = 1) on X equivariant to G\n  loss absolute\n}\nbound equiv = gen.exact(s)\nshow equiv/2\n';
    const r = await runCli(['run', '-'], { stdin: program });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[EB6026]');
    expect(r.stderr).toContain('<stdin>:11:6');
    expect(r.stdout).toContain('not evaluated');
  });

  it('is reported with EB6026 at the show and exits 1, never printed as a number', async () => {
    // The sample size is free, so Gamma_G has no value (decimal(1000) of a known bound is computed now).
    const program = 'setting s {\n  param d integer = 4\n  param n integer >= 1\n  param delta = 1/100\n  space X = cube(side = 2, dim = d)\n  group G = signflips(d) acting on X\n  class F = lipschitz(L = 1, M = 1) on X equivariant to G\n  loss absolute\n}\nbound g = gen.exact(s)\nshow g as decimal(30)\n';
    const r = await runCli(['run', '-'], { stdin: program });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[EB6026]');
    expect(r.stderr).toContain('<stdin>:11:6');
    expect(r.stdout).toContain('not computed');
    expect(r.stdout).not.toMatch(/Gamma_G\s+≈/);
  });
});
