// The checked model: what the later stages (theory, CLI) read. Generic in the expression type E and
// the exact rational type Q, because semantics precedes src/expr; the CLI instantiates Model<Expr, Rational>.

import type { Span } from '../diagnostics/diagnostic.js';

export interface Endpoint<Q> {
  readonly value: Q;
  readonly open: boolean;
}

/** Same shape as src/expr/domains.ts Domain when Q = Rational. */
export interface DomainModel<Q> {
  readonly integer: boolean;
  readonly lower?: Endpoint<Q>;
  readonly upper?: Endpoint<Q>;
}

export interface ParameterModel<E, Q> {
  readonly name: string;
  readonly span: Span;
  /** param, or the data / model equivariance error. */
  readonly role: 'param' | 'data' | 'model';
  readonly domain: DomainModel<Q>;
  /** The value with every parameter and let it mentions substituted; null for a free parameter. */
  readonly value: E | null;
  /** The exact value when it is rational. */
  readonly exact: Q | null;
}

export type ArgumentModel<E> =
  | { readonly kind: 'value'; readonly name: string; readonly span: Span; readonly value: E; readonly exact: unknown }
  | { readonly kind: 'word'; readonly name: string; readonly span: Span; readonly word: string }
  | { readonly kind: 'reference'; readonly name: string; readonly span: Span; readonly target: string }
  | { readonly kind: 'entry'; readonly name: string; readonly span: Span; readonly entry: EntryModel<E> };

export interface EntryModel<E> {
  /** Catalog name: cube, signflips, lipschitz, absolute, rotation, … */
  readonly entry: string;
  readonly span: Span;
  /** Arguments by name (positional ones get their catalog name); generators are entries named by position. */
  readonly args: ReadonlyMap<string, ArgumentModel<E>>;
}

export type SpaceModel<E> =
  | { readonly kind: 'catalog'; readonly name: string; readonly span: Span; readonly definition: EntryModel<E> }
  | { readonly kind: 'covering'; readonly name: string; readonly span: Span; readonly variable: string; readonly covering: E; readonly limit: E; readonly strict: boolean };

export interface GroupModel<E> {
  readonly name: string;
  readonly span: Span;
  readonly definition: EntryModel<E>;
  readonly actingOn: string | null;
}

export interface TransformationsModel<E> {
  readonly name: string;
  readonly span: Span;
  readonly generators: readonly EntryModel<E>[];
  readonly radius: E | null;
  readonly actingOn: string | null;
}

export interface ClassModel<E> {
  readonly name: string;
  readonly span: Span;
  readonly definition: EntryModel<E>;
  readonly space: string;
  readonly symmetry: { readonly kind: 'exact' | 'approximate'; readonly group: string; readonly within: E | null } | null;
}

export interface LossModel<E> {
  readonly span: Span;
  readonly definition: EntryModel<E>;
  readonly boundedBy: E | null;
}

export interface LetModel<E, Q> {
  readonly name: string;
  readonly span: Span;
  /** The value with every parameter value and let substituted (free parameters stay symbols). */
  readonly value: E;
  /** The value with lets expanded and parameters kept as symbols. */
  readonly symbolic: E;
  readonly exact: Q | null;
}

/** A bound is a theorem call the theory stage evaluates; semantics only resolved its names. */
export interface BoundModel<E> {
  readonly name: string;
  readonly span: Span;
  readonly theorem: string;
  readonly theoremSpan: Span;
  /** The setting named by the first argument. */
  readonly setting: string | null;
  readonly args: ReadonlyMap<string, ArgumentModel<E>>;
}

export type FormatModel = { readonly kind: 'exact' | 'latex' | 'json'; readonly span: Span } | { readonly kind: 'decimal'; readonly digits: number | null; readonly span: Span };

export interface ShowItemModel<E> {
  readonly span: Span;
  /** The source text of the item, as written. */
  readonly text: string;
  /** A bare name of a bound: the theory stage evaluates it. */
  readonly bound: string | null;
  /** The item with lets and parameter values substituted. */
  readonly value: E;
  /** The item with lets expanded and parameters kept as symbols, as a paper writes it. */
  readonly symbolic: E;
  /** Bounds the item mentions (inside an expression). */
  readonly bounds: readonly string[];
}

export interface ShowModel<E, Q = unknown> {
  readonly span: Span;
  /** The setting whose scope the show is read in; null at the top level. */
  readonly setting: string | null;
  readonly items: readonly ShowItemModel<E>[];
  readonly formats: readonly FormatModel[];
  /** `show table of … for SWEEP`: the items are the columns, evaluated once per row. */
  readonly table?: TableModel<E, Q>;
}

/** A parameter sweep: every row is the program read with the swept parameter set to the row's value. */
export interface TableModel<E, Q> {
  /** The swept parameter, as written. */
  readonly parameter: string;
  readonly parameterSpan: Span;
  /** Per item: the bound's number `"NAME" of BOUND` picks, or null (the headline, or the item's value). */
  readonly numbers: readonly ({ readonly name: string; readonly span: Span } | null)[];
  readonly rows: readonly TableRowModel<E, Q>[];
}

export interface TableRowModel<E, Q> {
  /** The value in the source (for a range, the range). */
  readonly span: Span;
  readonly value: Q;
  /** Each item with this row's parameter and let values substituted. */
  readonly items: readonly E[];
  /** The scopes with the row's value: bounds are evaluated in these. */
  readonly top: ScopeModel<E, Q>;
  readonly settings: ReadonlyMap<string, ScopeModel<E, Q>>;
}

export interface ScopeModel<E, Q> {
  /** null at the top level. */
  readonly name: string | null;
  readonly span: Span | null;
  readonly parameters: ReadonlyMap<string, ParameterModel<E, Q>>;
  readonly spaces: ReadonlyMap<string, SpaceModel<E>>;
  readonly groups: ReadonlyMap<string, GroupModel<E>>;
  readonly transformations: ReadonlyMap<string, TransformationsModel<E>>;
  readonly classes: ReadonlyMap<string, ClassModel<E>>;
  readonly loss: LossModel<E> | null;
  readonly lets: ReadonlyMap<string, LetModel<E, Q>>;
  readonly bounds: ReadonlyMap<string, BoundModel<E>>;
}

export type RelationModel = '=' | '<=' | '<' | '>=' | '>';

/** A side of a derivation step: lets expanded, parameters kept as symbols (values are not substituted). */
export interface TermModel<E> {
  readonly span: Span;
  /** The source text, as written. */
  readonly text: string;
  readonly expr: E;
}

export interface BoxRangeModel<Q> {
  readonly variable: string;
  readonly span: Span;
  readonly lower: Q;
  /** null for the half-line `variable >= lower`. */
  readonly upper: Q | null;
  /** Written `integer`, or the parameter is declared integer. */
  readonly integer: boolean;
}

export type JustificationModel<E, Q> =
  /** span null: no `by` was written, and algebra is implied. */
  | { readonly kind: 'algebra'; readonly span: Span | null }
  | { readonly kind: 'monotone'; readonly span: Span }
  | { readonly kind: 'interval'; readonly span: Span; readonly box: readonly BoxRangeModel<Q>[] }
  | { readonly kind: 'theorem'; readonly span: Span; readonly id: string; readonly idSpan: Span; readonly args: readonly E[] }
  | { readonly kind: 'known'; readonly span: Span; readonly fact: string; readonly factSpan: Span };

export interface DerivationStepModel<E, Q> {
  readonly span: Span;
  readonly rel: RelationModel;
  readonly relSpan: Span;
  readonly lhs: TermModel<E>;
  readonly rhs: TermModel<E>;
  readonly justification: JustificationModel<E, Q>;
}

/** `derivation NAME in SETTING { ... }`: a chain read in the setting's scope. */
export interface DerivationModel<E, Q> {
  readonly name: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly setting: string;
  readonly first: TermModel<E>;
  readonly steps: readonly DerivationStepModel<E, Q>[];
  /** Declared domains of the parameters visible in the setting (the checker's assumptions). */
  readonly domains: ReadonlyMap<string, DomainModel<Q>>;
}

export interface Model<E, Q> {
  readonly top: ScopeModel<E, Q>;
  readonly settings: ReadonlyMap<string, ScopeModel<E, Q>>;
  /** The shows of the main file, in source order. */
  readonly shows: readonly ShowModel<E, Q>[];
  /** The derivations of the main file, in source order. */
  readonly derivations: readonly DerivationModel<E, Q>[];
  /** `notation NAME = "LaTeX"` of the program, in source order. */
  readonly notation: readonly NotationModel[];
  /** Source texts by name, for rendering diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

export interface NotationModel {
  readonly name: string;
  readonly latex: string;
  /** The span of the LaTeX string, where a bad entry is reported. */
  readonly span: Span;
}
