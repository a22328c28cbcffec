// A diagnostic is a value: code, severity, span, message, hint. Stages return them; only the CLI prints.
// Spans are 0-based offsets with an exclusive end; line:col is computed when rendering.

import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'note';

export interface Span {
  readonly source: string; // file name, or '<input>'
  readonly start: number;
  readonly end: number;
}

export interface Related {
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: Span;
  readonly hint?: string;
  readonly related?: readonly Related[];
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings?: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function ok<T>(value: T, warnings?: readonly Diagnostic[]): Result<T> {
  return warnings && warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
}

export function fail<T = never>(...diagnostics: Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}

export function error(code: DiagnosticCode, message: string, opts: { span?: Span; hint?: string; related?: Related[] } = {}): Diagnostic {
  return Object.freeze({ code, severity: 'error' as const, message, ...opts });
}

export function warning(code: DiagnosticCode, message: string, opts: { span?: Span; hint?: string; related?: Related[] } = {}): Diagnostic {
  return Object.freeze({ code, severity: 'warning' as const, message, ...opts });
}
