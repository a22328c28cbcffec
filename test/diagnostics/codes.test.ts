import { describe, expect, it } from 'vitest';
import { codes } from '../../src/diagnostics/codes.js';
import { error } from '../../src/diagnostics/diagnostic.js';
import { lineColumn, renderDiagnostic } from '../../src/diagnostics/render.js';

describe('diagnostic codes', () => {
  it('are well formed and documented', () => {
    for (const [code, spec] of Object.entries(codes)) {
      expect(code).toMatch(/^EB[1-9]\d{3}$/);
      expect(spec.summary.length).toBeGreaterThan(5);
      expect(spec.hint.length).toBeGreaterThan(10);
    }
  });
});

describe('rendering', () => {
  it('points at file:line:col with the source line and a caret', () => {
    const text = 'param d = 4\nparam n = 1/0\n';
    const start = text.indexOf('1/0');
    const d = error('EB3001', 'division by zero', { span: { source: 'a.eqb', start, end: start + 3 } });
    const out = renderDiagnostic(d, { sources: new Map([['a.eqb', text]]) });
    expect(out).toContain('error[EB3001]: division by zero');
    expect(out).toContain('--> a.eqb:2:11');
    expect(out).toContain('2 | param n = 1/0');
    expect(out).toMatch(/\|\s{11}\^\^\^/);
    expect(out).toContain('= hint:');
  });
  it('computes 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
  it('never prints control characters from binary input', () => {
    const text = 'x\u0001\u001b[31m';
    const d = error('EB1005', 'not text', { span: { source: 'b', start: 1, end: 2 } });
    expect(renderDiagnostic(d, { sources: new Map([['b', text]]) })).not.toMatch(/[\u0001\u001b]/);
  });
});
