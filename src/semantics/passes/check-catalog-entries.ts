// Catalog entries exist and get the arguments they take: cube(side, dim, metric), signflips(d), …;
// word arguments are one of their words (metric = sup), space arguments are names.

import type { Constructor } from '../../syntax/ast.js';
import { closest } from '../../syntax/did-you-mean.js';
import { catalogs, entrySpec, type CatalogName } from '../catalog.js';
import type { Context } from '../context.js';
import { bareName } from '../expression-names.js';
import { matchArguments } from '../match-arguments.js';
import { span } from '../program.js';
import type { Session } from '../session.js';

const statementCatalog = { space: 'space', group: 'group', transformations: 'transformations', class: 'class', loss: 'loss' } as const;

export function checkCatalogEntries({ program, session }: Context): void {
  for (const at of [...program.top.statements, ...program.settings.flatMap((s) => s.statements)]) {
    const s = at.statement;
    if (!(s.kind in statementCatalog)) continue;
    const def = (s as { definition: Constructor | { kind: 'covering' } }).definition;
    if (def.kind === 'constructor') checkEntry(def, statementCatalog[s.kind as keyof typeof statementCatalog], at.source, session);
  }
}

function checkEntry(c: Constructor, catalog: CatalogName, source: string, session: Session): void {
  const spec = entrySpec(catalog, c.name.text);
  const what = catalog === 'generator' ? 'generator' : catalog === 'transformations' ? 'transformation set' : catalog;
  if (!spec) {
    const names = Object.keys(catalogs[catalog]);
    const guess = closest(c.name.text, names);
    session.error('EB2005', `unknown ${what} \`${c.name.text}\``, span(source, c.name.span), {
      hint: `${guess ? `did you mean \`${guess}\`? ` : ''}known ${what}s: ${names.join(', ')}${catalog === 'space' ? ', covering(r) = … for r <= r0' : ''}`,
    });
    return;
  }
  if (catalog === 'transformations') {
    if (!c.args || c.args.length === 0) session.error('EB2006', 'generators(...) needs at least one generator', span(source, c.span), { hint: 'e.g. generators(rotation(angle = 2*pi/12))' });
    for (const a of c.args ?? []) {
      if (a.key) session.error('EB2006', 'generators are listed without names', span(source, a.key.span), { hint: 'e.g. generators(rotation(angle = 2*pi/12), reflection)' });
      else if (a.value.kind === 'entry') checkEntry(a.value.entry, 'generator', source, session);
      else {
        const n = bareName(a.value.expr);
        if (n && entrySpec('generator', n.name)) checkEntry({ kind: 'constructor', span: n.span, name: { text: n.name, span: n.span }, args: null }, 'generator', source, session);
        else session.error('EB2005', 'expected a generator such as rotation(angle = …)', span(source, a.value.span), { hint: `known generators: ${Object.keys(catalogs.generator).join(', ')}` });
      }
    }
    return;
  }
  const { matched, problems } = matchArguments(c, spec);
  for (const p of problems) session.error('EB2006', p.message, span(source, p.at), p.hint ? { hint: p.hint } : {});
  for (const { spec: a, arg } of matched.values()) {
    const at = span(source, arg.value.span);
    if (arg.value.kind === 'entry') {
      session.error('EB2006', `\`${a.name}\` expects ${a.type === 'word' ? `one of ${a.words.join(', ')}` : a.type === 'space' ? 'the name of a space' : 'a number'}, not a catalog entry`, at);
      continue;
    }
    const n = bareName(arg.value.expr);
    if (a.type === 'word' && (!n || !a.words.includes(n.name))) {
      const guess = n ? closest(n.name, a.words) : undefined;
      session.error('EB2006', `\`${a.name}\` must be one of ${a.words.join(', ')}`, at, guess ? { hint: `did you mean \`${guess}\`?` } : {});
    } else if (a.type === 'space' && !n) {
      session.error('EB2006', `\`${a.name}\` expects the name of a space`, at);
    }
  }
}
