// Per-file notation: symbol names mapped to LaTeX (eps → \varepsilon), checked before use so that one bad
// entry is a diagnostic (EB9007) rather than a document that fails to compile.

import { error, fail, ok, type Diagnostic, type Result, type Span } from '../diagnostics/diagnostic.js';

/** Symbol name → LaTeX math, taking precedence over the defaults of src/expr/print/symbols.ts. */
export type Notation = Readonly<Record<string, string>>;

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Why an entry's LaTeX cannot be used inside math, or undefined when it can. */
export function notationProblem(latex: string): string | undefined {
  if (latex.trim() === '') return 'it is empty';
  if (/[$%]/.test(latex)) return 'it contains $ or %';
  if (/\\(begin|end|documentclass|usepackage|input|include|def|newcommand|renewcommand|catcode)(?![A-Za-z])/.test(latex)) return 'it contains a command not allowed in a symbol';
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return 'its braces are not balanced';
  }
  if (depth !== 0) return 'its braces are not balanced';
  if (/\\$/.test(latex.replace(/\\\\/g, ''))) return 'it ends in a backslash';
  return undefined;
}

/** Checks every entry: names are symbol names, values LaTeX math with balanced braces. A bad entry is
 * reported at its span when the file gave one (`notation eps = "…"`). */
export function checkNotation(entries: Readonly<Record<string, string>>, spans: ReadonlyMap<string, Span> = new Map()): Result<Notation> {
  const problems: Diagnostic[] = [];
  for (const [name, latex] of Object.entries(entries)) {
    const at = spans.get(name);
    const where = at ? { span: at } : {};
    if (!NAME.test(name)) problems.push(error('EB9007', `notation for \`${name}\`: not a symbol name`, where));
    const why = notationProblem(latex);
    if (why !== undefined) problems.push(error('EB9007', `notation for \`${name}\` (${JSON.stringify(latex)}): ${why}`, where));
  }
  return problems.length > 0 ? fail(...problems) : ok(Object.freeze({ ...entries }));
}
