// How an expression reads, before it is written in any notation: signs taken out of coefficients,
// products split into numerator and denominator, sqrt and roots recognised. Both printers render this
// tree, and both decide brackets in `needsBrackets` from precedence alone, never from printed strings.

import { Precedence } from '../operators.js';
import { Rational } from '../rational.js';
import type { ConstId, Expr, FnId } from '../types.js';

export type Layout =
  | { readonly kind: 'number'; readonly value: bigint } // a non-negative integer
  | { readonly kind: 'symbol'; readonly name: string }
  | { readonly kind: 'constant'; readonly name: ConstId }
  | { readonly kind: 'sum'; readonly first: Layout; readonly rest: readonly { readonly sign: '+' | '-'; readonly term: Layout }[] }
  | { readonly kind: 'neg'; readonly operand: Layout }
  | { readonly kind: 'product'; readonly factors: readonly Layout[] }
  | { readonly kind: 'quotient'; readonly numerator: Layout; readonly denominator: Layout }
  | { readonly kind: 'power'; readonly base: Layout; readonly exponent: Layout }
  | { readonly kind: 'root'; readonly radicand: Layout; readonly index: bigint } // x^(1/index); index 2 is sqrt
  | { readonly kind: 'call'; readonly fn: FnId; readonly args: readonly Layout[] }
  | { readonly kind: 'factorial'; readonly operand: Layout }
  | {
      readonly kind: 'binder';
      readonly which: 'integral' | 'inf' | 'sup' | 'sum' | 'limit';
      readonly variable: string;
      readonly range: readonly Layout[]; // [lower, upper], or [to] for a limit
      readonly body: Layout;
    };

/** Where a child is written; each position has its own bracket rule. */
export type Position =
  | 'sum-term' // a term of a sum, after its sign
  | 'neg-operand'
  | 'factor' // a factor of a product, not the last
  | 'last-factor'
  | 'numerator'
  | 'denominator'
  | 'power-base'
  | 'exponent'
  | 'factorial-operand'
  | 'binder-body'
  | 'argument'; // inside brackets or braces of its own: never bracketed

export type Style = 'text' | 'latex' | 'latex-inline';

/** Binding strength of a layout as written in a style. */
export function precedence(l: Layout, style: Style): number {
  switch (l.kind) {
    case 'number':
    case 'symbol':
    case 'constant':
    case 'call':
      return Precedence.atom;
    case 'root':
      // In text only sqrt(x) is a call; other roots are written x^(1/k).
      return style === 'text' && l.index !== 2n ? Precedence.pow : Precedence.atom;
    case 'sum':
      return Precedence.add;
    case 'neg':
      return Precedence.neg;
    case 'product':
      return Precedence.mul;
    case 'quotient':
      // \frac{}{} is a closed box in display LaTeX; inline a/b is a product.
      return style === 'latex' ? Precedence.atom : Precedence.mul;
    case 'power':
      return Precedence.pow;
    case 'factorial':
      return Precedence.postfix;
    case 'binder':
      // In text a binder is a call. In LaTeX its body runs on to the right: it binds like a sum.
      return style === 'text' ? Precedence.atom : Precedence.add;
  }
}

/** The one bracket decision of every printer. */
export function needsBrackets(child: Layout, position: Position, style: Style): boolean {
  const p = precedence(child, style);
  switch (position) {
    case 'argument':
      return false;
    case 'sum-term':
      return p <= Precedence.add && child.kind !== 'binder';
    case 'neg-operand':
      // -(a*b) = (-a)*b, so a product needs no bracket after a minus; a sum does.
      return p < Precedence.mul && child.kind !== 'binder';
    case 'factor':
      return p < Precedence.mul || child.kind === 'neg';
    case 'last-factor':
    case 'numerator':
      // A binder's body runs on to the right, so it may stand last without brackets.
      return (p < Precedence.mul && child.kind !== 'binder') || child.kind === 'neg';
    case 'denominator':
      return p <= Precedence.mul;
    case 'power-base':
      // n!^2 is legal text, but reads badly in LaTeX; a^b^c is a^(b^c), so a power base is bracketed.
      if (style !== 'text' && (child.kind === 'factorial' || child.kind === 'quotient')) return true;
      return p <= Precedence.pow;
    case 'exponent':
      // LaTeX exponents sit in braces; text exponents are right-associative, signs are bracketed for clarity.
      if (style === 'latex' || style === 'latex-inline') return false;
      return p < Precedence.pow;
    case 'factorial-operand':
      return p <= Precedence.postfix;
    case 'binder-body':
      return style !== 'text' && p <= Precedence.add;
  }
}

// ---- from Expr to Layout ---------------------------------------------------------

const isBinderKind = (e: Expr): boolean => e.kind === 'integral' || e.kind === 'extremum' || e.kind === 'sum' || e.kind === 'limit';

function numberLayout(q: Rational): Layout {
  const a = q.abs();
  const body: Layout = a.isInteger() ? { kind: 'number', value: a.n } : { kind: 'quotient', numerator: { kind: 'number', value: a.n }, denominator: { kind: 'number', value: a.d } };
  return q.sign < 0 ? { kind: 'neg', operand: body } : body;
}

const isNumericPower = (e: Expr): boolean => e.kind === 'pow' && e.base.kind === 'num';

/** A negative rational exponent goes to a denominator: x^-2 is 1/x^2. */
function negativeNumericExponent(e: Expr): Rational | undefined {
  return e.kind === 'pow' && e.exponent.kind === 'num' && e.exponent.value.sign < 0 ? e.exponent.value : undefined;
}

function productOf(factors: Layout[]): Layout {
  return factors.length === 1 ? factors[0]! : { kind: 'product', factors };
}

/** coeff * factors, written as a (signed) quotient with binders kept after it: 12/sqrt(n) * integral(...). */
function productLayout(coeff: Rational, factors: readonly Expr[]): Layout {
  const up: Layout[] = [];
  const down: Layout[] = [];
  const trailing: Layout[] = [];
  const a = coeff.abs();
  if (a.n !== 1n) up.push({ kind: 'number', value: a.n });
  if (a.d !== 1n) down.push({ kind: 'number', value: a.d });
  // Numeric factors (sqrt(2), 9^(1/d)) read as part of the coefficient, so they come first.
  const numericFirst = [...factors.filter(isNumericPower), ...factors.filter((f) => !isNumericPower(f))];
  for (const f of numericFirst) {
    const r = negativeNumericExponent(f);
    if (r !== undefined && f.kind === 'pow') down.push(powerLayout(f.base, r.neg()));
    else if (isBinderKind(f)) trailing.push(layout(f));
    else up.push(layout(f));
  }
  let main: Layout | undefined;
  if (down.length > 0) main = { kind: 'quotient', numerator: up.length > 0 ? productOf(up) : { kind: 'number', value: 1n }, denominator: productOf(down) };
  else if (up.length > 0) main = productOf(up);
  const all = main ? [main, ...trailing] : trailing;
  const body = all.length > 0 ? productOf(all) : ({ kind: 'number', value: 1n } as Layout);
  return coeff.sign < 0 ? { kind: 'neg', operand: body } : body;
}

function powerLayout(base: Expr, r: Rational): Layout {
  if (r.isOne()) return layout(base);
  if (r.n === 1n && r.d >= 2n) return { kind: 'root', radicand: layout(base), index: r.d };
  return { kind: 'power', base: layout(base), exponent: numberLayout(r) };
}

export function layout(e: Expr): Layout {
  switch (e.kind) {
    case 'num':
      return numberLayout(e.value);
    case 'sym':
      return { kind: 'symbol', name: e.name };
    case 'const':
      return { kind: 'constant', name: e.name };
    case 'add': {
      const signed = e.terms.map(termLayout);
      // Lead with a positive term when there is one: y - x rather than -x + y.
      const lead = signed.findIndex((t) => t.sign === '+');
      const order = lead > 0 ? [signed[lead]!, ...signed.filter((_, i) => i !== lead)] : signed;
      const head = order[0]!;
      const first: Layout = head.sign === '-' ? { kind: 'neg', operand: head.term } : head.term;
      return { kind: 'sum', first, rest: order.slice(1) };
    }
    case 'mul': {
      const c = e.factors[0]!;
      return c.kind === 'num' ? productLayout(c.value, e.factors.slice(1)) : productLayout(Rational.ONE, e.factors);
    }
    case 'pow': {
      if (e.exponent.kind === 'num') {
        const r = e.exponent.value;
        if (r.sign < 0) return productLayout(Rational.ONE, [e]);
        return powerLayout(e.base, r);
      }
      return { kind: 'power', base: layout(e.base), exponent: layout(e.exponent) };
    }
    case 'apply':
      if (e.fn === 'factorial' && e.args.length === 1) return { kind: 'factorial', operand: layout(e.args[0]!) };
      return { kind: 'call', fn: e.fn, args: e.args.map(layout) };
    case 'integral':
      return { kind: 'binder', which: 'integral', variable: e.variable, range: [layout(e.lower), layout(e.upper)], body: layout(e.body) };
    case 'extremum':
      return { kind: 'binder', which: e.which, variable: e.variable, range: [layout(e.lower), layout(e.upper)], body: layout(e.body) };
    case 'sum':
      return { kind: 'binder', which: 'sum', variable: e.index, range: [layout(e.lower), layout(e.upper)], body: layout(e.body) };
    case 'limit':
      return { kind: 'binder', which: 'limit', variable: e.variable, range: [layout(e.to)], body: layout(e.body) };
    default: {
      const never: never = e;
      throw new Error(`layout: unknown node ${(never as Expr).kind}`);
    }
  }
}

/** A term of a sum with its sign taken out of its coefficient. */
function termLayout(t: Expr): { sign: '+' | '-'; term: Layout } {
  let coeff: Rational | undefined;
  if (t.kind === 'num') coeff = t.value;
  else if (t.kind === 'mul' && t.factors[0]!.kind === 'num') coeff = t.factors[0].value;
  if (coeff === undefined || coeff.sign >= 0) return { sign: '+', term: layout(t) };
  if (t.kind === 'num') return { sign: '-', term: numberLayout(coeff.neg()) };
  return { sign: '-', term: productLayout(coeff.neg(), (t as { factors: readonly Expr[] }).factors.slice(1)) };
}
