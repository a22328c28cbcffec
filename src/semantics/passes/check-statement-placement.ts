// A loss has no name: it belongs to the setting it is written in, so a top-level loss is refused.

import type { Context } from '../context.js';
import { span } from '../program.js';

export function checkStatementPlacement({ program, session }: Context): void {
  for (const at of program.top.statements) {
    if (at.statement.kind === 'loss') {
      session.error('EB2015', 'a loss must be declared inside a setting', span(at.source, at.statement.span), {
        hint: 'move the loss into the setting it belongs to: setting s { ... loss absolute }',
      });
    }
  }
}
