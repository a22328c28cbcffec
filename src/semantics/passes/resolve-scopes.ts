// Builds the scopes: the top level (the main file and its includes) and one scope per setting, with
// every declaration recorded in source order. Duplicates are kept in `declarations` for the next pass.

import type { TopStatement } from '../../syntax/ast.js';
import type { Context } from '../context.js';
import { span, type DeclKind, type Declaration, type Scope, type SourcedStatement, type Unit } from '../program.js';

const declKind: Partial<Record<TopStatement['kind'], DeclKind>> = {
  setting: 'setting',
  param: 'parameter',
  error: 'parameter',
  let: 'let',
  space: 'space',
  group: 'group',
  transformations: 'transformations',
  class: 'class',
  loss: 'loss',
  bound: 'bound',
};

export function resolveScopes(units: readonly Unit[]): Context['program'] {
  const top: Scope = { setting: null, parent: null, declarations: new Map(), statements: [] };
  const settings: Scope[] = [];
  const declarations: Declaration[] = [];
  const declare = (at: SourcedStatement) => {
    const s = at.statement;
    const kind = declKind[s.kind];
    if (!kind) return;
    const name = s.kind === 'loss' ? '#loss' : 'name' in s ? s.name.text : undefined;
    if (name === undefined) return;
    const where = s.kind === 'loss' ? span(at.source, s.definition.span) : span(at.source, (s as { name: { span: { start: number; end: number } } }).name.span);
    const d: Declaration = { name, kind, span: where, at };
    declarations.push(d);
    if (!at.scope.declarations.has(name)) at.scope.declarations.set(name, d);
  };
  for (const unit of units) {
    for (const statement of unit.file.statements) {
      const at: SourcedStatement = { statement, source: unit.source, scope: top, main: unit.main };
      top.statements.push(at);
      declare(at);
      if (statement.kind !== 'setting') continue;
      const scope: Scope = { setting: { statement, source: unit.source }, parent: top, declarations: new Map(), statements: [] };
      settings.push(scope);
      for (const inner of statement.body) {
        const innerAt: SourcedStatement = { statement: inner, source: unit.source, scope, main: unit.main };
        scope.statements.push(innerAt);
        declare(innerAt);
      }
    }
  }
  return { units, top, settings, declarations, references: [] };
}
