// Renders diagnostics rustc-style: "error[EB1001]: message", "--> file:line:col", source line, caret, hint.

import { codes } from './codes.js';
import type { Diagnostic, Span } from './diagnostic.js';

export interface LineCol {
  readonly line: number; // 1-based
  readonly column: number; // 1-based, in UTF-16 code units
}

export function lineColumn(text: string, offset: number): LineCol {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

function lineText(text: string, offset: number): { text: string; start: number } {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const nl = text.indexOf('\n', start);
  const end = nl < 0 ? text.length : nl;
  return { text: text.slice(start, end).replace(/\r$/, ''), start };
}

export interface RenderOptions {
  readonly color?: boolean;
  readonly sources?: ReadonlyMap<string, string>;
}

export function location(d: Diagnostic, sources?: ReadonlyMap<string, string>): string | undefined {
  if (!d.span) return undefined;
  const text = sources?.get(d.span.source);
  if (text === undefined) return d.span.source;
  const lc = lineColumn(text, d.span.start);
  return `${d.span.source}:${lc.line}:${lc.column}`;
}

export function renderDiagnostic(d: Diagnostic, opts: RenderOptions = {}): string {
  const paint = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sevColor = d.severity === 'error' ? '1;31' : d.severity === 'warning' ? '1;33' : '1;36';
  const out: string[] = [`${paint(sevColor, `${d.severity}[${d.code}]`)}: ${paint('1', d.message)}`];
  if (d.span) out.push(...renderSpan(d.span, opts, paint));
  for (const r of d.related ?? []) {
    out.push(`  = note: ${r.message}`);
    out.push(...renderSpan(r.span, opts, paint));
  }
  const hint = d.hint ?? codes[d.code].hint;
  out.push(`  = hint: ${hint}`);
  return out.join('\n');
}

function renderSpan(span: Span, opts: RenderOptions, paint: (c: string, s: string) => string): string[] {
  const text = opts.sources?.get(span.source);
  if (text === undefined) return [`  --> ${span.source}`];
  const lc = lineColumn(text, span.start);
  const lt = lineText(text, span.start);
  const shown = lt.text.length > 200 ? lt.text.slice(0, 200) + '…' : lt.text;
  const gutter = String(lc.line).length;
  const pad = ' '.repeat(gutter);
  const caretStart = Math.min(lc.column - 1, shown.length);
  const caretLen = Math.max(1, Math.min(span.end, lt.start + lt.text.length) - span.start);
  const caret = ' '.repeat(caretStart) + '^'.repeat(Math.min(caretLen, Math.max(1, shown.length - caretStart)));
  return [
    `${pad}${paint('1;34', '-->')} ${span.source}:${lc.line}:${lc.column}`,
    `${pad} ${paint('1;34', '|')}`,
    `${paint('1;34', String(lc.line))} ${paint('1;34', '|')} ${sanitize(shown)}`,
    `${pad} ${paint('1;34', '|')} ${paint('1;31', caret)}`,
  ];
}

// Control characters (binary garbage) must not reach the terminal.
function sanitize(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\u2400');
}
