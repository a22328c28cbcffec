// The semantic checks on one in-memory file, for the semantics tests: the result, and the diagnostics
// as code plus the source text they point at.
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { exprOracle } from '../../src/cli/value-oracle.js';
import { checkProgram } from '../../src/semantics/check-program.js';
import { parseFile } from '../../src/syntax/parse-file.js';

export function check(text: string) {
  const file = parseFile(text, 'a.eqb');
  if (!file.ok) throw new Error(`parse failed: ${file.diagnostics.map((d) => d.message).join('; ')}`);
  return checkProgram([{ source: 'a.eqb', text, file: file.value, main: true }], exprOracle);
}

export function errors(text: string): { code: string; at: string }[] {
  const r = check(text);
  const ds: readonly Diagnostic[] = r.ok ? (r.warnings ?? []) : r.diagnostics;
  return ds.map((d) => ({ code: d.code, at: text.slice(d.span!.start, d.span!.end) }));
}
