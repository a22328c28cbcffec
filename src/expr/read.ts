// Reads the text form of an expression into its canonical Expr: parse (src/syntax) then give meaning (from-syntax.ts).
// Never throws for any input string: every problem is a diagnostic.

import { error, fail, type Result } from '../diagnostics/diagnostic.js';
import { parseExpressionSyntax } from '../syntax/parse-expression.js';
import { fromSyntax } from './from-syntax.js';
import type { Expr } from './types.js';

export function readExpr(text: string, source = '<input>'): Result<Expr> {
  try {
    const syntax = parseExpressionSyntax(text, source);
    if (!syntax.ok) return syntax;
    return fromSyntax(syntax.value, source);
  } catch (e) {
    // The depth limits keep recursion well inside the stack; this is the last line of defence.
    if (e instanceof RangeError) {
      const tooLarge = /BigInt|Invalid array length/i.test(e.message);
      return fail(
        tooLarge
          ? error('EB3004', 'a value is too large for exact arithmetic', { span: { source, start: 0, end: text.length } })
          : error('EB1007', 'the expression nests too deeply to be read', { span: { source, start: 0, end: 0 } }),
      );
    }
    throw e;
  }
}
