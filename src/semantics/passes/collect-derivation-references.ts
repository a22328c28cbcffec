// Records the names a derivation uses: its setting (read at the top level), and, in the setting's scope,
// the names of its chain, theorem arguments and box ends (parameters or lets; a theorem argument that is
// a bare name may name any declaration) and its box variables (parameters). Names inside a derivation
// of an unknown setting are not collected, to report one error, not many.

import type { Context } from '../context.js';
import { bareName, freeNames } from '../expression-names.js';
import { span, type DeclKind } from '../program.js';
import { derivationExpressions } from '../../syntax/walk-file.js';
import { derivations } from './derivation-scope.js';

const valueKinds: readonly DeclKind[] = ['parameter', 'let'];
const anyKind: readonly DeclKind[] = ['setting', 'parameter', 'let', 'bound', 'space', 'group', 'transformations', 'class', 'loss'];

export function collectDerivationReferences(ctx: Context): void {
  const refs = ctx.program.references;
  for (const { statement: s, at, source } of derivations(ctx)) {
    refs.push({ name: s.setting.text, span: span(source, s.setting.span), expected: ['setting'], role: 'the setting of a derivation', scope: ctx.program.top });
    if (!at) continue;
    // A theorem argument that is a bare name may name any declaration (gen.exact.power(signs)).
    const theoremNames = new Set(s.steps.flatMap((x) => (x.justification?.kind === 'theorem' ? x.justification.args.flatMap((a) => bareName(a)?.span.start ?? []) : [])));
    for (const e of derivationExpressions(s)) {
      for (const u of freeNames(e)) {
        const expected = theoremNames.has(u.span.start) ? anyKind : valueKinds;
        refs.push({ name: u.name, span: span(source, u.span), expected, role: expected === anyKind ? 'an argument of a theorem step' : 'a name in a derivation', scope: at.scope });
      }
    }
    for (const step of s.steps) {
      if (step.justification?.kind !== 'interval') continue;
      for (const r of step.justification.box) {
        refs.push({ name: r.variable.text, span: span(source, r.variable.span), expected: ['parameter'], role: 'the variable of an interval box', scope: at.scope });
      }
    }
  }
}
