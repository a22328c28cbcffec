// The text form of an expression: what readExpr reads back to the same canonical node.
// Minimal brackets, decided by needsBrackets in layout.ts; names and notation from operators.ts.

import { functions } from '../operators.js';
import type { Expr } from '../types.js';
import { layout, needsBrackets, type Layout, type Position } from './layout.js';

export function toText(e: Expr): string {
  return write(layout(e));
}

function child(l: Layout, position: Position): string {
  const s = write(l);
  return needsBrackets(l, position, 'text') ? `(${s})` : s;
}

function factors(list: readonly Layout[], sep: string): string {
  return list.map((f, i) => child(f, i === list.length - 1 ? 'last-factor' : 'factor')).join(sep);
}

function write(l: Layout): string {
  switch (l.kind) {
    case 'number':
      return l.value.toString();
    case 'symbol':
      return l.name;
    case 'constant':
      return l.name;
    case 'sum':
      return [child(l.first, 'sum-term'), ...l.rest.map((t) => `${t.sign} ${child(t.term, 'sum-term')}`)].join(' ');
    case 'neg':
      return `-${child(l.operand, 'neg-operand')}`;
    case 'product':
      return factors(l.factors, '*');
    case 'quotient':
      return `${child(l.numerator, 'numerator')}/${child(l.denominator, 'denominator')}`;
    case 'power':
      return `${child(l.base, 'power-base')}^${child(l.exponent, 'exponent')}`;
    case 'root':
      return l.index === 2n ? `sqrt(${write(l.radicand)})` : `${child(l.radicand, 'power-base')}^(1/${l.index})`;
    case 'call':
      return `${functions[l.fn].text}(${l.args.map(write).join(', ')})`;
    case 'factorial':
      return `${child(l.operand, 'factorial-operand')}!`;
    case 'binder': {
      const body = write(l.body);
      if (l.which === 'limit') return `limit(${body}, ${l.variable} -> ${write(l.range[0]!)})`;
      return `${l.which}(${body}, ${l.variable}, ${l.range.map(write).join(', ')})`;
    }
    default: {
      const never: never = l;
      throw new Error(`toText: unknown layout ${(never as Layout).kind}`);
    }
  }
}
