// Distribution of products over sums and of small integer powers of sums: valid for all reals.
// A term budget keeps expand((a+b+c+d)^12) from running away; over budget the node is left as is.

import * as b from './build.js';
import { mapBottomUp } from './traverse.js';
import type { Expr } from './types.js';

export const DEFAULT_TERM_BUDGET = 2_000;

function termsOf(e: Expr): readonly Expr[] {
  return e.kind === 'add' ? e.terms : [e];
}

function distribute(factors: readonly Expr[], budget: number): Expr | undefined {
  let acc: Expr[] = [b.ONE];
  for (const f of factors) {
    const ts = termsOf(f);
    if (acc.length * ts.length > budget) return undefined;
    const next: Expr[] = [];
    for (const x of acc) for (const t of ts) next.push(b.mul(x, t));
    acc = next;
  }
  return b.add(...acc);
}

function expandNode(e: Expr, budget: number): Expr {
  if (e.kind === 'mul' && e.factors.some((f) => f.kind === 'add')) return distribute(e.factors, budget) ?? e;
  if (e.kind === 'pow' && e.base.kind === 'add' && e.exponent.kind === 'num') {
    const k = e.exponent.value;
    if (k.isInteger() && k.sign > 0 && k.n <= 64n) {
      const copies = Array.from({ length: Number(k.n) }, () => e.base);
      const r = distribute(copies, budget);
      return r ?? e;
    }
  }
  return e;
}

/** Expands products and small positive integer powers of sums, bottom-up. */
export function expand(e: Expr, budget = DEFAULT_TERM_BUDGET): Expr {
  return mapBottomUp(e, (x) => expandNode(x, budget));
}
