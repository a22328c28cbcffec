// A name is declared once per scope (a setting may shadow a top-level name); a setting has one loss.

import type { Context } from '../context.js';
import { kindWords } from '../program.js';

export function reportDuplicateDefinitions({ program, session }: Context): void {
  for (const d of program.declarations) {
    const first = d.at.scope.declarations.get(d.name);
    if (!first || first === d) continue;
    const what = d.kind === 'loss' ? 'a second loss in this setting' : `\`${d.name}\` is declared twice`;
    session.error('EB2002', what, d.span, {
      related: [{ span: first.span, message: d.kind === 'loss' ? 'the first loss is here' : `first declared here as ${kindWords[first.kind]}` }],
      ...(d.kind === 'loss' ? { hint: 'a setting has one loss; put the other in its own setting' } : {}),
    });
  }
}
