// What every pass receives: the program, the session to report to, the value oracle and the tables
// that the value passes fill for the model builder.

import type { Result, Span } from '../diagnostics/diagnostic.js';
import type { ExprSyntax } from '../syntax/expr-ast.js';
import type { Declaration, Program } from './program.js';
import type { Session } from './session.js';
import type { DomainModel } from './model.js';

export type ExactResult<Q> = { readonly kind: 'rational'; readonly value: Q } | { readonly kind: 'irrational' } | { readonly kind: 'symbolic' };

/**
 * Semantics runs before src/expr, so expression meaning comes in through this interface; the CLI
 * passes one built on fromSyntax and exactValue (E = Expr, Q = Rational).
 */
export interface ValueOracle<E, Q> {
  /** The expression a syntax tree denotes (unknown functions, 1/0 literals, 10^10^10 are diagnostics). */
  convert(node: ExprSyntax, source: string): Result<E>;
  /** Substitutes values for names. */
  substitute(e: E, env: ReadonlyMap<string, E>): E;
  /** The exact value: rational, irrational (closed but not rational) or symbolic (free names); undefined values are diagnostics at `span`. */
  exact(e: E, span: Span): Result<ExactResult<Q>>;
  compare(a: Q, b: Q): -1 | 0 | 1;
  isInteger(q: Q): boolean;
  readonly zero: Q;
  text(q: Q): string;
}

export interface ValueTables<E, Q> {
  readonly converted: Map<ExprSyntax, E>;
  /** Parameters and lets with their dependencies substituted, by declaration. */
  readonly resolved: Map<Declaration, E>;
  /** Lets with the lets they mention expanded, parameters kept as symbols (for LaTeX). */
  readonly symbolic: Map<Declaration, E>;
  readonly values: Map<Declaration, ExactResult<Q>>;
  readonly domains: Map<Declaration, DomainModel<Q>>;
}

export interface Context<E = unknown, Q = unknown> {
  program: Program;
  readonly session: Session;
  readonly oracle: ValueOracle<E, Q>;
  readonly tables: ValueTables<E, Q>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Pass = (ctx: Context<any, any>) => void;
