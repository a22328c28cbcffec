// Records every use of a name with the kinds allowed there: names in expressions, `on X`, `acting on X`,
// `equivariant to G`, catalog arguments (by their specification) and the setting of a bound.

import type { Argument, Constructor } from '../../syntax/ast.js';
import type { ExprSyntax } from '../../syntax/expr-ast.js';
import { allEntryNames, boundArgumentWords, entrySpec, type CatalogName } from '../catalog.js';
import type { Context } from '../context.js';
import { bareName, freeNames } from '../expression-names.js';
import { matchArguments } from '../match-arguments.js';
import { lookup, span, type DeclKind, type Reference, type Scope, type SourcedStatement } from '../program.js';

const valueKinds: readonly DeclKind[] = ['parameter', 'let', 'bound'];
const parameterKinds: readonly DeclKind[] = ['parameter', 'let'];

export function collectReferences({ program }: Context): void {
  const refs = program.references;
  const all = [...program.top.statements, ...program.settings.flatMap((s) => s.statements)];
  for (const at of all) collect(at, refs, program.settings);
}

function collect(at: SourcedStatement, refs: Reference[], settings: readonly Scope[]): void {
  const { statement: s, source, scope } = at;
  const expr = (e: ExprSyntax | null, kinds: readonly DeclKind[], bound: readonly string[] = [], where: Scope = scope) => {
    if (!e) return;
    for (const u of freeNames(e, bound)) refs.push({ name: u.name, span: span(source, u.span), expected: kinds, role: 'an expression', scope: where });
  };
  const name = (n: { text: string; span: { start: number; end: number } } | null, kinds: readonly DeclKind[], role: string) => {
    if (n) refs.push({ name: n.text, span: span(source, n.span), expected: kinds, role, scope });
  };
  const entry = (c: Constructor, catalog: CatalogName) => {
    if (catalog === 'transformations') {
      for (const a of c.args ?? []) if (a.value.kind === 'entry') entry(a.value.entry, 'generator');
      return;
    }
    const spec = entrySpec(catalog, c.name.text);
    if (!spec) return;
    for (const { spec: a, arg } of matchArguments(c, spec).matched.values()) {
      if (arg.value.kind !== 'expression') continue;
      if (a.type === 'number') expr(arg.value.expr, parameterKinds);
      else if (a.type === 'space') {
        const n = bareName(arg.value.expr);
        if (n) name({ text: n.name, span: n.span }, ['space'], `the ${a.name} of ${c.name.text}`);
      }
    }
  };
  switch (s.kind) {
    case 'setting':
    case 'include':
      return;
    case 'param':
    case 'error':
      if (s.constraint?.kind === 'interval') expr(s.constraint.lower, parameterKinds), expr(s.constraint.upper, parameterKinds);
      else if (s.constraint) expr(s.constraint.bound, parameterKinds);
      return expr(s.value, parameterKinds);
    case 'space':
      if (s.definition.kind === 'covering') {
        expr(s.definition.body, parameterKinds, [s.definition.variable.text]);
        return expr(s.definition.limit, parameterKinds);
      }
      return entry(s.definition, 'space');
    case 'group':
      entry(s.definition, 'group');
      return name(s.actingOn, ['space'], 'the space a group acts on');
    case 'transformations':
      entry(s.definition, 'transformations');
      expr(s.radius, parameterKinds);
      return name(s.actingOn, ['space'], 'the space transformations act on');
    case 'class':
      entry(s.definition, 'class');
      name(s.space, ['space'], 'the space of a class');
      if (s.symmetry) name(s.symmetry.group, ['group', 'transformations'], 'the symmetry of a class');
      return expr(s.symmetry?.within ?? null, parameterKinds);
    case 'loss':
      entry(s.definition, 'loss');
      return expr(s.boundedBy, parameterKinds);
    case 'let':
      return expr(s.value, valueKinds);
    case 'show':
      for (const item of s.items) expr(item, valueKinds);
      return;
    case 'bound':
      return boundArguments(s.args, at, refs, settings);
  }
}

/** The first positional argument names a setting; named arguments are read in that setting's scope. */
function boundArguments(args: readonly Argument[], at: SourcedStatement, refs: Reference[], settings: readonly Scope[]): void {
  const { source, scope } = at;
  const first = args[0];
  let where = scope;
  if (first && !first.key && first.value.kind === 'expression') {
    const n = bareName(first.value.expr);
    if (n) {
      refs.push({ name: n.name, span: span(source, n.span), expected: ['setting'], role: 'the setting of a bound', scope });
      const d = lookup(scope, n.name);
      const setting = d?.kind === 'setting' ? settings.find((s) => s.setting?.statement === d.at.statement) : undefined;
      if (setting) where = setting;
    }
  }
  for (const a of args.slice(first && !first.key ? 1 : 0)) {
    if (a.value.kind !== 'expression') continue;
    const n = bareName(a.value.expr);
    if (n && !lookup(where, n.name) && (allEntryNames.has(n.name) || boundArgumentWords.has(n.name))) continue; // group = trivial, n0 = search
    for (const u of freeNames(a.value.expr)) refs.push({ name: u.name, span: span(source, u.span), expected: anyKind, role: 'an argument of a bound', scope: where });
  }
}

const anyKind: readonly DeclKind[] = ['parameter', 'let', 'bound', 'space', 'group', 'transformations', 'class', 'loss'];
