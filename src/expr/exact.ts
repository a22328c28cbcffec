// Exact evaluation: the value of an expression as a rational wherever it is rational, by substitution
// and canonicalisation (sqrt(8)*sqrt(2) is 4, ceil(2/t) at t = 1/12 is 24), and definedness checks.

import { error, fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import * as b from './build.js';
import { Rational } from './rational.js';
import { children, rebuild, substitute } from './traverse.js';
import type { Expr } from './types.js';

const MAX_SUM_TERMS = 100_000;

/** Sums with numeric integer bounds become explicit additions (up to a term budget). */
function unrollSums(e: Expr): Expr {
  const kids = children(e);
  if (e.kind === 'sum') {
    const lo = unrollSums(e.lower);
    const hi = unrollSums(e.upper);
    if (lo.kind === 'num' && hi.kind === 'num' && lo.value.isInteger() && hi.value.isInteger()) {
      const count = hi.value.n - lo.value.n + 1n;
      if (count <= 0n) return b.ZERO;
      if (count <= BigInt(MAX_SUM_TERMS)) {
        const terms: Expr[] = [];
        for (let j = lo.value.n; j <= hi.value.n; j++) terms.push(unrollSums(substitute(e.body, new Map([[e.index, b.num(j)]]))));
        return b.add(...terms);
      }
    }
    return b.sum(e.index, lo, hi, e.body);
  }
  if (kids.length === 0) return e;
  const mapped = kids.map(unrollSums);
  return mapped.every((m, i) => m === kids[i]) ? e : rebuild(e, mapped);
}

/** Why a single node with numeric arguments is undefined over the reals, if it is. */
function undefinedNode(x: Expr): Diagnostic | undefined {
  if (x.kind === 'pow' && x.base.kind === 'num' && x.exponent.kind === 'num') {
    if (x.base.value.isZero() && x.exponent.value.sign < 0) return error('EB3001', 'division by zero (0 to a negative power)');
    if (x.base.value.sign < 0 && !x.exponent.value.isInteger()) return error('EB3005', `a negative number to the fractional power ${x.exponent.value}`);
  }
  if (x.kind === 'apply' && x.fn === 'log' && x.args[0]!.kind === 'num' && x.args[0].value.sign <= 0) return error('EB3005', `log of ${x.args[0].value}, which is not positive`);
  if (x.kind === 'apply' && x.fn === 'factorial' && x.args[0]!.kind === 'num' && (!x.args[0].value.isInteger() || x.args[0].value.sign < 0)) return error('EB3005', `factorial of ${x.args[0].value}`);
  return undefined;
}

/** Subexpressions with numeric arguments that are undefined over the reals; empty when none. */
export function undefinedParts(e: Expr): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (x: Expr) => {
    const d = undefinedNode(x);
    if (d) out.push(d);
    for (const c of children(x)) visit(c);
  };
  visit(e);
  return out;
}

/**
 * Substitutes values bottom-up and checks every node as soon as it is rebuilt, before its parent can
 * cancel it: log(x)*min(x, 0) at x = 0 is undefined, although 0*log(0) would canonicalise to 0.
 */
function substituteChecked(e: Expr, values: ReadonlyMap<string, Expr>): Result<Expr> {
  if (e.kind === 'sym') return ok(values.get(e.name) ?? e);
  if (e.kind === 'integral' || e.kind === 'extremum' || e.kind === 'sum' || e.kind === 'limit') return ok(substitute(e, values));
  const kids = children(e);
  if (kids.length === 0) return ok(e);
  const mapped: Expr[] = [];
  for (const k of kids) {
    const r = substituteChecked(k, values);
    if (!r.ok) return r;
    mapped.push(r.value);
  }
  const node = mapped.every((m, i) => m === kids[i]) ? e : rebuild(e, mapped);
  const bad = undefinedNode(node);
  return bad ? fail(bad) : ok(node);
}

export type ExactValue = { readonly kind: 'rational'; readonly value: Rational } | { readonly kind: 'irrational'; readonly expr: Expr };

/**
 * Substitutes the values and canonicalises. A rational result is exact; otherwise the simplified
 * expression is returned for numeric evaluation. Undefined values are diagnostics, never numbers.
 */
export function exactValue(e: Expr, env: ReadonlyMap<string, Rational>): Result<ExactValue> {
  const values = new Map<string, Expr>([...env].map(([k, v]) => [k, b.num(v)]));
  const substituted = substituteChecked(e, values);
  if (!substituted.ok) return substituted;
  const r = unrollSums(substituted.value);
  const bad = undefinedParts(r);
  if (bad.length > 0) return fail(...bad);
  return r.kind === 'num' ? ok({ kind: 'rational', value: r.value }) : ok({ kind: 'irrational', expr: r });
}
