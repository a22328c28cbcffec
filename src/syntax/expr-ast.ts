// The syntax tree of the text form of expressions, as grammar/expr.peggy builds it: no meaning yet,
// only shape and 0-based {start, end} offsets (end exclusive). src/expr/from-syntax.ts gives it meaning.

export interface SyntaxSpan {
  readonly start: number;
  readonly end: number;
}

/** A decimal literal as written; its form is checked by parseExpressionSyntax, its value by fromSyntax. */
export interface NumberSyntax {
  readonly kind: 'number';
  readonly text: string;
  readonly span: SyntaxSpan;
}

/** An identifier: a symbol, or a constant such as pi or infinity. */
export interface NameSyntax {
  readonly kind: 'name';
  readonly name: string;
  readonly span: SyntaxSpan;
}

/** ( inner ), kept so that diagnostics can point at brackets. */
export interface GroupSyntax {
  readonly kind: 'group';
  readonly inner: ExprSyntax;
  readonly span: SyntaxSpan;
}

export interface ChainLink<Op extends string> {
  readonly op: Op;
  readonly opSpan: SyntaxSpan;
  readonly operand: ExprSyntax;
}

/** first + a - b ...: flat, so that long sums do not nest. */
export interface AdditiveSyntax {
  readonly kind: 'additive';
  readonly first: ExprSyntax;
  readonly rest: readonly ChainLink<'+' | '-'>[];
  readonly span: SyntaxSpan;
}

/** first * a / b ..., left to right. */
export interface MultiplicativeSyntax {
  readonly kind: 'multiplicative';
  readonly first: ExprSyntax;
  readonly rest: readonly ChainLink<'*' | '/'>[];
  readonly span: SyntaxSpan;
}

export interface UnarySyntax {
  readonly kind: 'unary';
  readonly op: '-' | '+';
  readonly operand: ExprSyntax;
  readonly span: SyntaxSpan;
}

/** base ^ exponent (right-associative). */
export interface PowerSyntax {
  readonly kind: 'power';
  readonly base: ExprSyntax;
  readonly exponent: ExprSyntax;
  readonly opSpan: SyntaxSpan;
  readonly span: SyntaxSpan;
}

/** operand! */
export interface FactorialSyntax {
  readonly kind: 'factorial';
  readonly operand: ExprSyntax;
  readonly opSpan: SyntaxSpan;
  readonly span: SyntaxSpan;
}

/** callee(args): functions and binders alike (integral, inf, sup, sum, limit). */
export interface CallSyntax {
  readonly kind: 'call';
  readonly callee: string;
  readonly calleeSpan: SyntaxSpan;
  readonly args: readonly ArgumentSyntax[];
  readonly openSpan: SyntaxSpan;
  readonly closeSpan: SyntaxSpan;
  readonly span: SyntaxSpan;
}

/** `n -> target`, allowed only as an argument (the variable and target of a limit). */
export interface ArrowSyntax {
  readonly kind: 'arrow';
  readonly variable: string;
  readonly variableSpan: SyntaxSpan;
  readonly target: ExprSyntax;
  readonly span: SyntaxSpan;
}

export type ExprSyntax =
  | NumberSyntax
  | NameSyntax
  | GroupSyntax
  | AdditiveSyntax
  | MultiplicativeSyntax
  | UnarySyntax
  | PowerSyntax
  | FactorialSyntax
  | CallSyntax;

export type ArgumentSyntax = ExprSyntax | ArrowSyntax;

/** The direct children of a node, in source order. */
export function syntaxChildren(node: ArgumentSyntax): readonly ArgumentSyntax[] {
  switch (node.kind) {
    case 'number':
    case 'name':
      return [];
    case 'group':
      return [node.inner];
    case 'additive':
    case 'multiplicative':
      return [node.first, ...node.rest.map((l) => l.operand)];
    case 'unary':
    case 'factorial':
      return [node.operand];
    case 'power':
      return [node.base, node.exponent];
    case 'call':
      return node.args;
    case 'arrow':
      return [node.target];
  }
}
