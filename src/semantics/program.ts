// The program the passes work on: units (the file and its includes), scopes with their declarations,
// and the references from uses to names. Built by resolve-scopes and collect-references.

import type { Span } from '../diagnostics/diagnostic.js';
import type { FileSyntax, Loc, SettingStatement, TopStatement } from '../syntax/ast.js';
import type { ExprSyntax } from '../syntax/expr-ast.js';

export type DeclKind = 'setting' | 'parameter' | 'let' | 'space' | 'group' | 'transformations' | 'class' | 'loss' | 'bound';

export const kindWords: Record<DeclKind, string> = {
  setting: 'a setting',
  parameter: 'a parameter',
  let: 'a let-expression',
  space: 'a space',
  group: 'a group',
  transformations: 'a transformation set',
  class: 'a hypothesis class',
  loss: 'a loss',
  bound: 'a bound',
};

export interface Unit {
  readonly source: string;
  readonly text: string;
  readonly file: FileSyntax;
  /** False for included files: their declarations count, their shows are not run. */
  readonly main: boolean;
}

export interface Scope {
  /** null for the top level. */
  readonly setting: { readonly statement: SettingStatement; readonly source: string } | null;
  readonly parent: Scope | null;
  readonly declarations: Map<string, Declaration>;
  readonly statements: SourcedStatement[];
}

export interface SourcedStatement {
  readonly statement: TopStatement;
  readonly source: string;
  readonly scope: Scope;
  readonly main: boolean;
}

export interface Declaration {
  readonly name: string;
  readonly kind: DeclKind;
  readonly span: Span;
  readonly at: SourcedStatement;
}

export interface Reference {
  readonly name: string;
  readonly span: Span;
  readonly expected: readonly DeclKind[];
  /** What the use is, for messages: "the space of a class", "an expression". */
  readonly role: string;
  readonly scope: Scope;
}

export interface Program {
  readonly units: readonly Unit[];
  readonly top: Scope;
  readonly settings: Scope[];
  /** Every declaration in source order, duplicates included (the scopes keep the first). */
  readonly declarations: Declaration[];
  readonly references: Reference[];
}

export function span(source: string, loc: Loc): Span {
  return { source, start: loc.start, end: loc.end };
}

export function lookup(scope: Scope, name: string): Declaration | undefined {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const d = s.declarations.get(name);
    if (d) return d;
  }
  return undefined;
}

export function visibleNames(scope: Scope): string[] {
  const out = new Set<string>();
  for (let s: Scope | null = scope; s; s = s.parent) for (const k of s.declarations.keys()) if (!k.startsWith('#')) out.add(k);
  return [...out];
}

export type { ExprSyntax };
