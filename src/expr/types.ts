// The expression type: a frozen discriminated union. Nodes are made only by the canonical
// constructors in build.ts; subtraction is a sum with a -1 coefficient, division a power -1,
// sqrt(x) a power 1/2. Every node carries a structural hash.

import type { Rational } from './rational.js';

/** Functions applied to arguments; their notation lives in operators.ts. */
export type FnId = 'log' | 'exp' | 'min' | 'max' | 'ceil' | 'floor' | 'abs' | 'binomial' | 'factorial' | 'pos';

/** Named constants (Euler's number is exp(1)). `infinity` appears only as a limit of integration, summation or a limit. */
export type ConstId = 'pi' | 'infinity';

export interface Num {
  readonly kind: 'num';
  readonly value: Rational;
  readonly hash: number;
}
export interface Sym {
  readonly kind: 'sym';
  readonly name: string;
  readonly hash: number;
}
export interface Const {
  readonly kind: 'const';
  readonly name: ConstId;
  readonly hash: number;
}
/** A sum of >= 2 terms, flattened, like terms collected, sorted; a numeric term comes last. */
export interface Add {
  readonly kind: 'add';
  readonly terms: readonly Expr[];
  readonly hash: number;
}
/** A product of >= 2 factors, flattened, equal bases merged, sorted; a numeric coefficient comes first. */
export interface Mul {
  readonly kind: 'mul';
  readonly factors: readonly Expr[];
  readonly hash: number;
}
export interface Pow {
  readonly kind: 'pow';
  readonly base: Expr;
  readonly exponent: Expr;
  readonly hash: number;
}
export interface Apply {
  readonly kind: 'apply';
  readonly fn: FnId;
  readonly args: readonly Expr[];
  readonly hash: number;
}
/** Definite integral of body d(variable) from lower to upper. */
export interface Integral {
  readonly kind: 'integral';
  readonly variable: string;
  readonly lower: Expr;
  readonly upper: Expr;
  readonly body: Expr;
  readonly hash: number;
}
/** inf or sup of body over variable in [lower, upper]. */
export interface Extremum {
  readonly kind: 'extremum';
  readonly which: 'inf' | 'sup';
  readonly variable: string;
  readonly lower: Expr;
  readonly upper: Expr;
  readonly body: Expr;
  readonly hash: number;
}
/** Sum of body over integer index from lower to upper inclusive. */
export interface Sum {
  readonly kind: 'sum';
  readonly index: string;
  readonly lower: Expr;
  readonly upper: Expr;
  readonly body: Expr;
  readonly hash: number;
}
/** limit of body as variable -> to (possibly infinity). */
export interface Limit {
  readonly kind: 'limit';
  readonly variable: string;
  readonly to: Expr;
  readonly body: Expr;
  readonly hash: number;
}

export type Expr = Num | Sym | Const | Add | Mul | Pow | Apply | Integral | Extremum | Sum | Limit;
export type ExprKind = Expr['kind'];

/** Nodes that bind a variable in their body. */
export type Binder = Integral | Extremum | Sum | Limit;

export function boundVariable(e: Binder): string {
  return e.kind === 'sum' ? e.index : e.variable;
}

// ---- hashing ---------------------------------------------------------------

export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function hashCombine(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h ^= p + 0x9e3779b9 + ((h << 6) >>> 0) + (h >>> 2);
    h >>>= 0;
  }
  return h >>> 0;
}

// ---- equality and order ----------------------------------------------------

export function equals(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.hash !== b.hash || a.kind !== b.kind) return false;
  return compare(a, b) === 0;
}

const kindRank: Record<ExprKind, number> = {
  num: 0,
  const: 1,
  sym: 2,
  pow: 3,
  mul: 4,
  add: 5,
  apply: 6,
  integral: 7,
  extremum: 8,
  sum: 9,
  limit: 10,
};

function compareLists(a: readonly Expr[], b: readonly Expr[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A total order on expressions; canonical forms sort by it. */
export function compare(a: Expr, b: Expr): number {
  if (a === b) return 0;
  if (a.kind !== b.kind) return kindRank[a.kind] - kindRank[b.kind];
  switch (a.kind) {
    case 'num':
      return a.value.compare((b as Num).value);
    case 'sym':
      return compareStrings(a.name, (b as Sym).name);
    case 'const':
      return compareStrings(a.name, (b as Const).name);
    case 'add':
      return compareLists(a.terms, (b as Add).terms);
    case 'mul':
      return compareLists(a.factors, (b as Mul).factors);
    case 'pow': {
      const o = b as Pow;
      return compare(a.base, o.base) || compare(a.exponent, o.exponent);
    }
    case 'apply': {
      const o = b as Apply;
      return compareStrings(a.fn, o.fn) || compareLists(a.args, o.args);
    }
    case 'integral': {
      const o = b as Integral;
      return compareStrings(a.variable, o.variable) || compareLists([a.lower, a.upper, a.body], [o.lower, o.upper, o.body]);
    }
    case 'extremum': {
      const o = b as Extremum;
      return compareStrings(a.which, o.which) || compareStrings(a.variable, o.variable) || compareLists([a.lower, a.upper, a.body], [o.lower, o.upper, o.body]);
    }
    case 'sum': {
      const o = b as Sum;
      return compareStrings(a.index, o.index) || compareLists([a.lower, a.upper, a.body], [o.lower, o.upper, o.body]);
    }
    case 'limit': {
      const o = b as Limit;
      return compareStrings(a.variable, o.variable) || compareLists([a.to, a.body], [o.to, o.body]);
    }
  }
}
