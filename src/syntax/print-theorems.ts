// Prints theorem blocks and named hypotheses in the one canonical layout of theorems/*.eqb: a field a
// line, long texts wrapped into adjacent strings, lists wrapped at the same width. parse∘print is idempotent.

import type { HypothesisStatement, TheoremItemSyntax, TheoremStatement } from './ast.js';

/** A theorem file's statements without spans: what the printer needs. */
export type TheoremItemSource =
  | { readonly kind: 'hypothesis'; readonly name: string; readonly text: string }
  | { readonly kind: 'assumes'; readonly names: readonly string[] }
  | { readonly kind: 'uses'; readonly ids: readonly string[] }
  | { readonly kind: 'field'; readonly field: string; readonly text: string };

export type TheoremFileStatement =
  | { readonly kind: 'hypothesis'; readonly name: string; readonly text: string }
  | { readonly kind: 'theorem'; readonly id: string; readonly items: readonly TheoremItemSource[] };

const WIDTH = 100;
const INDENT = '  ';
const CONTINUATION = '    ';

export function theoremItemSource(item: TheoremItemSyntax): TheoremItemSource {
  switch (item.kind) {
    case 'hypothesis':
      return { kind: 'hypothesis', name: item.name.text, text: item.text.text };
    case 'assumes':
      return { kind: 'assumes', names: item.names.map((n) => n.text) };
    case 'uses':
      return { kind: 'uses', ids: item.ids.map((n) => n.text) };
    case 'field':
      return { kind: 'field', field: item.field.text, text: item.text.text };
    default: {
      const never: never = item;
      throw new Error(`theoremItemSource: unknown item ${(never as TheoremItemSyntax).kind}`);
    }
  }
}

export function theoremFileStatement(s: TheoremStatement | HypothesisStatement): TheoremFileStatement {
  return s.kind === 'hypothesis' ? { kind: 'hypothesis', name: s.name.text, text: s.text.text } : { kind: 'theorem', id: s.id.text, items: s.items.map(theoremItemSource) };
}

/** The statements, each followed by a newline; theorems are separated by a blank line. */
export function printTheoremStatements(statements: readonly TheoremFileStatement[]): string {
  const blocks: string[] = [];
  let hypotheses: string[] = [];
  for (const s of statements) {
    if (s.kind === 'hypothesis') {
      hypotheses.push(textLines(`hypothesis ${s.name} `, s.text, '', CONTINUATION).join('\n'));
      continue;
    }
    if (hypotheses.length > 0) blocks.push(hypotheses.join('\n'));
    hypotheses = [];
    blocks.push(printTheorem(s));
  }
  if (hypotheses.length > 0) blocks.push(hypotheses.join('\n'));
  return blocks.map((b) => `${b}\n`).join('\n');
}

function printTheorem(t: Extract<TheoremFileStatement, { kind: 'theorem' }>): string {
  const lines = [`theorem ${t.id} {`];
  for (const item of t.items) {
    switch (item.kind) {
      case 'hypothesis':
        lines.push(...textLines(`hypothesis ${item.name} `, item.text, INDENT, INDENT + CONTINUATION));
        break;
      case 'assumes':
        lines.push(...listLines('assumes ', item.names));
        break;
      case 'uses':
        lines.push(...listLines('uses ', item.ids));
        break;
      case 'field':
        lines.push(...textLines(`${item.field} `, item.text, INDENT, INDENT + CONTINUATION));
        break;
    }
  }
  lines.push('}');
  return lines.join('\n');
}

/** `head "text"` wrapped into adjacent strings at word boundaries (a text never holds a double quote). */
function textLines(head: string, text: string, indent: string, continuation: string): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let prefix = indent + head;
  let part = '';
  for (const w of words) {
    const candidate = part === '' ? w : `${part} ${w}`;
    if (part !== '' && prefix.length + candidate.length + 2 > WIDTH) {
      lines.push(`${prefix}"${part}"`);
      prefix = continuation;
      part = w;
    } else {
      part = candidate;
    }
  }
  lines.push(`${prefix}"${part}"`);
  return lines;
}

function listLines(head: string, names: readonly string[]): string[] {
  const lines: string[] = [];
  let line = INDENT + head;
  names.forEach((n, i) => {
    const word = i < names.length - 1 ? `${n},` : n;
    if (i > 0 && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = INDENT + CONTINUATION + word;
    } else {
      line = i === 0 ? line + word : `${line} ${word}`;
    }
  });
  lines.push(line);
  return lines;
}
