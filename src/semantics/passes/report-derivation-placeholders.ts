// A derivation has no placeholders: `...` in place of an expression is refused (EB1107), since a
// step whose side is not written out cannot be checked.

import type { Context } from '../context.js';
import { span } from '../program.js';
import { derivations } from './derivation-scope.js';

export function reportDerivationPlaceholders(ctx: Context): void {
  for (const { statement: s, source } of derivations(ctx)) {
    for (const term of [s.first, ...s.steps.map((x) => x.rhs)]) {
      if (term.kind === 'placeholder') ctx.session.error('EB1107', '`...` is not an expression: write the step out in full', span(source, term.span));
    }
  }
}
