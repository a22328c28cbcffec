// A compact one-line rendering of an expression for numeric diagnostics ("log(1 - x) is undefined"),
// independent of the report printers so that numerics import only from expr and diagnostics.

import type { Expr } from '../expr/types.js';

const MAX_LENGTH = 120;

function atom(e: Expr): string {
  const s = render(e);
  return e.kind === 'add' || e.kind === 'mul' || (e.kind === 'num' && (e.value.sign < 0 || !e.value.isInteger())) || e.kind === 'pow' ? `(${s})` : s;
}

function render(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return e.value.toString();
    case 'sym':
      return e.name;
    case 'const':
      return e.name;
    case 'add':
      return e.terms.map((t, i) => {
        const s = render(t);
        return i === 0 ? s : s.startsWith('-') ? ` - ${s.slice(1)}` : ` + ${s}`;
      }).join('');
    case 'mul': {
      const [first, ...rest] = e.factors;
      if (first!.kind === 'num' && first!.value.n === -1n && first!.value.d === 1n) return `-${rest.map(atom).join('*')}`;
      return e.factors.map(atom).join('*');
    }
    case 'pow':
      if (e.exponent.kind === 'num' && e.exponent.value.n === 1n && e.exponent.value.d === 2n) return `sqrt(${render(e.base)})`;
      if (e.exponent.kind === 'num' && e.exponent.value.n === -1n && e.exponent.value.d === 1n) return `1/${atom(e.base)}`;
      return `${atom(e.base)}^${atom(e.exponent)}`;
    case 'apply':
      return `${e.fn}(${e.args.map(render).join(', ')})`;
    case 'integral':
      return `integral(${render(e.body)}, ${e.variable}, ${render(e.lower)}, ${render(e.upper)})`;
    case 'extremum':
      return `${e.which}(${render(e.body)}, ${e.variable}, ${render(e.lower)}, ${render(e.upper)})`;
    case 'sum':
      return `sum(${render(e.body)}, ${e.index}, ${render(e.lower)}, ${render(e.upper)})`;
    case 'limit':
      return `limit(${render(e.body)}, ${e.variable}, ${render(e.to)})`;
  }
}

/** One line, shortened with an ellipsis beyond MAX_LENGTH characters. */
export function describeExpr(e: Expr): string {
  const s = render(e);
  return s.length > MAX_LENGTH ? s.slice(0, MAX_LENGTH - 1) + '…' : s;
}
