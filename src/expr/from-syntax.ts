// Gives a syntax tree its meaning: every node goes through the canonical constructors of build.ts.
// Unknown functions, arities, literal divisions by zero, refused exact powers and binder clashes are reported here.

import { error, fail, ok, type Diagnostic, type Result, type Span } from '../diagnostics/diagnostic.js';
import type { ArgumentSyntax, CallSyntax, ExprSyntax, SyntaxSpan } from '../syntax/expr-ast.js';
import * as b from './build.js';
import { fnByName, functionAliases, functions, fnIds } from './operators.js';
import { MAX_EXACT_BITS, Rational } from './rational.js';
import { freeSymbols } from './traverse.js';
import type { Expr, FnId } from './types.js';

/** Names read as binders: body first, then the bound variable, then its range. */
const binderNames = ['integral', 'inf', 'sup', 'sum', 'limit'] as const;
type BinderName = (typeof binderNames)[number];

/** Every name that may be called, for "did you mean". */
export const callableNames: readonly string[] = [
  'sqrt',
  'root',
  ...fnIds.map((id) => functions[id].text),
  ...Object.keys(functionAliases),
  ...binderNames,
];

/** Decimal digits beyond which a literal is refused before it is converted (about MAX_EXACT_BITS bits). */
const MAX_LITERAL_DIGITS = Math.ceil(MAX_EXACT_BITS * Math.log10(2)) + 1;
/** Constructors are called on slices of this many operands, so that long chains do not overflow the argument list. */
const CHUNK = 10_000;
const MAX_DIAGNOSTICS = 20;

/** Stands in for a node that failed, so that conversion can go on and report further problems. */
const PLACEHOLDER = b.sym('\u0000error');

class Reader {
  readonly problems: Diagnostic[] = [];
  constructor(private readonly source: string) {}

  span(s: SyntaxSpan): Span {
    return { source: this.source, start: s.start, end: s.end };
  }

  report(d: Diagnostic): Expr {
    if (this.problems.length < MAX_DIAGNOSTICS) this.problems.push(d);
    return PLACEHOLDER;
  }

  read(node: ExprSyntax, bound: readonly string[]): Expr {
    switch (node.kind) {
      case 'number':
        return this.number(node.text, node.span);
      case 'name':
        if (node.name === 'pi') return b.PI;
        if (node.name === 'infinity') return b.INFINITY;
        return b.sym(node.name);
      case 'group':
        return this.read(node.inner, bound);
      case 'additive': {
        const terms = [this.read(node.first, bound)];
        for (const link of node.rest) {
          const t = this.read(link.operand, bound);
          terms.push(link.op === '-' ? b.neg(t) : t);
        }
        return this.checked(chunked(b.add, terms), node.span);
      }
      case 'multiplicative': {
        const factors = [this.read(node.first, bound)];
        for (const link of node.rest) {
          const f = this.read(link.operand, bound);
          if (link.op === '*') factors.push(f);
          else if (isZero(f)) {
            this.report(
              error('EB3001', 'division by zero: the denominator is exactly 0', {
                span: this.span(link.operand.span),
                related: [{ span: this.span(link.opSpan), message: 'divided here' }],
                hint: link.operand.kind === 'number' ? 'a literal 0 cannot be a denominator' : 'the denominator simplifies to 0 (terms cancel); check the signs',
              }),
            );
          } else factors.push(b.pow(f, b.MINUS_ONE));
        }
        return this.checked(chunked(b.mul, factors), node.span);
      }
      case 'unary': {
        const x = this.read(node.operand, bound);
        return node.op === '-' ? b.neg(x) : x;
      }
      case 'power': {
        const base = this.read(node.base, bound);
        const exponent = this.read(node.exponent, bound);
        if (isZero(base) && exponent.kind === 'num' && exponent.value.sign < 0) {
          return this.report(
            error('EB3001', `division by zero: 0 raised to the negative power ${exponent.value.toString()}`, {
              span: this.span(node.span),
              hint: 'a negative power is a reciprocal, and the base is exactly 0',
            }),
          );
        }
        return this.checked(b.pow(base, exponent), node.span);
      }
      case 'factorial':
        return b.factorial(this.read(node.operand, bound));
      case 'call':
        return this.call(node, bound);
    }
  }

  number(text: string, span: SyntaxSpan): Expr {
    const digits = text.replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').length;
    const value = digits > MAX_LITERAL_DIGITS ? undefined : Rational.parseDecimal(text);
    if (value === undefined || value.bits() > 2 * MAX_EXACT_BITS) {
      return this.report(
        error('EB3004', `the number ${text.length > 40 ? text.slice(0, 20) + '…' + text.slice(-10) : text} is too large for exact arithmetic`, {
          span: this.span(span),
          hint: `exact numbers are limited to about ${MAX_LITERAL_DIGITS} digits; write a power such as 10^6 only up to that size`,
        }),
      );
    }
    return b.num(value);
  }

  /** Exact powers that build.ts refused to compute (e.g. 10^10^10) are errors for literals. */
  checked(e: Expr, span: SyntaxSpan): Expr {
    if (refusedPower(e)) {
      return this.report(
        error('EB3004', 'a power of numbers is too large to compute exactly', {
          span: this.span(span),
          hint: `the exact value would need more than ${MAX_EXACT_BITS} bits; use smaller exponents`,
        }),
      );
    }
    return e;
  }

  args(node: CallSyntax, bound: readonly string[]): Expr[] {
    return node.args.map((a) => (a.kind === 'arrow' ? this.misplacedArrow(a) : this.read(a, bound)));
  }

  misplacedArrow(a: ArgumentSyntax): Expr {
    return this.report(
      error('EB3007', "an arrow 'n -> a' is allowed only as the last argument of limit", {
        span: this.span(a.span),
        hint: 'write limit(body, n -> infinity) or limit(body, n, infinity)',
      }),
    );
  }

  arity(node: CallSyntax, name: string, expected: string, signature: string, extra = ''): Expr {
    const n = node.args.length;
    return this.report(
      error('EB3003', `${name} takes ${expected}, got ${n}`, {
        span: this.span(node.span),
        hint: `write ${signature}${extra}`,
      }),
    );
  }

  call(node: CallSyntax, bound: readonly string[]): Expr {
    const name = node.callee;
    const n = node.args.length;
    if ((binderNames as readonly string[]).includes(name)) return this.binder(name as BinderName, node, bound);
    if (name === 'sqrt') {
      if (n !== 1) return this.arity(node, 'sqrt', 'one argument', 'sqrt(x)', '; for a k-th root write root(x, k)');
      return this.checked(b.sqrt(this.args(node, bound)[0]!), node.span);
    }
    if (name === 'root') {
      if (n !== 2) return this.arity(node, 'root', 'two arguments', 'root(x, k) for the k-th root of x', n === 1 ? '; for a square root write sqrt(x)' : '');
      const [x, k] = this.args(node, bound) as [Expr, Expr];
      if (isZero(k)) {
        return this.report(error('EB3001', 'division by zero: the index of root(x, k) is exactly 0', { span: this.span(node.args[1]!.span), hint: 'root(x, k) is x^(1/k); k must not be 0' }));
      }
      return this.checked(b.root(x, k), node.span);
    }
    const fn = fnByName(name);
    if (fn === undefined) {
      this.args(node, bound); // for the problems inside
      return this.unknown(node);
    }
    const spec = functions[fn];
    if (n < spec.arity.min || n > spec.arity.max) return this.arity(node, name, arityText(fn), signature(fn), fn === 'log' && n === 2 ? '; for the logarithm to base b write log(x)/log(b)' : '');
    return this.checked(b.apply(fn, this.args(node, bound)), node.span);
  }

  unknown(node: CallSyntax): Expr {
    const close = suggestions(node.callee);
    const known = 'known functions: sqrt root log exp min max ceil floor abs pos binomial factorial; binders: integral inf sup sum limit';
    const hint =
      close.length > 0
        ? `did you mean ${close.map((c) => `'${c}'`).join(' or ')}? ${known}`
        : `${known}; there is no implicit multiplication: for a product write ${node.callee}*(...)`;
    return this.report(error('EB3002', `unknown function '${node.callee}'`, { span: this.span(node.calleeSpan), hint }));
  }

  binder(name: BinderName, node: CallSyntax, bound: readonly string[]): Expr {
    const args = node.args;
    const isLimit = name === 'limit';
    const arrowForm = isLimit && args.length === 2 && args[1]!.kind === 'arrow';
    if (!arrowForm && args.length !== (isLimit ? 3 : 4)) {
      const signature = isLimit ? 'limit(body, n -> infinity) or limit(body, n, infinity)' : `${name}(body, t, a, b)${name === 'integral' ? ' for the integral of body dt from a to b' : name === 'sum' ? ' for the sum of body over integers t from a to b' : ` for the ${name}imum of body over t in [a, b]`}`;
      return this.arity(node, name, isLimit ? 'two or three arguments' : 'four arguments', signature);
    }
    const bodySyntax = args[0]!;
    const varSyntax = arrowForm && args[1]!.kind === 'arrow' ? { name: args[1]!.variable, span: args[1]!.variableSpan } : args[1]!.kind === 'name' ? { name: args[1]!.name, span: args[1]!.span } : undefined;
    if (varSyntax === undefined || varSyntax.name === 'pi' || varSyntax.name === 'infinity') {
      return this.report(
        error('EB3007', `the second argument of ${name} must be the name of the variable it binds`, {
          span: this.span(args[1]!.span),
          hint: `write ${isLimit ? 'limit(body, n -> infinity)' : `${name}(body, t, a, b)`} with a plain name such as t in second place`,
        }),
      );
    }
    const variable = varSyntax.name;
    if (bound.includes(variable)) {
      return this.report(
        error('EB3006', `'${variable}' is already bound by an enclosing integral, sum, inf, sup or limit`, {
          span: this.span(varSyntax.span),
          hint: `rename the inner variable, e.g. ${variable}2`,
        }),
      );
    }
    const rangeSyntax: ArgumentSyntax[] = arrowForm && args[1]!.kind === 'arrow' ? [args[1]!.target] : args.slice(2);
    const range: Expr[] = [];
    for (const r of rangeSyntax) {
      if (r.kind === 'arrow') {
        range.push(this.misplacedArrow(r));
        continue;
      }
      const value = this.read(r, bound);
      if (freeSymbols(value).has(variable)) {
        this.report(
          error('EB3006', `the range of ${name} uses '${variable}', the variable it binds`, {
            span: this.span(r.span),
            related: [{ span: this.span(varSyntax.span), message: `'${variable}' is bound here` }],
            hint: `the limits are read outside the ${name}; rename the bound variable`,
          }),
        );
      }
      range.push(value);
    }
    if (bodySyntax.kind === 'arrow') return this.misplacedArrow(bodySyntax);
    const body = this.read(bodySyntax, [...bound, variable]);
    switch (name) {
      case 'integral':
        return b.integral(variable, range[0]!, range[1]!, body);
      case 'inf':
      case 'sup':
        return b.extremum(name, variable, range[0]!, range[1]!, body);
      case 'sum':
        return b.sum(variable, range[0]!, range[1]!, body);
      case 'limit':
        return b.limit(variable, range[0]!, body);
    }
  }
}

function chunked(f: (...xs: Expr[]) => Expr, xs: Expr[]): Expr {
  if (xs.length <= CHUNK) return f(...xs);
  let acc = f(...xs.slice(0, CHUNK));
  for (let i = CHUNK; i < xs.length; i += CHUNK) acc = f(acc, ...xs.slice(i, i + CHUNK));
  return acc;
}

function isZero(e: Expr): boolean {
  return e.kind === 'num' && e.value.isZero();
}

function refusedPower(e: Expr): boolean {
  if (e.kind === 'mul') return e.factors.some(refusedPower);
  if (e.kind !== 'pow' || e.base.kind !== 'num' || e.exponent.kind !== 'num') return false;
  const q = e.base.value;
  const r = e.exponent.value;
  if (q.isZero()) return false;
  if (r.isInteger()) return q.powInt(r.n) === undefined;
  return q.sign > 0 && q.powInt(r.floor().n) === undefined;
}

function arityText(fn: FnId): string {
  const { min, max } = functions[fn].arity;
  const word = (k: number) => (k === 1 ? 'one argument' : k === 2 ? 'two arguments' : `${k} arguments`);
  if (max === Infinity) return `at least ${word(min)}`;
  return min === max ? word(min) : `${min} to ${max} arguments`;
}

function signature(fn: FnId): string {
  const { text, arity } = functions[fn];
  if (fn === 'binomial') return `${text}(n, k)`;
  if (arity.max === Infinity) return `${text}(a, b, ...)`;
  return `${text}(x)`;
}

/** Levenshtein distance, ignoring case. */
function distance(a: string, c: string): number {
  const s = a.toLowerCase();
  const t = c.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/** The closest callable names (at most two), when close enough to be a likely typo. */
export function suggestions(name: string): string[] {
  const limit = Math.max(2, Math.floor(name.length / 2));
  const scored = callableNames.map((c) => ({ c, d: distance(name, c) })).filter((x) => x.d <= limit);
  scored.sort((x, y) => x.d - y.d || commonPrefix(name, y.c) - commonPrefix(name, x.c) || (x.c < y.c ? -1 : 1));
  const best = scored[0]?.d;
  return scored.filter((x) => x.d === best).slice(0, 2).map((x) => x.c);
}

function commonPrefix(a: string, c: string): number {
  let i = 0;
  while (i < a.length && i < c.length && a[i]!.toLowerCase() === c[i]!.toLowerCase()) i++;
  return i;
}

/** The expression a syntax tree denotes, in canonical form, or the problems that prevent it. */
export function fromSyntax(node: ExprSyntax, source = '<input>'): Result<Expr> {
  const reader = new Reader(source);
  const value = reader.read(node, []);
  if (reader.problems.length > 0) return fail(...reader.problems.sort((x, y) => (x.span?.start ?? 0) - (y.span?.start ?? 0)));
  return ok(value);
}
