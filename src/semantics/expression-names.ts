// The free names of an expression syntax tree: names not bound by integral, inf, sup, sum or limit,
// and not the constants pi and infinity. Callees are function names, not references.

import type { ArgumentSyntax, ExprSyntax, SyntaxSpan } from '../syntax/expr-ast.js';
import { syntaxChildren } from '../syntax/expr-ast.js';

const binders = new Set(['integral', 'inf', 'sup', 'sum', 'limit']);
const constants = new Set(['pi', 'infinity']);

export interface NameUse {
  readonly name: string;
  readonly span: SyntaxSpan;
}

export function freeNames(root: ExprSyntax, extraBound: readonly string[] = []): NameUse[] {
  const out: NameUse[] = [];
  const stack: { node: ArgumentSyntax; bound: readonly string[] }[] = [{ node: root, bound: extraBound }];
  while (stack.length > 0) {
    const { node, bound } = stack.pop()!;
    if (node.kind === 'name') {
      if (!constants.has(node.name) && !bound.includes(node.name)) out.push({ name: node.name, span: node.span });
      continue;
    }
    if (node.kind === 'call' && binders.has(node.callee) && node.args.length >= 2) {
      const [body, second, ...range] = node.args;
      const variable = second!.kind === 'arrow' ? second!.variable : second!.kind === 'name' ? second!.name : undefined;
      if (second!.kind === 'arrow') stack.push({ node: second!.target, bound });
      else if (variable === undefined) stack.push({ node: second!, bound });
      for (const r of range) stack.push({ node: r, bound });
      stack.push({ node: body!, bound: variable === undefined ? bound : [...bound, variable] });
      continue;
    }
    const kids = syntaxChildren(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, bound });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The name when the expression is a bare name (brackets allowed), else undefined. */
export function bareName(e: ExprSyntax): NameUse | undefined {
  let n: ExprSyntax = e;
  while (n.kind === 'group') n = n.inner;
  return n.kind === 'name' ? { name: n.name, span: n.span } : undefined;
}
