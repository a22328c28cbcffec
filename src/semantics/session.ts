// Collects the diagnostics of the semantic passes; passes report here instead of throwing.

import { codes, type DiagnosticCode } from '../diagnostics/codes.js';
import { error, warning, type Diagnostic, type Related, type Span } from '../diagnostics/diagnostic.js';

export class Session {
  readonly diagnostics: Diagnostic[] = [];

  error(code: DiagnosticCode, message: string, span: Span, opts: { hint?: string; related?: Related[] } = {}): void {
    this.diagnostics.push(error(code, message, { span, hint: opts.hint ?? codes[code].hint, ...(opts.related ? { related: opts.related } : {}) }));
  }

  warning(code: DiagnosticCode, message: string, span: Span, opts: { hint?: string; related?: Related[] } = {}): void {
    this.diagnostics.push(warning(code, message, { span, hint: opts.hint ?? codes[code].hint, ...(opts.related ? { related: opts.related } : {}) }));
  }

  /** Adds diagnostics produced elsewhere (e.g. by expression conversion). */
  add(...ds: readonly Diagnostic[]): void {
    this.diagnostics.push(...ds);
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }
}
