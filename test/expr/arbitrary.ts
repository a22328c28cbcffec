// fast-check arbitraries of canonical expressions, for property tests anywhere in the project.
// Free symbols a, b, x, n, d, t, eps are meant as positive parameters; binders bind s, u, v, w, z by
// depth, so that no binder shadows another or appears in its own range (EB3006 never applies).

import fc from 'fast-check';
import * as b from '../../src/expr/build.js';
import { fnIds, functions } from '../../src/expr/operators.js';
import type { Expr, FnId } from '../../src/expr/types.js';

export const freeSymbolNames = ['a', 'b', 'x', 'n', 'd', 't', 'eps'] as const;
const binderVariables = ['s', 'u', 'v', 'w', 'z', 'y'] as const;

/** p/q with |p| <= 20 and 1 <= q <= 12. */
export const smallRational: fc.Arbitrary<Expr> = fc
  .tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 12 }))
  .map(([p, q]) => b.num(p, q));

/** Exponents of numeric size small enough that every exact power stays far below the refusal limit. */
const smallExponent: fc.Arbitrary<Expr> = fc
  .tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .map(([p, q]) => b.num(p, q));

function arityOf(fn: FnId): fc.Arbitrary<number> {
  const { min, max } = functions[fn].arity;
  return fc.integer({ min, max: Math.min(max, 3) });
}

const isZero = (e: Expr) => e.kind === 'num' && e.value.isZero();
const isNegativeNumber = (e: Expr) => e.kind === 'num' && e.value.sign < 0;

export interface ExprArbitraryOptions {
  /** Nesting depth of operators (default 3; at most 5). */
  readonly maxDepth?: number;
  /** Include integrals, extrema, sums and limits (default true). */
  readonly binders?: boolean;
}

/** Random canonical expressions over every node kind, built only through build.ts. */
export function exprArbitrary(options: ExprArbitraryOptions = {}): fc.Arbitrary<Expr> {
  const maxDepth = Math.min(options.maxDepth ?? 3, binderVariables.length - 1);
  const withBinders = options.binders ?? true;
  const memo = new Map<string, fc.Arbitrary<Expr>>();

  function gen(depth: number, scope: readonly string[]): fc.Arbitrary<Expr> {
    const key = `${depth}|${scope.join(',')}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const names = [...freeSymbolNames, ...scope];
    const leaf = fc.oneof(
      { arbitrary: smallRational, weight: 3 },
      { arbitrary: fc.constantFrom(...names).map((n) => b.sym(n)), weight: 5 },
      { arbitrary: fc.constant(b.PI), weight: 1 },
    );
    if (depth === 0) {
      memo.set(key, leaf);
      return leaf;
    }
    const sub = gen(depth - 1, scope);
    const exponent = fc.oneof(smallExponent, sub.filter((e) => e.kind !== 'num'));
    const variable = binderVariables[depth]!;
    const body = gen(depth - 1, [...scope, variable]);
    const bound = fc.oneof({ arbitrary: sub, weight: 4 }, { arbitrary: fc.constant(b.INFINITY), weight: 1 });
    const choices: fc.WeightedArbitrary<Expr>[] = [
      { arbitrary: leaf, weight: 3 },
      { arbitrary: fc.array(sub, { minLength: 2, maxLength: 4 }).map((xs) => b.add(...xs)), weight: 3 },
      { arbitrary: fc.array(sub, { minLength: 2, maxLength: 3 }).map((xs) => b.mul(...xs)), weight: 3 },
      { arbitrary: fc.tuple(sub, sub).map(([x, y]) => b.sub(x, y)), weight: 1 },
      {
        arbitrary: fc.tuple(sub, sub).filter(([, y]) => !isZero(y)).map(([x, y]) => b.div(x, y)),
        weight: 2,
      },
      {
        arbitrary: fc
          .tuple(sub, exponent)
          .filter(([x, e]) => !(isZero(x) && isNegativeNumber(e)))
          .map(([x, e]) => b.pow(x, e)),
        weight: 3,
      },
      { arbitrary: sub.map((x) => b.sqrt(x)), weight: 1 },
      { arbitrary: sub.map((x) => b.neg(x)), weight: 1 },
      {
        arbitrary: fc
          .constantFrom(...fnIds)
          .chain((fn) => arityOf(fn).chain((k) => fc.array(sub, { minLength: k, maxLength: k }).map((args) => b.apply(fn, args)))),
        weight: 3,
      },
    ];
    if (withBinders) {
      choices.push(
        { arbitrary: fc.tuple(sub, bound, body).map(([lo, hi, f]) => b.integral(variable, lo, hi, f)), weight: 1 },
        {
          arbitrary: fc.tuple(fc.constantFrom('inf' as const, 'sup' as const), sub, sub, body).map(([w, lo, hi, f]) => b.extremum(w, variable, lo, hi, f)),
          weight: 1,
        },
        { arbitrary: fc.tuple(sub, bound, body).map(([lo, hi, f]) => b.sum(variable, lo, hi, f)), weight: 1 },
        { arbitrary: fc.tuple(bound, body).map(([to, f]) => b.limit(variable, to, f)), weight: 1 },
      );
    }
    const arb = fc.oneof(...choices);
    memo.set(key, arb);
    return arb;
  }

  return gen(maxDepth, []);
}
