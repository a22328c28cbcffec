// Visits every expression of a .eqb syntax tree, in source order, with the statement it belongs to.

import type { Argument, Constructor, DerivationStatement, FileSyntax, TopStatement } from './ast.js';
import { syntaxChildren, type ArgumentSyntax, type ExprSyntax } from './expr-ast.js';

export function statementExpressions(s: TopStatement): ExprSyntax[] {
  const out: ExprSyntax[] = [];
  switch (s.kind) {
    case 'setting':
    case 'include':
      break;
    case 'param':
    case 'error':
      if (s.constraint?.kind === 'interval') out.push(s.constraint.lower, s.constraint.upper);
      else if (s.constraint?.kind === 'compare') out.push(s.constraint.bound);
      if (s.value) out.push(s.value);
      break;
    case 'space':
      if (s.definition.kind === 'covering') out.push(s.definition.body, s.definition.limit);
      else out.push(...constructorExpressions(s.definition));
      break;
    case 'group':
      out.push(...constructorExpressions(s.definition));
      break;
    case 'transformations':
      out.push(...constructorExpressions(s.definition));
      if (s.radius) out.push(s.radius);
      break;
    case 'class':
      out.push(...constructorExpressions(s.definition));
      if (s.symmetry?.within) out.push(s.symmetry.within);
      break;
    case 'loss':
      out.push(...constructorExpressions(s.definition));
      if (s.boundedBy) out.push(s.boundedBy);
      break;
    case 'let':
      out.push(s.value);
      break;
    case 'bound':
      out.push(...argumentExpressions(s.args));
      break;
    case 'show': {
      out.push(...s.items);
      const sweep = s.table?.sweep;
      if (sweep) out.push(...(sweep.kind === 'list' ? sweep.values : [sweep.from, sweep.to, sweep.step]));
      break;
    }
    case 'derivation':
      out.push(...derivationExpressions(s));
      break;
  }
  return out;
}

/** The chain's terms (placeholders excluded), theorem arguments and box ends, in source order. */
export function derivationExpressions(s: DerivationStatement): ExprSyntax[] {
  const out: ExprSyntax[] = [];
  if (s.first.kind !== 'placeholder') out.push(s.first);
  for (const step of s.steps) {
    if (step.rhs.kind !== 'placeholder') out.push(step.rhs);
    const j = step.justification;
    if (j?.kind === 'theorem') out.push(...j.args);
    if (j?.kind === 'interval') for (const r of j.box) out.push(r.lower, ...(r.upper ? [r.upper] : []));
  }
  return out;
}

export function constructorExpressions(c: Constructor): ExprSyntax[] {
  return argumentExpressions(c.args ?? []);
}

function argumentExpressions(args: readonly Argument[]): ExprSyntax[] {
  return args.flatMap((a) => (a.value.kind === 'expression' ? [a.value.expr] : constructorExpressions(a.value.entry)));
}

/** Every statement, settings' bodies included, in source order. */
export function allStatements(file: FileSyntax): TopStatement[] {
  return file.statements.flatMap((s): TopStatement[] => (s.kind === 'setting' ? [s, ...s.body] : [s]));
}

/** Every expression node (not only roots), depth first, iteratively (deep trees do not overflow). */
export function forEachNode(root: ArgumentSyntax, f: (n: ArgumentSyntax) => void): void {
  const stack: ArgumentSyntax[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    f(n);
    const kids = syntaxChildren(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}
