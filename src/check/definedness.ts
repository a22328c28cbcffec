// Where an expression is defined: the side conditions of its partial operations (log of a positive
// argument, fractional powers of non-negative bases, negative powers of non-zero bases), listed
// innermost first so that each condition's own expression is known defined before it is tested.

import { children } from '../expr/traverse.js';
import { equals, type Expr } from '../expr/types.js';

export type GuardNeed = 'positive' | 'nonnegative' | 'nonzero';

export interface Guard {
  readonly expr: Expr;
  readonly need: GuardNeed;
}

/**
 * The side conditions of e, innermost first; undefined when e contains an operation whose domain is
 * not expressible this way (factorial, binomial, binders), where only the evaluator's flags can be trusted.
 */
export function guardsOf(e: Expr): Guard[] | undefined {
  const out: Guard[] = [];
  const ok = collect(e, out);
  if (!ok) return undefined;
  const unique: Guard[] = [];
  for (const g of out) if (!unique.some((u) => u.need === g.need && equals(u.expr, g.expr))) unique.push(g);
  return unique;
}

function collect(e: Expr, out: Guard[]): boolean {
  for (const c of children(e)) if (!collect(c, out)) return false;
  switch (e.kind) {
    case 'pow': {
      const p = e.exponent;
      if (p.kind === 'num') {
        const q = p.value;
        if (q.isInteger()) {
          if (q.sign < 0) out.push({ expr: e.base, need: 'nonzero' });
        } else out.push({ expr: e.base, need: q.sign > 0 ? 'nonnegative' : 'positive' });
      } else out.push({ expr: e.base, need: 'positive' });
      return true;
    }
    case 'apply':
      switch (e.fn) {
        case 'log':
          out.push({ expr: e.args[0]!, need: 'positive' });
          return true;
        case 'factorial':
        case 'binomial':
          return false;
        default:
          return true;
      }
    case 'integral':
    case 'extremum':
    case 'sum':
    case 'limit':
      return false;
    default:
      return true;
  }
}
