// One registry of notation: precedence levels and, for every function, its arity and its text and
// LaTeX forms. The parser's function table and every printer read this; a missing entry is a compile error.

import type { FnId } from './types.js';

/** Binding strength, higher binds tighter. Used by every printer's single bracket decision. */
export const Precedence = {
  relation: 10, // = <= < >= >
  add: 20, // a + b, a - b
  mul: 30, // a * b, a / b
  neg: 40, // -a   (unary minus binds looser than ^: -x^2 = -(x^2))
  pow: 50, // a ^ b, right-associative
  postfix: 60, // n!
  atom: 100, // numbers, symbols, calls, bracketed forms
} as const;

export type Arity = { readonly min: number; readonly max: number };

export interface FnSpec {
  /** Name in the text form, as the parser reads it. */
  readonly text: string;
  readonly arity: Arity;
  /**
   * LaTeX layout: `command` prints \cmd\left(args\right); `delimiters` wraps the single argument in
   * a pair of delimiters; `binomial` is \binom{n}{k}; `factorial` is postfix !; `positivePart` is (x)_+.
   */
  readonly latex:
    | { readonly kind: 'command'; readonly name: string }
    | { readonly kind: 'delimiters'; readonly left: string; readonly right: string }
    | { readonly kind: 'binomial' }
    | { readonly kind: 'factorial' }
    | { readonly kind: 'positivePart' };
}

const one: Arity = { min: 1, max: 1 };
const two: Arity = { min: 2, max: 2 };
const many: Arity = { min: 1, max: Infinity };

export const functions: Record<FnId, FnSpec> = {
  log: { text: 'log', arity: one, latex: { kind: 'command', name: '\\log' } },
  exp: { text: 'exp', arity: one, latex: { kind: 'command', name: '\\exp' } },
  min: { text: 'min', arity: many, latex: { kind: 'command', name: '\\min' } },
  max: { text: 'max', arity: many, latex: { kind: 'command', name: '\\max' } },
  ceil: { text: 'ceil', arity: one, latex: { kind: 'delimiters', left: '\\left\\lceil ', right: '\\right\\rceil ' } },
  floor: { text: 'floor', arity: one, latex: { kind: 'delimiters', left: '\\left\\lfloor ', right: '\\right\\rfloor ' } },
  abs: { text: 'abs', arity: one, latex: { kind: 'delimiters', left: '\\left|', right: '\\right|' } },
  binomial: { text: 'binomial', arity: two, latex: { kind: 'binomial' } },
  factorial: { text: 'factorial', arity: one, latex: { kind: 'factorial' } },
  pos: { text: 'pos', arity: one, latex: { kind: 'positivePart' } },
};

/**
 * Names the text form accepts as functions beyond `functions`: `sqrt` (a power 1/2), `ln` (log),
 * `root(x, k)`, binders, and the aliases below.
 */
export const functionAliases: Readonly<Record<string, FnId>> = {
  ln: 'log',
  binom: 'binomial',
  choose: 'binomial',
};

export const fnIds = Object.keys(functions) as FnId[];

export function fnByName(name: string): FnId | undefined {
  if (Object.prototype.hasOwnProperty.call(functions, name)) return name as FnId;
  return functionAliases[name];
}
