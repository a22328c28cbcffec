// Parameters and lets in an order where every declaration comes after the ones its value mentions
// (cycles were reported before this runs). Iterative, so long chains do not overflow the stack.

import type { ExprSyntax } from '../syntax/expr-ast.js';
import { freeNames } from './expression-names.js';
import { lookup, type Declaration, type Program } from './program.js';

export function valueOf(d: Declaration): ExprSyntax | null {
  const s = d.at.statement;
  return s.kind === 'param' || s.kind === 'error' || s.kind === 'let' ? s.value : null;
}

/** Every name an expression mentions, resolved in the declaration's scope, that is a parameter or let. */
export function dependencies(d: Declaration, e: ExprSyntax | null = valueOf(d)): Declaration[] {
  if (!e) return [];
  return freeNames(e)
    .map((u) => lookup(d.at.scope, u.name))
    .filter((t): t is Declaration => t !== undefined && (t.kind === 'parameter' || t.kind === 'let'));
}

export function dependencyOrder(program: Program): Declaration[] {
  const decls = program.declarations.filter((d) => (d.kind === 'parameter' || d.kind === 'let') && d.at.scope.declarations.get(d.name) === d);
  const done = new Set<Declaration>();
  const order: Declaration[] = [];
  for (const root of decls) {
    if (done.has(root)) continue;
    const path: { d: Declaration; deps: Declaration[]; next: number }[] = [{ d: root, deps: dependencies(root), next: 0 }];
    const onPath = new Set([root]);
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const t = top.deps[top.next++];
      if (t === undefined) {
        path.pop();
        onPath.delete(top.d);
        if (!done.has(top.d)) {
          done.add(top.d);
          order.push(top.d);
        }
      } else if (!done.has(t) && !onPath.has(t)) {
        onPath.add(t);
        path.push({ d: t, deps: dependencies(t), next: 0 });
      }
    }
  }
  return order;
}
