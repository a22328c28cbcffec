// Structural traversal: children, rebuilding through the canonical constructors, substitution
// that respects bound variables, and free symbols.

import * as b from './build.js';
import { boundVariable, equals, type Binder, type Expr } from './types.js';

export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return [];
    case 'add':
      return e.terms;
    case 'mul':
      return e.factors;
    case 'pow':
      return [e.base, e.exponent];
    case 'apply':
      return e.args;
    case 'integral':
    case 'extremum':
    case 'sum':
      return [e.lower, e.upper, e.body];
    case 'limit':
      return [e.to, e.body];
  }
}

/** The same node with new children, re-canonicalised. `kids` must match children(e) in shape. */
export function rebuild(e: Expr, kids: readonly Expr[]): Expr {
  const k = (i: number) => kids[i]!;
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return e;
    case 'add':
      return b.add(...kids);
    case 'mul':
      return b.mul(...kids);
    case 'pow':
      return b.pow(k(0), k(1));
    case 'apply':
      return b.apply(e.fn, kids);
    case 'integral':
      return b.integral(e.variable, k(0), k(1), k(2));
    case 'extremum':
      return b.extremum(e.which, e.variable, k(0), k(1), k(2));
    case 'sum':
      return b.sum(e.index, k(0), k(1), k(2));
    case 'limit':
      return b.limit(e.variable, k(0), k(1));
  }
}

function isBinder(e: Expr): e is Binder {
  return e.kind === 'integral' || e.kind === 'extremum' || e.kind === 'sum' || e.kind === 'limit';
}

/** Bottom-up map: f sees each node after its children were mapped. */
export function mapBottomUp(e: Expr, f: (e: Expr) => Expr, memo?: ExprMemo): Expr {
  const hit = memo?.get(e);
  if (hit) return hit;
  const kids = children(e);
  let out: Expr;
  if (kids.length === 0) out = f(e);
  else {
    const mapped = kids.map((c) => mapBottomUp(c, f, memo));
    const same = mapped.every((m, i) => m === kids[i]);
    out = f(same ? e : rebuild(e, mapped));
  }
  memo?.set(e, out);
  return out;
}

/**
 * Results of a pure map by structure (hash, then equality): bounds repeat large subtrees (the same
 * envelope under every branch of a min), and a memo maps each once.
 */
export class ExprMemo {
  private readonly buckets = new Map<number, [Expr, Expr][]>();

  get(e: Expr): Expr | undefined {
    const bucket = this.buckets.get(e.hash);
    if (!bucket) return undefined;
    for (const [k, v] of bucket) if (k === e || equals(k, e)) return v;
    return undefined;
  }

  set(e: Expr, v: Expr): void {
    const bucket = this.buckets.get(e.hash);
    if (bucket) bucket.push([e, v]);
    else this.buckets.set(e.hash, [[e, v]]);
  }
}

export function freeSymbols(e: Expr, out: Set<string> = new Set()): Set<string> {
  if (e.kind === 'sym') out.add(e.name);
  else if (isBinder(e)) {
    const v = boundVariable(e);
    const inner = new Set<string>();
    for (const c of children(e)) freeSymbols(c, inner);
    // The bound variable is free in the limits of an integral, sum or extremum (never meaningfully, but soundly).
    const limitsFree = new Set<string>();
    for (const c of children(e).slice(0, -1)) freeSymbols(c, limitsFree);
    for (const s of inner) if (s !== v || limitsFree.has(s)) out.add(s);
  } else for (const c of children(e)) freeSymbols(c, out);
  return out;
}

function renameBinder(e: Binder, fresh: string): Binder {
  const v = boundVariable(e);
  const body = substitute(e.body, new Map([[v, b.sym(fresh)]]));
  switch (e.kind) {
    case 'integral':
      return b.integral(fresh, e.lower, e.upper, body);
    case 'extremum':
      return b.extremum(e.which, fresh, e.lower, e.upper, body);
    case 'sum':
      return b.sum(fresh, e.lower, e.upper, body);
    case 'limit':
      return b.limit(fresh, e.to, body);
  }
}

/** Replaces free symbols; bound variables are never replaced and are renamed to avoid capture. */
export function substitute(e: Expr, env: ReadonlyMap<string, Expr>): Expr {
  if (env.size === 0) return e;
  if (e.kind === 'sym') return env.get(e.name) ?? e;
  if (isBinder(e)) {
    const v = boundVariable(e);
    const limits = children(e).slice(0, -1).map((c) => substitute(c, env));
    const inner = new Map(env);
    inner.delete(v);
    let node: Binder = e;
    const captured = [...inner.values()].some((r) => freeSymbols(r).has(v));
    if (captured) {
      const taken = new Set<string>([...freeSymbols(e.body), ...[...inner.values()].flatMap((r) => [...freeSymbols(r)])]);
      let i = 1;
      while (taken.has(`${v}_${i}`)) i++;
      node = renameBinder(e, `${v}_${i}`);
    }
    const body = substitute(node.body, inner);
    return rebuild(node, [...limits, body]);
  }
  const kids = children(e);
  if (kids.length === 0) return e;
  const mapped = kids.map((c) => substitute(c, env));
  return mapped.every((m, i) => m === kids[i]) ? e : rebuild(e, mapped);
}

export function size(e: Expr): number {
  let n = 1;
  for (const c of children(e)) n += size(c);
  return n;
}
