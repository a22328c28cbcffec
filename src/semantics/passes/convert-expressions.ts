// Gives every expression its meaning through the oracle (fromSyntax in the CLI): unknown functions,
// wrong arities, 1/0 written literally and exact numbers too large (10^10^10) are reported here.

import { statementExpressions } from '../../syntax/walk-file.js';
import type { Context } from '../context.js';

export function convertExpressions({ program, session, oracle, tables }: Context): void {
  const all = [...program.top.statements, ...program.settings.flatMap((s) => s.statements)];
  for (const at of all) {
    for (const e of statementExpressions(at.statement)) {
      const r = oracle.convert(e, at.source);
      if (r.ok) tables.converted.set(e, r.value);
      else session.add(...r.diagnostics);
    }
  }
}
