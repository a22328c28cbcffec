// The semantic passes' window on expressions: fromSyntax, substitution and exact evaluation from src/expr.
// A power of numbers left unevaluated after substitution was refused as too large (EB3004).

import { error, fail, ok, type Result, type Span } from '../diagnostics/diagnostic.js';
import { exactValue } from '../expr/exact.js';
import { fromSyntax } from '../expr/from-syntax.js';
import { Rational } from '../expr/rational.js';
import { children, freeSymbols, substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { ExactResult, ValueOracle } from '../semantics/context.js';

function refusedPower(e: Expr): boolean {
  const stack = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'pow' && x.base.kind === 'num' && x.exponent.kind === 'num' && x.exponent.value.isInteger() && !x.base.value.isZero()) return true;
    stack.push(...children(x));
  }
  return false;
}

export const exprOracle: ValueOracle<Expr, Rational> = {
  convert: (node, source) => fromSyntax(node, source),
  substitute: (e, env) => substitute(e, env),
  exact(e: Expr, span: Span): Result<ExactResult<Rational>> {
    if (refusedPower(e)) {
      return fail(error('EB3004', 'a power of numbers is too large to compute exactly', { span, hint: 'the exact value would need more than 100000 bits; use smaller exponents' }));
    }
    const r = exactValue(e, new Map());
    if (!r.ok) return fail(...r.diagnostics.map((d) => (d.span ? d : { ...d, span })));
    if (r.value.kind === 'rational') return ok({ kind: 'rational', value: r.value.value });
    if (refusedPower(r.value.expr)) {
      return fail(error('EB3004', 'a power of numbers is too large to compute exactly', { span, hint: 'the exact value would need more than 100000 bits; use smaller exponents' }));
    }
    return ok(freeSymbols(r.value.expr).size > 0 ? { kind: 'symbolic' } : { kind: 'irrational' });
  },
  compare: (a, b) => a.compare(b),
  isInteger: (q) => q.isInteger(),
  zero: Rational.ZERO,
  text: (q) => q.toString(),
};
