// A name declared as one kind is used only where that kind is expected: a group where a space is
// expected, a space inside an arithmetic expression, a parameter as the setting of a bound.

import type { Context } from '../context.js';
import { kindWords, lookup } from '../program.js';

export function checkKinds({ program, session }: Context): void {
  for (const r of program.references) {
    const d = lookup(r.scope, r.name);
    if (!d || r.expected.includes(d.kind)) continue;
    const wanted = r.expected.length <= 3 ? r.expected.map((k) => kindWords[k]).join(' or ') : 'a value';
    session.error('EB2003', `\`${r.name}\` is ${kindWords[d.kind]}, but ${wanted} is expected as ${r.role}`, r.span, {
      related: [{ span: d.span, message: `\`${r.name}\` is declared here` }],
    });
  }
}
