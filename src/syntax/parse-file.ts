// Parses a .eqb file into its syntax tree with the generated parser, and turns peggy's SyntaxError
// into diagnostics that say in words what was expected (EB1xxx). Never throws on any input text.

import { error, fail, ok, type Diagnostic, type Result, type Span } from '../diagnostics/diagnostic.js';
import { statementKeywords, type FileSyntax } from './ast.js';
import { closest } from './did-you-mean.js';
import { syntaxChildren, type ArgumentSyntax } from './expr-ast.js';
import { MAX_SYNTAX_DEPTH, scanNesting } from './parse-expression.js';
import { allStatements, statementExpressions } from './walk-file.js';
import { parse, SyntaxError as PeggySyntaxError } from './generated/equibound-parser.js';
import { checkText } from './read-source.js';

type Expectation = { type: string; text?: string; description?: string; parts?: unknown[] };

export function parseFile(text: string, source: string): Result<FileSyntax> {
  const checked = checkText(text, source);
  if (!checked.ok) return checked;
  const comment = scanNesting(text).unterminatedComment;
  if (comment >= 0) return fail(error('EB1008', '`/*` is never closed', { span: { source, start: comment, end: comment + 2 } }));
  const depth = nestingTooDeep(text);
  if (depth !== undefined) {
    return fail(error('EB1007', `brackets nest more than ${MAX_NESTING} deep`, { span: { source, start: depth, end: depth + 1 } }));
  }
  let tree: FileSyntax;
  try {
    tree = parse(text, { grammarSource: source }) as FileSyntax;
  } catch (e) {
    if (e instanceof PeggySyntaxError) return fail(describeSyntaxError(e, text, source));
    if (e instanceof RangeError) {
      return fail(error('EB1007', 'the file nests too deeply to parse', { span: { source, start: 0, end: 0 } }));
    }
    throw e;
  }
  const bad = checkExpressions(tree, source);
  if (bad) return fail(bad);
  if (tree.statements.length === 0) {
    return fail(
      error('EB1006', 'the file contains no statements', {
        span: { source, start: 0, end: 0 },
        hint: 'start with a setting, e.g. setting s { param n = 10^6 }, or a let and a show',
      }),
    );
  }
  return ok(tree);
}

const formatWords = ['exact', 'decimal', 'latex', 'json'];

function describeSyntaxError(e: PeggySyntaxError, text: string, source: string): Diagnostic {
  const at = e.location.start.offset;
  const expected = (e.expected ?? []) as Expectation[];
  const words = expectedWords(expected);
  const found = tokenAt(text, at);
  const span = (start: number, end: number): Span => ({ source, start, end: Math.max(end, start) });
  const here = span(at, at + Math.max(found.length, 1));

  if (at >= text.length || e.found === null) {
    const open = unmatchedOpener(text);
    if (open !== undefined) {
      return error('EB1002', `\`${text[open]}\` is never closed`, { span: span(open, open + 1) });
    }
  }
  if (words.includes('`)`')) {
    const open = unmatchedOpener(text.slice(0, at));
    if (open !== undefined && text[open] === '(') return error('EB1002', '`(` is never closed', { span: span(open, open + 1) });
  }
  const number = badNumberAround(text, at);
  if (number) return error('EB1003', `\`${text.slice(number.start, number.end)}\` is not a number`, { span: span(number.start, number.end) });
  if (text[at] === '"' && /^"[^"\n\r]*(\r?\n|$)/.test(text.slice(at, at + 100_000))) {
    return error('EB1104', 'the string is never closed', { span: here });
  }
  if (words.includes('format (exact, decimal(N), latex or json)')) {
    const guess = /^[A-Za-z_]/.test(found) ? closest(found, formatWords) : undefined;
    return error('EB1105', found ? `unknown format \`${found}\`` : 'expected a format', {
      span: here,
      ...(guess ? { hint: `did you mean \`${guess}\`? formats are exact, decimal(N), latex and json` } : {}),
    });
  }
  if (words.includes('`=`') && found !== '=') {
    return error('EB1102', `expected \`=\`, found ${describeFound(found)}`, { span: here });
  }
  const atStatementStart = words.includes('`param`') && words.includes('`show`');
  if (atStatementStart && (statementKeywords as readonly string[]).includes(found)) {
    return error('EB1101', `\`${found}\` is not allowed here`, { span: here, hint: 'settings do not nest, and include is written at the top level' });
  }
  if (atStatementStart && /^[A-Za-z_]/.test(found)) {
    const guess = closest(found, statementKeywords);
    return error('EB1101', `unknown statement \`${found}\``, {
      span: here,
      ...(guess ? { hint: `did you mean \`${guess}\`? statements start with ${statementKeywords.join(', ')}` } : {}),
    });
  }
  if (words.length > 0 && words.every((w) => w === 'name')) {
    return error('EB1103', `expected a name, found ${describeFound(found)}`, { span: here });
  }
  const list = words.length > 12 ? [...words.slice(0, 12), '…'] : words;
  const message = `unexpected ${describeFound(found)}${list.length > 0 ? `; expected ${joinWords(list)}` : ''}`;
  if (atStatementStart || words.length === 0) return error('EB1001', message, { span: here });
  const form = statementForm(text, at);
  return error('EB1106', message, { span: here, ...(form ? { hint: `the statement reads: ${form}` } : {}) });
}

const forms: Record<(typeof statementKeywords)[number], string> = {
  setting: 'setting NAME { statements }',
  include: 'include "file.eqb"',
  param: 'param NAME [integer] [in [a, b] | >= a | > a | <= a | < a] [= value]',
  data: 'data NAME [in [a, b] | >= a ...] [= value]  (the data equivariance error)',
  model: 'model NAME [in [a, b] | >= a ...] [= value]  (the model equivariance error)',
  space: 'space NAME = cube(side = 2, dim = d, metric = sup)  or  space NAME = covering(r) = EXPR for r <= r0',
  group: 'group NAME = signflips(d) [acting on SPACE]',
  transformations: 'transformations NAME = generators(rotation(angle = 2*pi/12), ...) [radius m] [acting on SPACE]',
  class: 'class NAME = lipschitz(L = 1, M = 1, out = 1) on SPACE [equivariant to G | approx equivariant to G within eps]',
  loss: 'loss absolute | squared | hinge | lipschitz(lambda = 1) [bounded by B]',
  let: 'let NAME = expression',
  bound: 'bound NAME = theorem.id(SETTING, key = value, ...)',
  show: 'show expression, ... [as exact, decimal(N), latex, json]',
  derivation: 'derivation NAME in SETTING { e0  <= e1 by interval for x in [a, b]  = e2 by algebra ... }',
  theorem: 'theorem ID { title "…"  section "2"  assumes NAME, ...  hypothesis NAME "…"  statement "…"  constant "…"  uses ID, ...  proof "…"  source "…" }  (in a derivation step: by theorem ID(args))',
  hypothesis: 'hypothesis NAME "statement"',
  notation: 'notation NAME = "LaTeX", e.g. notation eps = "\\varepsilon"',
};

/** The form of the statement whose keyword last starts a word before `at`, for the hint. */
function statementForm(text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - 2000), at);
  let best: { index: number; keyword: (typeof statementKeywords)[number] } | undefined;
  for (const k of statementKeywords) {
    for (const m of before.matchAll(new RegExp(`(^|[^A-Za-z0-9_.])${k}(?![A-Za-z0-9_])`, 'g'))) {
      if (!best || m.index > best.index) best = { index: m.index, keyword: k };
    }
  }
  return best ? forms[best.keyword] : undefined;
}

function describeFound(found: string): string {
  return found === '' ? 'end of input' : `\`${found.length > 40 ? found.slice(0, 40) + '…' : found}\``;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Expected items in words, without whitespace and comments, deduplicated and sorted. */
function expectedWords(expected: readonly Expectation[]): string[] {
  const out = new Set<string>();
  for (const x of expected) {
    const w = expectationWord(x);
    if (w !== undefined) out.add(w);
  }
  return [...out].sort();
}

function expectationWord(x: Expectation): string | undefined {
  switch (x.type) {
    case 'literal':
      return x.text === '//' || x.text === '/*' ? undefined : `\`${x.text}\``;
    case 'class': {
      const parts = JSON.stringify(x.parts ?? []);
      if (/" "|\\n|\\t/.test(parts)) return undefined;
      if (parts.includes('"0","9"')) return 'a digit';
      if (/"[-+*/^]"/.test(parts)) return 'an operator';
      if (parts.includes('"a","z"') || parts.includes('"A","Z"')) return 'a letter';
      return 'a character';
    }
    case 'end':
      return 'end of input';
    case 'any':
      return 'any character';
    case 'other': {
      const d = x.description ?? '';
      if (/whitespace|comment/i.test(d)) return undefined;
      const quoted = /^"(.*)"$/.exec(d);
      return quoted ? `\`${quoted[1]}\`` : d;
    }
    default:
      return undefined;
  }
}

/** The token starting at `at`: a word or number, or a single character; '' at the end. */
function tokenAt(text: string, at: number): string {
  if (at >= text.length) return '';
  const m = /^[A-Za-z0-9_.]+/.exec(text.slice(at, at + 200));
  if (m) return m[0];
  return String.fromCodePoint(text.codePointAt(at)!);
}

/** A malformed number literal (1.2.3, 12abc, 1e, 0x1f) touching offset `at`, if any. */
function badNumberAround(text: string, at: number): { start: number; end: number } | undefined {
  let start = Math.min(at, text.length);
  while (start > 0 && /[A-Za-z0-9_.]/.test(text[start - 1]!)) start--;
  let end = start;
  while (end < text.length && end - start < 200 && /[A-Za-z0-9_.]/.test(text[end]!)) end++;
  if (end >= text.length || !/[eE][+-]/.test(text.slice(end - 1, end + 1))) {
    // keep 2.5e-3 whole
  } else {
    end++;
    while (end < text.length && /[0-9]/.test(text[end]!)) end++;
  }
  const token = text.slice(start, end);
  if (!/^[0-9.]/.test(token) || token === '.') return undefined;
  if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token)) return undefined;
  if (at < start || at > end) return undefined;
  return { start, end };
}

type BracketEvent = { readonly kind: 'open' | 'close' | 'unterminated-comment' | 'unterminated-string'; readonly at: number };

/** The brackets of a file outside comments and strings, in order; an unterminated comment or string ends the scan. */
function* brackets(text: string): Generator<BracketEvent> {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return yield { kind: 'unterminated-comment', at: i };
      i = close + 1;
    } else if (c === '"') {
      const close = text.slice(i + 1).search(/["\n]/);
      if (close < 0) return yield { kind: 'unterminated-string', at: i };
      i += close + 1;
    } else if (c === '(' || c === '[' || c === '{') yield { kind: 'open', at: i };
    else if (c === ')' || c === ']' || c === '}') yield { kind: 'close', at: i };
  }
}

/** Offset of the first bracket that is never closed (skipping comments and strings), if any. */
export function unmatchedOpener(text: string): number | undefined {
  const stack: number[] = [];
  for (const e of brackets(text)) {
    if (e.kind === 'unterminated-comment') return e.at;
    if (e.kind === 'unterminated-string') return undefined;
    if (e.kind === 'open') stack.push(e.at);
    // Intervals such as [0, 1) close with the other bracket; pop whatever is open.
    else if (stack.length === 0) return undefined;
    else stack.pop();
  }
  return stack.length > 0 ? stack[stack.length - 1] : undefined;
}

/** Number literals are read permissively by the grammar (2x, 1..2) and checked here (EB1003); chains of signs and powers nest without brackets, so tree depth is checked too (EB1007). */
function checkExpressions(tree: FileSyntax, source: string): Diagnostic | undefined {
  for (const s of allStatements(tree)) {
    for (const root of statementExpressions(s)) {
      const stack: { node: ArgumentSyntax; depth: number }[] = [{ node: root, depth: 1 }];
      while (stack.length > 0) {
        const { node, depth } = stack.pop()!;
        const span = { source, start: node.span.start, end: node.span.end };
        if (depth > MAX_SYNTAX_DEPTH) return error('EB1007', `the expression nests more than ${MAX_SYNTAX_DEPTH} operators deep`, { span });
        if (node.kind === 'number' && !NUMBER.test(node.text)) return error('EB1003', `\`${node.text}\` is not a number`, { span });
        for (const child of syntaxChildren(node)) stack.push({ node: child, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export const MAX_NESTING = 200;

/** Offset of the first bracket nested deeper than MAX_NESTING (outside comments and strings), if any. */
function nestingTooDeep(text: string): number | undefined {
  let depth = 0;
  for (const e of brackets(text)) {
    if (e.kind === 'open' && ++depth > MAX_NESTING) return e.at;
    if (e.kind === 'close') depth = Math.max(0, depth - 1);
  }
  return undefined;
}
