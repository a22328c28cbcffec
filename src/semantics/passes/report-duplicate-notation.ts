// A symbol has one notation in a program (the file and its includes): a second one is refused rather
// than silently winning.

import type { Context } from '../context.js';
import { span } from '../program.js';

export function reportDuplicateNotation({ program, session }: Context): void {
  const first = new Map<string, ReturnType<typeof span>>();
  for (const at of program.top.statements) {
    const s = at.statement;
    if (s.kind !== 'notation') continue;
    const where = span(at.source, s.name.span);
    const earlier = first.get(s.name.text);
    if (earlier) session.error('EB2035', `\`${s.name.text}\` already has a notation`, where, { related: [{ message: 'first given here', span: earlier }] });
    else first.set(s.name.text, where);
  }
}
