import { describe, expect, it } from 'vitest';
import type { ArgumentSyntax, ExprSyntax } from '../../src/syntax/expr-ast.js';
import { MAX_BRACKET_DEPTH, parseExpressionSyntax, scanNesting } from '../../src/syntax/parse-expression.js';

/** A compact S-expression of the tree, so that precedence is visible. */
function shape(n: ArgumentSyntax): string {
  switch (n.kind) {
    case 'number':
      return n.text;
    case 'name':
      return n.name;
    case 'group':
      return shape(n.inner);
    case 'additive':
    case 'multiplicative':
      return `(${[shape(n.first), ...n.rest.map((l) => `${l.op} ${shape(l.operand)}`)].join(' ')})`;
    case 'unary':
      return `(${n.op}${shape(n.operand)})`;
    case 'power':
      return `(${shape(n.base)}^${shape(n.exponent)})`;
    case 'factorial':
      return `(${shape(n.operand)}!)`;
    case 'call':
      return `${n.callee}[${n.args.map(shape).join(', ')}]`;
    case 'arrow':
      return `${n.variable}->${shape(n.target)}`;
  }
}

function tree(text: string): ExprSyntax {
  const r = parseExpressionSyntax(text);
  if (!r.ok) throw new Error(`${text}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value;
}

describe('expression grammar', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['a - b - c', '(a - b - c)'],
    ['a / b * c', '(a / b * c)'],
    ['-x^2', '(-(x^2))'],
    ['2^-1', '(2^(-1))'],
    ['a^b^c', '(a^(b^c))'],
    ['a^-b^c', '(a^(-(b^c)))'],
    ['n!^2', '((n!)^2)'],
    ['x^2!', '(x^(2!))'],
    ['-2*x', '((-2) * x)'],
    ['2*-x', '(2 * (-x))'],
    ['+x', '(+x)'],
    ['(a + b)*c', '((a + b) * c)'],
    ['f(a, b + 1)', 'f[a, (b + 1)]'],
    ['log (x)', 'log[x]'],
    ['limit(x/n, n -> infinity)', 'limit[(x / n), n->infinity]'],
    ['integral(sqrt(t), t, 0, B/2)', 'integral[sqrt[t], t, 0, (B / 2)]'],
    ['alpha_star + x0 + L', '(alpha_star + x0 + L)'],
    ['0.125 + 2.5e-3 + .5 + 1E+3', '(0.125 + 2.5e-3 + .5 + 1E+3)'],
    ['a // note\n + /* inline */ b', '(a + b)'],
  ])('%s reads as %s', (text, expected) => {
    expect(shape(tree(text))).toBe(expected);
  });

  it('records 0-based, end-exclusive spans', () => {
    const t = tree('  a + f(b)');
    expect(t.kind).toBe('additive');
    if (t.kind !== 'additive') return;
    expect(t.span).toEqual({ start: 2, end: 10 });
    expect(t.first.span).toEqual({ start: 2, end: 3 });
    expect(t.rest[0]!.opSpan).toEqual({ start: 4, end: 5 });
    const call = t.rest[0]!.operand;
    expect(call.kind).toBe('call');
    if (call.kind !== 'call') return;
    expect(call.calleeSpan).toEqual({ start: 6, end: 7 });
    expect(call.openSpan).toEqual({ start: 7, end: 8 });
    expect(call.closeSpan).toEqual({ start: 9, end: 10 });
    const group = tree('(x)');
    expect(group.span).toEqual({ start: 0, end: 3 });
  });

  it('keeps long sums flat', () => {
    const t = tree('x+'.repeat(9_999) + 'x');
    expect(t.kind === 'additive' && t.rest.length).toBe(9_999);
  });

  it('scans brackets and comments like the grammar', () => {
    expect(scanNesting('/* ( */ (a) // )').unclosed).toEqual([]);
    expect(scanNesting('f((a)').unclosed).toEqual([1]);
    expect(scanNesting('a)').unmatchedClose).toBe(1);
    expect(scanNesting('('.repeat(MAX_BRACKET_DEPTH + 1)).tooDeep).toBe(MAX_BRACKET_DEPTH);
    expect(scanNesting('  /* x */ y').firstToken).toBe(10);
  });
});

describe('parsing time is linear in the input', () => {
  function timeOf(f: () => void): number {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      f();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  }

  it('reads 1 MB of valid and of invalid input', () => {
    const valid = 'x+'.repeat(499_999) + 'x';
    expect(valid.length).toBeGreaterThanOrEqual(999_999);
    expect(parseExpressionSyntax(valid).ok).toBe(true);
    const invalid = 'x*y+'.repeat(249_999) + 'x+)';
    const r = parseExpressionSyntax(invalid);
    expect(!r.ok && r.diagnostics[0]!.code).toBe('EB1001');
  });

  it('twice the input takes less than four times as long', () => {
    const n = 60_000;
    const valid = (k: number) => 'a*b+'.repeat(k) + 'c';
    const invalid = (k: number) => 'a*b+'.repeat(k) + '+';
    parseExpressionSyntax(valid(n)); // warm up
    for (const make of [valid, invalid]) {
      const small = make(n);
      const large = make(2 * n);
      const t1 = timeOf(() => parseExpressionSyntax(small));
      const t2 = timeOf(() => parseExpressionSyntax(large));
      expect(t2).toBeLessThan(4 * t1 + 25);
    }
  });
});
