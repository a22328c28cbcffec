// LaTeX for an expression, as a paper would typeset it: \frac for quotients (a/b inline in exponents
// and limits), \sqrt, \left( \right) brackets chosen by needsBrackets in layout.ts, symbols by symbols.ts.

import { functions } from '../operators.js';
import type { Expr } from '../types.js';
import { layout, needsBrackets, type Layout, type Position, type Style } from './layout.js';
import { symbolLatex } from './symbols.js';

export interface LatexOptions {
  /** LaTeX for symbol names, taking precedence over the defaults of symbols.ts (e.g. { G: '|G|' }). */
  readonly symbols?: Readonly<Record<string, string>>;
}

export function toLatex(e: Expr, options: LatexOptions = {}): string {
  return new LatexWriter(options.symbols ?? {}).write(layout(e), 'latex');
}

type LatexStyle = Exclude<Style, 'text'>;

const binderCommands = { integral: '\\int', inf: '\\inf', sup: '\\sup', sum: '\\sum', limit: '\\lim' } as const;

class LatexWriter {
  constructor(private readonly symbols: Readonly<Record<string, string>>) {}

  bracket(s: string): string {
    return `\\left(${s}\\right)`;
  }

  child(l: Layout, position: Position, style: LatexStyle): string {
    const s = this.write(l, style);
    return needsBrackets(l, position, style) ? this.bracket(s) : s;
  }

  /** Whether a layout, as written, starts with a digit: then a product needs \cdot before it. */
  leadsWithNumber(l: Layout, position: Position, style: LatexStyle): boolean {
    if (needsBrackets(l, position, style)) return false;
    switch (l.kind) {
      case 'number':
        return true;
      case 'quotient':
        return style === 'latex-inline' && this.leadsWithNumber(l.numerator, 'numerator', style);
      case 'power':
        return this.leadsWithNumber(l.base, 'power-base', style);
      case 'factorial':
        return this.leadsWithNumber(l.operand, 'factorial-operand', style);
      case 'product':
        return this.leadsWithNumber(l.factors[0]!, 'factor', style);
      case 'sum':
        return this.leadsWithNumber(l.first, 'sum-term', style);
      default:
        return false;
    }
  }

  inline(l: Layout): string {
    return this.write(l, 'latex-inline');
  }

  write(l: Layout, style: LatexStyle): string {
    switch (l.kind) {
      case 'number':
        return l.value.toString();
      case 'symbol':
        return symbolLatex(l.name, this.symbols).latex;
      case 'constant':
        return l.name === 'pi' ? '\\pi' : '\\infty';
      case 'sum':
        return [this.child(l.first, 'sum-term', style), ...l.rest.map((t) => `${t.sign} ${this.child(t.term, 'sum-term', style)}`)].join(' ');
      case 'neg':
        return `-${this.child(l.operand, 'neg-operand', style)}`;
      case 'product': {
        const last = l.factors.length - 1;
        let out = '';
        l.factors.forEach((f, i) => {
          const position: Position = i === last ? 'last-factor' : 'factor';
          if (i > 0) out += this.leadsWithNumber(f, position, style) ? ' \\cdot ' : ' ';
          out += this.child(f, position, style);
        });
        return out;
      }
      case 'quotient':
        if (style === 'latex') return `\\frac{${this.write(l.numerator, style)}}{${this.write(l.denominator, style)}}`;
        return `${this.child(l.numerator, 'numerator', style)}/${this.child(l.denominator, 'denominator', style)}`;
      case 'power':
        return `${this.base(l.base, style)}^{${this.inline(l.exponent)}}`;
      case 'root':
        return l.index === 2n ? `\\sqrt{${this.write(l.radicand, style)}}` : `\\sqrt[${l.index}]{${this.write(l.radicand, style)}}`;
      case 'call':
        return this.call(l, style);
      case 'factorial':
        return `${this.child(l.operand, 'factorial-operand', style)}!`;
      case 'binder':
        return this.binder(l, style);
      default: {
        const never: never = l;
        throw new Error(`toLatex: unknown layout ${(never as Layout).kind}`);
      }
    }
  }

  /** A power base; a symbol that already carries a superscript is braced: {\alpha^*}^{2}. */
  base(l: Layout, style: LatexStyle): string {
    if (l.kind === 'symbol' && symbolLatex(l.name, this.symbols).hasSuperscript) return `{${this.write(l, style)}}`;
    return this.child(l, 'power-base', style);
  }

  call(l: Extract<Layout, { kind: 'call' }>, style: LatexStyle): string {
    const args = l.args.map((a) => this.write(a, style));
    const spec = functions[l.fn].latex;
    switch (spec.kind) {
      case 'command':
        return `${spec.name}\\left(${args.join(', ')}\\right)`;
      case 'delimiters':
        return `${spec.left}${args.join(', ')}${spec.right}`;
      case 'binomial':
        return args.length === 2 ? `\\binom{${args[0]}}{${args[1]}}` : `\\operatorname{binomial}\\left(${args.join(', ')}\\right)`;
      case 'factorial':
        return `\\operatorname{factorial}\\left(${args.join(', ')}\\right)`; // only for a malformed arity
      case 'positivePart':
        return `\\left(${args.join(', ')}\\right)_+`;
    }
  }

  binder(l: Extract<Layout, { kind: 'binder' }>, style: LatexStyle): string {
    const v = symbolLatex(l.variable, this.symbols).latex;
    const body = this.child(l.body, 'binder-body', style);
    const [first, second] = l.range.map((r) => this.inline(r));
    switch (l.which) {
      case 'integral':
        return `\\int_{${first}}^{${second}} ${body} \\,\\mathrm{d}${v}`;
      case 'inf':
      case 'sup':
        return `${binderCommands[l.which]}_{${v} \\in [${first}, ${second}]} ${body}`;
      case 'sum':
        return `\\sum_{${v}=${first}}^{${second}} ${body}`;
      case 'limit':
        return `\\lim_{${v} \\to ${first}} ${body}`;
    }
  }
}
