// Derivation names are their own namespace (they are not values): each may be used once per program.
// A chain without a step (`derivation d in s { e0 }`) claims nothing and is refused too.

import type { Context } from '../context.js';
import { span } from '../program.js';
import { derivations } from './derivation-scope.js';

export function reportDuplicateDerivations(ctx: Context): void {
  const seen = new Map<string, { source: string; start: number; end: number }>();
  for (const { statement: s, source } of derivations(ctx)) {
    const here = span(source, s.name.span);
    const first = seen.get(s.name.text);
    if (first) ctx.session.error('EB2016', `a derivation named \`${s.name.text}\` is already declared`, here, { related: [{ span: first, message: 'first declared here' }] });
    else seen.set(s.name.text, here);
    if (s.steps.length === 0) ctx.session.error('EB2019', `the derivation \`${s.name.text}\` has no step`, span(source, s.span));
  }
}
