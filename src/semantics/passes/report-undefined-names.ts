// Every referenced name must be declared in its scope or the top level; "did you mean" by edit distance,
// preferring names of the kinds expected there.

import { closest } from '../../syntax/did-you-mean.js';
import type { Context } from '../context.js';
import { lookup, visibleNames, type Scope } from '../program.js';

export function reportUndefinedNames({ program, session }: Context): void {
  const reported = new Set<string>();
  for (const r of program.references) {
    if (lookup(r.scope, r.name)) continue;
    const key = `${r.span.source}:${r.span.start}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const guess = closest(r.name, namesOfKinds(r.scope, r.expected)) ?? closest(r.name, visibleNames(r.scope));
    session.error('EB2001', `\`${r.name}\` is not defined`, r.span, guess ? { hint: `did you mean \`${guess}\`?` } : {});
  }
}

function namesOfKinds(scope: Scope, kinds: readonly string[]): string[] {
  const out: string[] = [];
  for (let s: Scope | null = scope; s; s = s.parent) for (const [k, d] of s.declarations) if (kinds.includes(d.kind) && !k.startsWith('#')) out.push(k);
  return out;
}
