// Our own symbolic derivative over Expr: small and auditable, so that the wall can check a CAS
// antiderivative F by comparing F' with the integrand. Valid wherever the input is differentiable;
// ceil, floor, factorial and binomial of the variable, and binders, are refused (EB4005).

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { freeSymbols } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';

class NotDifferentiable extends Error {}

export function derivative(e: Expr, variable: string): Result<Expr> {
  try {
    return ok(d(e, variable));
  } catch (x) {
    if (x instanceof NotDifferentiable) return fail(error('EB4005', x.message));
    throw x;
  }
}

const dependsOn = (e: Expr, v: string): boolean => freeSymbols(e).has(v);

function d(e: Expr, v: string): Expr {
  if (!dependsOn(e, v)) return b.ZERO;
  switch (e.kind) {
    case 'num':
    case 'const':
      return b.ZERO;
    case 'sym':
      return e.name === v ? b.ONE : b.ZERO;
    case 'add':
      return b.add(...e.terms.map((t) => d(t, v)));
    case 'mul': {
      // Product rule: sum over i of f_i' * prod_{j != i} f_j.
      const terms = e.factors.map((f, i) => b.mul(d(f, v), ...e.factors.filter((_, j) => j !== i)));
      return b.add(...terms);
    }
    case 'pow': {
      const { base, exponent } = e;
      if (!dependsOn(exponent, v)) return b.mul(exponent, b.pow(base, b.sub(exponent, b.ONE)), d(base, v));
      if (!dependsOn(base, v)) return b.mul(e, b.log(base), d(exponent, v));
      // b^e = exp(e log b), defined for b > 0.
      return b.mul(e, b.add(b.mul(d(exponent, v), b.log(base)), b.mul(exponent, d(base, v), b.pow(base, b.MINUS_ONE))));
    }
    case 'apply': {
      const u = e.args[0]!;
      switch (e.fn) {
        case 'log':
          return b.mul(d(u, v), b.pow(u, b.MINUS_ONE));
        case 'exp':
          return b.mul(e, d(u, v));
        case 'abs':
          // |u|' = u u' / |u| for u != 0.
          return b.mul(u, b.pow(b.abs(u), b.MINUS_ONE), d(u, v));
        case 'pos':
          // (u)_+' = u' (1 + u/|u|) / 2 for u != 0.
          return b.mul(b.HALF, d(u, v), b.add(b.ONE, b.mul(u, b.pow(b.abs(u), b.MINUS_ONE))));
        case 'min':
        case 'max': {
          // Binary fold: max(a, c) = (a + c + |a - c|)/2, min(a, c) = (a + c - |a - c|)/2, differentiable where a != c.
          const sign = e.fn === 'max' ? b.ONE : b.MINUS_ONE;
          const folded = e.args.reduce((a, c) => b.mul(b.HALF, b.add(a, c, b.mul(sign, b.abs(b.sub(a, c))))));
          return d(folded, v);
        }
        case 'ceil':
        case 'floor':
        case 'factorial':
        case 'binomial':
          throw new NotDifferentiable(`the derivative of ${e.fn} in ${v} is not taken (piecewise constant or discrete)`);
      }
      throw new NotDifferentiable(`the derivative of ${e.fn as string} is not known`);
    }
    case 'integral':
    case 'extremum':
    case 'sum':
    case 'limit':
      throw new NotDifferentiable(`the derivative of an ${e.kind} node in ${v} is not taken`);
  }
}
