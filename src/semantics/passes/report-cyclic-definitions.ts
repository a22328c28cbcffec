// Parameters and lets may be written in any order, but not in terms of themselves: let a = b; let b = a.

import type { ExprSyntax } from '../../syntax/expr-ast.js';
import type { Context } from '../context.js';
import { freeNames } from '../expression-names.js';
import { lookup, type Declaration } from '../program.js';

export function reportCyclicDefinitions({ program, session }: Context): void {
  const edges = new Map<Declaration, Declaration[]>();
  for (const d of program.declarations) {
    if (d.kind !== 'parameter' && d.kind !== 'let') continue;
    const s = d.at.statement;
    const value = (s.kind === 'param' || s.kind === 'error' || s.kind === 'let' ? s.value : null) as ExprSyntax | null;
    if (!value) continue;
    const targets = freeNames(value)
      .map((u) => lookup(d.at.scope, u.name))
      .filter((t): t is Declaration => t !== undefined && (t.kind === 'parameter' || t.kind === 'let'));
    edges.set(d, targets);
  }
  // Iterative depth-first search: a long chain of lets must not overflow the call stack.
  const state = new Map<Declaration, 'active' | 'done'>();
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const path: { d: Declaration; next: number }[] = [{ d: root, next: 0 }];
    state.set(root, 'active');
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const t = (edges.get(top.d) ?? [])[top.next++];
      if (t === undefined) {
        state.set(top.d, 'done');
        path.pop();
      } else if (state.get(t) === 'active') {
        const cycle = path.slice(path.findIndex((p) => p.d === t)).map((p) => p.d);
        const names = [...cycle.map((c) => c.name), t.name].join(' → ');
        session.error('EB2004', `\`${t.name}\` is defined in terms of itself: ${names}`, t.span, {
          related: cycle.slice(1).map((c) => ({ span: c.span, message: `\`${c.name}\` is part of the cycle` })),
        });
      } else if (!state.has(t)) {
        state.set(t, 'active');
        path.push({ d: t, next: 0 });
      }
    }
  }
}
