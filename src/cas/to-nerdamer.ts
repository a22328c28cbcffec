// Our own printer of expressions into nerdamer's input syntax. Every compound operand is bracketed,
// symbols are renamed to v0, v1, … (nerdamer reserves e, pi, i and function names), and what nerdamer
// cannot represent faithfully (binders, binomial) is refused with EB4005.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import type { Expr } from '../expr/types.js';

export interface NerdamerText {
  readonly text: string;
  /** Our symbol name -> the name nerdamer sees. */
  readonly names: ReadonlyMap<string, string>;
}

class Unrepresentable extends Error {}

/** The name nerdamer sees for the i-th symbol. */
export const casName = (i: number): string => `v${i}`;

export function toNerdamer(e: Expr, names: Map<string, string> = new Map()): Result<NerdamerText> {
  try {
    return ok({ text: print(e, names), names });
  } catch (x) {
    if (x instanceof Unrepresentable) return fail(error('EB4005', x.message));
    throw x;
  }
}

function atom(s: string, compound: boolean): string {
  return compound ? `(${s})` : s;
}

function isAtomic(e: Expr): boolean {
  return e.kind === 'sym' || e.kind === 'const' || (e.kind === 'num' && e.value.isInteger() && e.value.sign >= 0) || e.kind === 'apply';
}

function operand(e: Expr, names: Map<string, string>): string {
  return atom(print(e, names), !isAtomic(e));
}

function print(e: Expr, names: Map<string, string>): string {
  switch (e.kind) {
    case 'num':
      return e.value.isInteger() ? e.value.n.toString() : `${e.value.n}/${e.value.d}`;
    case 'sym': {
      let n = names.get(e.name);
      if (n === undefined) {
        n = casName(names.size);
        names.set(e.name, n);
      }
      return n;
    }
    case 'const':
      if (e.name === 'pi') return 'pi';
      throw new Unrepresentable('infinity appears outside a limit target');
    case 'add':
      return e.terms.map((t) => operand(t, names)).join('+');
    case 'mul':
      return e.factors.map((f) => operand(f, names)).join('*');
    case 'pow':
      return `${operand(e.base, names)}^${operand(e.exponent, names)}`;
    case 'apply': {
      const args = e.args.map((a) => print(a, names));
      switch (e.fn) {
        case 'log':
        case 'exp':
        case 'abs':
        case 'ceil':
        case 'floor':
        case 'factorial':
          return `${e.fn}(${args[0]})`;
        case 'min':
        case 'max':
          // nerdamer's min/max are binary: fold.
          return args.reduce((acc, a) => `${e.fn}(${acc},${a})`);
        case 'pos':
          return `((${args[0]})+abs(${args[0]}))/2`;
        case 'binomial':
          // Measured: nerdamer turns binomial(n,2) into the tuple text "(n, 2, binomial)".
          throw new Unrepresentable('binomial coefficients are not sent to the CAS');
      }
      throw new Unrepresentable(`function ${e.fn as string} is not sent to the CAS`);
    }
    case 'integral':
    case 'extremum':
    case 'sum':
    case 'limit':
      throw new Unrepresentable(`an ${e.kind} node is not sent to the CAS; evaluate it numerically`);
  }
}

/** A limit target: a finite expression or infinity (nerdamer's Infinity). */
export function targetToNerdamer(to: Expr, names: Map<string, string>): Result<string> {
  if (to.kind === 'const' && to.name === 'infinity') return ok('Infinity');
  const r = toNerdamer(to, names);
  return r.ok ? ok(`(${r.value.text})`) : r;
}
