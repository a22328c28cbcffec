// The syntax tree of a .eqb file, as built by grammar/equibound.peggy. Every node carries a 0-based
// span {start, end} (end exclusive) into its source text; expressions are the expression syntax tree.

import type { ExprSyntax } from './expr-ast.js';

export type { ExprSyntax };

export interface Loc {
  readonly start: number;
  readonly end: number;
}

export interface Name {
  readonly text: string;
  readonly span: Loc;
}

export interface FileSyntax {
  readonly kind: 'file';
  readonly span: Loc;
  readonly statements: readonly TopStatement[];
}

export type TopStatement = SettingStatement | IncludeStatement | DerivationStatement | TheoremStatement | HypothesisStatement | NotationStatement | Statement;

export type Statement =
  | ParamStatement
  | ErrorStatement
  | SpaceStatement
  | GroupStatement
  | TransformationsStatement
  | ClassStatement
  | LossStatement
  | LetStatement
  | BoundStatement
  | ShowStatement;

export type StatementKind = TopStatement['kind'];

export interface SettingStatement {
  readonly kind: 'setting';
  readonly span: Loc;
  readonly name: Name;
  readonly open: Loc;
  readonly body: readonly Statement[];
}

export interface IncludeStatement {
  readonly kind: 'include';
  readonly span: Loc;
  readonly path: { readonly text: string; readonly span: Loc };
}

/** `in [a, b]`, `in (a, b]`, …, or a one-sided comparison `>= a`. */
export type Constraint =
  | {
      readonly kind: 'interval';
      readonly span: Loc;
      readonly lowerOpen: boolean;
      readonly lower: ExprSyntax;
      readonly upper: ExprSyntax;
      readonly upperOpen: boolean;
    }
  | { readonly kind: 'compare'; readonly span: Loc; readonly op: '>=' | '>' | '<=' | '<'; readonly bound: ExprSyntax };

interface ParamLike {
  readonly span: Loc;
  readonly name: Name;
  readonly integer: boolean;
  readonly constraint: Constraint | null;
  readonly value: ExprSyntax | null;
}

export interface ParamStatement extends ParamLike {
  readonly kind: 'param';
}

/** `data eta = 1/20` (data equivariance error) or `model eps in [0, 1]` (model equivariance error). */
export interface ErrorStatement extends ParamLike {
  readonly kind: 'error';
  readonly role: 'data' | 'model';
}

/** A catalog entry: `cube(side = 2, dim = d)`, `trivial`, `absolute`. `args` is null without brackets. */
export interface Constructor {
  readonly kind: 'constructor';
  readonly span: Loc;
  readonly name: Name;
  readonly args: readonly Argument[] | null;
}

export interface Argument {
  readonly span: Loc;
  readonly key: Name | null;
  readonly value: ArgumentValue;
}

export type ArgumentValue =
  | { readonly kind: 'expression'; readonly span: Loc; readonly expr: ExprSyntax }
  | { readonly kind: 'entry'; readonly span: Loc; readonly entry: Constructor };

/** `covering(r) = EXPR for r <= r0`: a user-given covering number bound. */
export interface CoveringDefinition {
  readonly kind: 'covering';
  readonly span: Loc;
  readonly variable: Name;
  readonly body: ExprSyntax;
  readonly limitVariable: Name;
  readonly strict: boolean;
  readonly limit: ExprSyntax;
}

export interface SpaceStatement {
  readonly kind: 'space';
  readonly span: Loc;
  readonly name: Name;
  readonly definition: Constructor | CoveringDefinition;
}

export interface GroupStatement {
  readonly kind: 'group';
  readonly span: Loc;
  readonly name: Name;
  readonly definition: Constructor;
  readonly actingOn: Name | null;
}

export interface TransformationsStatement {
  readonly kind: 'transformations';
  readonly span: Loc;
  readonly name: Name;
  readonly definition: Constructor;
  readonly radius: ExprSyntax | null;
  readonly actingOn: Name | null;
}

export type Symmetry =
  | { readonly kind: 'exact'; readonly span: Loc; readonly group: Name; readonly within: null }
  | { readonly kind: 'approximate'; readonly span: Loc; readonly group: Name; readonly within: ExprSyntax };

export interface ClassStatement {
  readonly kind: 'class';
  readonly span: Loc;
  readonly name: Name;
  readonly definition: Constructor;
  readonly space: Name;
  readonly symmetry: Symmetry | null;
}

export interface LossStatement {
  readonly kind: 'loss';
  readonly span: Loc;
  readonly definition: Constructor;
  readonly boundedBy: ExprSyntax | null;
}

export interface LetStatement {
  readonly kind: 'let';
  readonly span: Loc;
  readonly name: Name;
  readonly value: ExprSyntax;
}

export interface BoundStatement {
  readonly kind: 'bound';
  readonly span: Loc;
  readonly name: Name;
  readonly theorem: { readonly text: string; readonly span: Loc };
  readonly args: readonly Argument[];
}

export type Format =
  | { readonly kind: 'decimal'; readonly span: Loc; readonly digits: { readonly text: string; readonly span: Loc } | null }
  | { readonly kind: 'exact' | 'latex' | 'json'; readonly span: Loc; readonly digits: null };

export interface ShowStatement {
  readonly kind: 'show';
  readonly span: Loc;
  readonly items: readonly ExprSyntax[];
  readonly formats: readonly Format[];
  /** `show table of … for SWEEP`: the items are the table's columns, one row per value of the sweep. */
  readonly table?: TableSyntax;
}

export interface TableSyntax {
  readonly span: Loc;
  /** Per item: the quoted number of `"alpha*(Gamma_G)" of equiv`, or null (a bound's headline, an expression's value). */
  readonly numbers: readonly ({ readonly text: string; readonly span: Loc } | null)[];
  readonly sweep: SweepSyntax;
}

/** `n in [10^3, 10^6]`, or the range `n from 10^3 to 10^9 by factor 10` (or `by step 1/100`). */
export type SweepSyntax =
  | { readonly kind: 'list'; readonly span: Loc; readonly variable: Name; readonly values: readonly ExprSyntax[] }
  | { readonly kind: 'range'; readonly span: Loc; readonly variable: Name; readonly from: ExprSyntax; readonly to: ExprSyntax; readonly by: 'factor' | 'step'; readonly step: ExprSyntax };

export type RelationSyntax = '=' | '<=' | '<' | '>=' | '>';

/** `...` written in a chain: parsed only so that semantics can refuse it by name. */
export interface PlaceholderSyntax {
  readonly kind: 'placeholder';
  readonly span: Loc;
}

export type ChainTerm = ExprSyntax | PlaceholderSyntax;

/** One coordinate of an interval box: `x in [a, b]`, `k integer in [a, b]` or the half-line `n >= a`. */
export interface BoxRangeSyntax {
  readonly span: Loc;
  readonly variable: Name;
  readonly integer: boolean;
  readonly lower: ExprSyntax;
  readonly upper: ExprSyntax | null;
}

export type JustificationSyntax = { readonly span: Loc } & (
  | { readonly kind: 'algebra' | 'monotone' }
  | { readonly kind: 'interval'; readonly box: readonly BoxRangeSyntax[] }
  | { readonly kind: 'theorem'; readonly id: { readonly text: string; readonly span: Loc }; readonly args: readonly ExprSyntax[] }
  | { readonly kind: 'known'; readonly fact: { readonly text: string; readonly span: Loc } }
);

export interface DerivationStepSyntax {
  readonly span: Loc;
  readonly rel: RelationSyntax;
  readonly relSpan: Loc;
  readonly rhs: ChainTerm;
  /** null when no `by` is written (algebra). */
  readonly justification: JustificationSyntax | null;
}

/** `derivation NAME in SETTING { e0 REL e1 [by J] ... }` (top level only). */
export interface DerivationStatement {
  readonly kind: 'derivation';
  readonly span: Loc;
  readonly name: Name;
  readonly setting: Name;
  readonly open: Loc;
  readonly first: ChainTerm;
  readonly steps: readonly DerivationStepSyntax[];
}

/** `notation NAME = "LaTeX"`: how the LaTeX output writes a symbol (top level only). */
export interface NotationStatement {
  readonly kind: 'notation';
  readonly span: Loc;
  readonly name: Name;
  readonly latex: { readonly text: string; readonly span: Loc };
}

/** A text of one or more adjacent strings, joined by a space. */
export interface TextSyntax {
  readonly text: string;
  readonly parts: readonly { readonly text: string; readonly span: Loc }[];
  readonly span: Loc;
}

/** `hypothesis NAME "statement"`: a named hypothesis, at the top level or local to a theorem. */
export interface HypothesisStatement {
  readonly kind: 'hypothesis';
  readonly span: Loc;
  readonly name: Name;
  readonly text: TextSyntax;
}

export type TheoremItemSyntax = { readonly span: Loc } & (
  | { readonly kind: 'hypothesis'; readonly name: Name; readonly text: TextSyntax }
  | { readonly kind: 'assumes'; readonly names: readonly Name[] }
  | { readonly kind: 'uses'; readonly ids: readonly Name[] }
  | { readonly kind: 'field'; readonly field: Name; readonly text: TextSyntax }
);

/** `theorem ID { title "…" section "…" assumes … hypothesis … statement "…" … }` (top level only). */
export interface TheoremStatement {
  readonly kind: 'theorem';
  readonly span: Loc;
  readonly id: Name;
  readonly open: Loc;
  readonly items: readonly TheoremItemSyntax[];
}

/** Statement keywords, for "did you mean" on an unknown statement. */
export const statementKeywords = [
  'setting',
  'include',
  'param',
  'data',
  'model',
  'space',
  'group',
  'transformations',
  'class',
  'loss',
  'let',
  'bound',
  'show',
  'derivation',
  'theorem',
  'hypothesis',
  'notation',
] as const;
