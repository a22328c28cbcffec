// Closed-form solution of e = 0 for one variable when it occurs along a single chain of invertible
// steps; anything else gives undefined, never a guess. THEORY dudley.cutoff: α* of a smooth piece.
//
// Each step moves the outermost operation of the side holding x to the side free of it:
//   C + u = r  ->  u = r − C            k·u = r  ->  u = r/k            (C, k free of x)
//   u^(−1) = r ->  u = 1/r              u^p = r  ->  u = r^(1/p)       (p free of x; r > 0 proven, u >= 0 proven or implied by an even root)
//   log u = r  ->  u = exp(r)           exp u = r ->  u = log r        (undefined, not wrong, when r <= 0)
// Signs are decided by sign.ts with every symbol a positive real (x > 0 included). Callers that need
// certainty check the value of the result against the equation (numeric/crossing.ts does).

import * as b from './build.js';
import { occursIn } from './derivative.js';
import { isNonnegative, isNonpositive, isPositive } from './sign.js';
import { equals, type Expr } from './types.js';

/** The x with e = 0, in closed form, when x occurs in e along one invertible chain; else undefined. */
export function invertEquation(e: Expr, variable: string): Expr | undefined {
  return isolate(e, b.ZERO, variable);
}

/** x from lhs = rhs, rhs free of x. */
function isolate(lhs: Expr, rhs: Expr, x: string): Expr | undefined {
  if (!occursIn(lhs, x)) return undefined;
  switch (lhs.kind) {
    case 'sym':
      return rhs;
    case 'add': {
      const s = splitOff(lhs.terms, x);
      return s && isolate(s.inner, b.sub(rhs, b.add(...s.constant)), x);
    }
    case 'mul': {
      const s = splitOff(lhs.factors, x);
      return s && isolate(s.inner, b.div(rhs, b.mul(...s.constant)), x);
    }
    case 'pow':
      return isolatePower(lhs.base, lhs.exponent, rhs, x);
    case 'apply':
      if (lhs.args.length !== 1) return undefined;
      if (lhs.fn === 'log') return isolate(lhs.args[0]!, b.exp(rhs), x);
      if (lhs.fn === 'exp') return isNonpositive(rhs) ? undefined : isolate(lhs.args[0]!, b.log(rhs), x);
      return undefined;
    default:
      return undefined;
  }
}

/** u^p = r: the reciprocal for p = −1, else the positive root r^(1/p) of a base that cannot be negative. */
function isolatePower(u: Expr, p: Expr, r: Expr, x: string): Expr | undefined {
  if (occursIn(p, x)) return undefined;
  if (equals(p, b.MINUS_ONE)) return isolate(u, b.pow(r, b.MINUS_ONE), x);
  const baseNonnegative = hasEvenDenominator(p) || isNonnegative(u); // u^(1/2) is defined only for u >= 0
  if (!baseNonnegative || !isPositive(r)) return undefined;
  return isolate(u, b.pow(r, b.pow(p, b.MINUS_ONE)), x);
}

function hasEvenDenominator(p: Expr): boolean {
  return p.kind === 'num' && p.value.d % 2n === 0n;
}

/** The one item holding x and the others (free of x); undefined unless exactly one holds x. */
function splitOff(items: readonly Expr[], x: string): { inner: Expr; constant: Expr[] } | undefined {
  const holding = items.filter((item) => occursIn(item, x));
  if (holding.length !== 1) return undefined;
  return { inner: holding[0]!, constant: items.filter((item) => item !== holding[0]) };
}
