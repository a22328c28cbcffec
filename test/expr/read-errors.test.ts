import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lineColumn, renderDiagnostic } from '../../src/diagnostics/render.js';
import { readExpr } from '../../src/expr/read.js';

interface Case {
  readonly input: string;
  readonly code: string;
  readonly at: string; // line:col of the first diagnostic
  readonly hint?: RegExp; // a word the hint must contain, where the hint is the point of the case
}

const cases: Case[] = [
  { input: '1 +', code: 'EB1001', at: '1:4', hint: /after '\+'/ },
  { input: '(a + b', code: 'EB1002', at: '1:1' },
  { input: 'a ++ b', code: 'EB1001', at: '1:4', hint: /two signs/ },
  { input: '2..5', code: 'EB1003', at: '1:1', hint: /one decimal point/ },
  { input: 'f(', code: 'EB1002', at: '1:2' },
  { input: 'sqrt()', code: 'EB3003', at: '1:1', hint: /sqrt\(x\)/ },
  { input: 'foo(x)', code: 'EB3002', at: '1:1', hint: /did you mean 'floor'/ },
  { input: 'Log(x)', code: 'EB3002', at: '1:1', hint: /did you mean 'log'/ },
  { input: 'intgral(f, t, 0, 1)', code: 'EB3002', at: '1:1', hint: /'integral'/ },
  { input: 'log(1, 2)', code: 'EB3003', at: '1:1', hint: /log\(x\)\/log\(b\)/ },
  { input: '1/0', code: 'EB3001', at: '1:3' },
  { input: 'x/(1-1)', code: 'EB3001', at: '1:3' },
  { input: 'x / (y - y)', code: 'EB3001', at: '1:5' },
  { input: '0^-1', code: 'EB3001', at: '1:1' },
  { input: 'root(x, 0)', code: 'EB3001', at: '1:9' },
  { input: '', code: 'EB1006', at: '1:1' },
  { input: '  \n\t ', code: 'EB1006', at: '1:1' },
  { input: '// only a comment', code: 'EB1006', at: '1:1' },
  { input: 'x\u0000y', code: 'EB1005', at: '1:2', hint: /NUL/ },
  { input: 'a +\n  b *\n  (c + ]', code: 'EB1001', at: '3:8', hint: /square brackets/ },
  { input: 'a +\n  b\n  * c d', code: 'EB1001', at: '3:7', hint: /implicit multiplication/ },
  { input: 'a b', code: 'EB1001', at: '1:3', hint: /implicit multiplication/ },
  { input: '2x', code: 'EB1003', at: '1:1', hint: /2\*x/ },
  { input: '1e', code: 'EB1003', at: '1:1', hint: /exponent needs digits/ },
  { input: '0x1F', code: 'EB1003', at: '1:1', hint: /decimal/ },
  { input: 'x^', code: 'EB1001', at: '1:3' },
  { input: 'x ** 2', code: 'EB1001', at: '1:4', hint: /\^/ },
  { input: 'a + b)', code: 'EB1001', at: '1:6', hint: /matching '\('/ },
  { input: 'x = 1', code: 'EB1001', at: '1:3', hint: /relations/ },
  { input: '|x|', code: 'EB1001', at: '1:1', hint: /abs\(x\)/ },
  { input: 'n!!', code: 'EB1001', at: '1:3', hint: /\(n!\)!/ },
  { input: 'f(a,)', code: 'EB1001', at: '1:5', hint: /trailing ','/ },
  { input: 'alpha + \u03b2', code: 'EB1001', at: '1:9', hint: /Greek/ },
  { input: '/* never closed', code: 'EB1008', at: '1:1' },
  { input: '10^10^10', code: 'EB3004', at: '1:1' },
  { input: '1e999999', code: 'EB3004', at: '1:1' },
  { input: 'integral(x, 1, 0, 1)', code: 'EB3007', at: '1:13' },
  { input: 'integral(x, t, 0, t)', code: 'EB3006', at: '1:19' },
  { input: 'sum(sum(j, j, 1, 2), j, 1, 3)', code: 'EB3006', at: '1:12' },
  { input: 'sum(x, j, 1)', code: 'EB3003', at: '1:1' },
  { input: 'limit(x, n)', code: 'EB3003', at: '1:1' },
  { input: 'max(n -> 1)', code: 'EB3007', at: '1:5' },
  { input: 'binomial(n)', code: 'EB3003', at: '1:1' },
];

function position(text: string, d: Diagnostic): string {
  const lc = lineColumn(text, d.span?.start ?? 0);
  return `${lc.line}:${lc.column}`;
}

describe('malformed expressions', () => {
  it.each(cases)('$input -> $code at $at', ({ input, code, at, hint }) => {
    const r = readExpr(input, 'case.eqb');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics[0]!;
    expect(d.code).toBe(code);
    expect(d.span?.source).toBe('case.eqb');
    expect(position(input, d)).toBe(at);
    expect(d.hint).toBeTruthy();
    if (hint) expect(d.hint).toMatch(hint);
    // Every diagnostic renders without throwing, caret and all.
    expect(renderDiagnostic(d, { sources: new Map([['case.eqb', input]]) })).toContain(code);
  });

  it('names what was expected after an operator', () => {
    const r = readExpr('1 +');
    expect(!r.ok && r.diagnostics[0]!.message).toMatch(/expected an operand after '\+'/);
  });

  it('points an unclosed bracket at the open bracket, with the end of input as related span', () => {
    const text = 'sqrt(log(2/delta)/(2*n)';
    const r = readExpr(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('EB1002');
    expect(d.span?.start).toBe(4);
    expect(d.related?.[0]?.span.start).toBe(text.length);
  });

  it('reports several problems of meaning at once, in source order', () => {
    const r = readExpr('foo(1/0) + bar(x)');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => d.code)).toEqual(['EB3002', 'EB3001', 'EB3002']);
  });

  it('refuses input over 1 MiB', () => {
    const big = 'x+'.repeat(1024 * 1024) + 'x';
    const r = readExpr(big);
    expect(!r.ok && r.diagnostics[0]!.code).toBe('EB1004');
  });

  it('refuses 10,000 nested brackets without overflowing the stack', () => {
    const deep = '('.repeat(10_000) + 'x' + ')'.repeat(10_000);
    const r = readExpr(deep);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]!.code).toBe('EB1007');
    expect(r.diagnostics[0]!.span?.start).toBe(200);
  });

  it('refuses long chains of signs and powers without overflowing the stack', () => {
    for (const text of ['-'.repeat(100_000) + 'x', 'x^'.repeat(100_000) + 'x', 'f('.repeat(5_000)]) {
      const r = readExpr(text);
      expect(!r.ok && r.diagnostics[0]!.code).toBe('EB1007');
    }
  });

  it('accepts nesting up to the limit', () => {
    const r = readExpr('-('.repeat(200) + 'x' + ')'.repeat(200));
    expect(r.ok).toBe(true);
  });
});
