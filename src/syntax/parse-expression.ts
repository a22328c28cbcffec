// Reads the text form of one expression into a syntax tree (grammar/expr.peggy), or explains why not:
// size, binary content, emptiness and nesting are checked before peggy runs; its SyntaxErrors become EB10xx.

import { error, fail, ok, type Diagnostic, type Related, type Result, type Span } from '../diagnostics/diagnostic.js';
import type { ArgumentSyntax, ExprSyntax, SyntaxSpan } from './expr-ast.js';
import { syntaxChildren } from './expr-ast.js';
import { parse as peggyParse, SyntaxError as PeggySyntaxError } from './generated/expr-parser.js';

/** Largest input, in UTF-8 bytes (EB1004). */
export const MAX_EXPRESSION_BYTES = 1024 * 1024;
/** Deepest bracket nesting accepted (EB1007); checked before the recursive parser runs. */
export const MAX_BRACKET_DEPTH = 200;
/** Deepest syntax tree accepted (EB1007), for chains of signs and powers that nest without brackets. */
export const MAX_SYNTAX_DEPTH = 1000;

const NUMBER_FORM = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface NestingScan {
  /** Offset of the first character outside whitespace and comments, or -1. */
  readonly firstToken: number;
  /** Offsets of '(' never closed, outermost first. */
  readonly unclosed: readonly number[];
  /** Offset of the first ')' without a partner, or -1. */
  readonly unmatchedClose: number;
  /** Offset of the first '(' nested deeper than the limit, or -1. */
  readonly tooDeep: number;
  /** Offset of a '/*' never closed, or -1. */
  readonly unterminatedComment: number;
}

/**
 * One linear pass over brackets and comments, reading comments exactly as the grammar's `_` does.
 * Exported so that the language parser can guard its own recursion the same way.
 */
export function scanNesting(text: string, maxDepth = MAX_BRACKET_DEPTH): NestingScan {
  const open: number[] = [];
  let firstToken = -1;
  let unmatchedClose = -1;
  let tooDeep = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i + 2);
      i = nl < 0 ? text.length : nl;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return { firstToken, unclosed: open, unmatchedClose, tooDeep, unterminatedComment: i };
      i = close + 2;
      continue;
    }
    if (!/\s/.test(c) && c !== '\ufeff' && firstToken < 0) firstToken = i;
    if (c === '(') {
      open.push(i);
      if (open.length > maxDepth && tooDeep < 0) tooDeep = i;
    } else if (c === ')') {
      if (open.length > 0) open.pop();
      else if (unmatchedClose < 0) unmatchedClose = i;
    }
    i++;
  }
  return { firstToken, unclosed: open, unmatchedClose, tooDeep, unterminatedComment: -1 };
}

function at(source: string, start: number, end = start + 1): Span {
  return { source, start, end };
}

/** The first control character other than tab, newline, carriage return, form feed and vertical tab. */
function binaryOffset(text: string): number {
  const m = /[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/.exec(text);
  return m ? m.index : -1;
}

export function parseExpressionSyntax(text: string, source = '<input>'): Result<ExprSyntax> {
  if (text.length > MAX_EXPRESSION_BYTES || Buffer.byteLength(text, 'utf8') > MAX_EXPRESSION_BYTES) {
    return fail(
      error('EB1004', `input too large: ${Buffer.byteLength(text, 'utf8')} bytes, the limit is ${MAX_EXPRESSION_BYTES} bytes (1 MiB)`, {
        span: at(source, 0, 0),
        hint: 'name parts of the expression with let, or split it into several expressions',
      }),
    );
  }
  const binary = binaryOffset(text);
  if (binary >= 0) {
    const code = text.charCodeAt(binary).toString(16).padStart(4, '0');
    return fail(
      error('EB1005', `input is not text: control character U+${code.toUpperCase()} at offset ${binary}`, {
        span: at(source, binary),
        hint: text.charCodeAt(binary) === 0 ? 'NUL bytes mean a binary file or a wrong encoding; save the file as UTF-8 text' : codesHintBinary,
      }),
    );
  }
  const scan = scanNesting(text);
  if (scan.unterminatedComment >= 0) {
    return fail(
      error('EB1008', "unterminated comment: '/*' is never closed", {
        span: at(source, scan.unterminatedComment, scan.unterminatedComment + 2),
        hint: "close the comment with '*/', or use // for a comment that ends with the line",
      }),
    );
  }
  if (scan.firstToken < 0) {
    return fail(
      error('EB1006', text.length === 0 ? 'empty input' : 'the input holds only whitespace and comments', {
        span: at(source, 0, text.length),
        hint: 'write an expression, e.g. sqrt(log(2/delta)/(2*n))',
      }),
    );
  }
  if (scan.tooDeep >= 0) {
    return fail(
      error('EB1007', `brackets nested more than ${MAX_BRACKET_DEPTH} levels deep`, {
        span: at(source, scan.tooDeep),
        hint: `at most ${MAX_BRACKET_DEPTH} nested brackets; name inner parts with let and refer to them by name`,
      }),
    );
  }
  let tree: ExprSyntax;
  try {
    tree = peggyParse(text, { grammarSource: source }) as ExprSyntax;
  } catch (e) {
    if (e instanceof PeggySyntaxError) return fail(describeSyntaxError(e, text, source, scan));
    if (e instanceof RangeError) {
      return fail(error('EB1007', 'the expression nests too deeply to be read', { span: at(source, 0, 0) }));
    }
    throw e;
  }
  return checkTree(tree, source);
}

const codesHintBinary = 'the input must be UTF-8 text; control characters other than tab and newline are not allowed';

// ---- after a successful parse: number forms and depth ------------------------

function checkTree(tree: ExprSyntax, source: string): Result<ExprSyntax> {
  const problems: Diagnostic[] = [];
  const stack: { node: ArgumentSyntax; depth: number }[] = [{ node: tree, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_SYNTAX_DEPTH) {
      return fail(
        error('EB1007', `the expression nests more than ${MAX_SYNTAX_DEPTH} operators deep`, {
          span: at(source, node.span.start, node.span.end),
          hint: 'long chains of signs or powers (- - x, a^b^c^...) nest; bracket or name parts with let',
        }),
      );
    }
    if (node.kind === 'number' && !NUMBER_FORM.test(node.text)) {
      if (problems.length < 20) problems.push(badNumber(node.text, node.span, source));
    }
    for (const child of syntaxChildren(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return problems.length > 0 ? fail(...sortBySpan(problems)) : ok(tree);
}

function sortBySpan(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

function badNumber(token: string, span: SyntaxSpan, source: string): Diagnostic {
  let hint: string;
  const prefix = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(token)?.[0] ?? '';
  const rest = token.slice(prefix.length);
  if ((token.match(/\./g) ?? []).length > 1) hint = `a number has at most one decimal point: write ${token.replace(/\.(?=.*\.)/g, '')} or a range as two numbers`;
  else if (/^0[xXbBoO]/.test(token)) hint = 'numbers are decimal: 255, 0.5, 2.5e-3';
  else if (/^[eE][+-]?$/.test(rest)) hint = `an exponent needs digits: write ${prefix}${rest || 'e'}3, e.g. 2.5e-3`;
  else if (/^[a-zA-Z_]/.test(rest) && prefix !== '') hint = `there is no implicit multiplication: write ${prefix}*${rest}`;
  else hint = 'write numbers as 12, 0.25, .5 or 2.5e-3';
  return error('EB1003', `bad number '${token}'`, { span: at(source, span.start, span.end), hint });
}

// ---- peggy's SyntaxError as a diagnostic -------------------------------------

interface Expectation {
  readonly type: string;
  readonly text?: string;
  readonly description?: string;
  readonly parts?: readonly (string | readonly string[])[];
}

function expects(list: readonly Expectation[], what: string): boolean {
  return list.some((e) => {
    if (e.type === 'literal') return e.text === what;
    if (e.type === 'class') return (e.parts ?? []).some((p) => p === what);
    if (e.type === 'other') return e.description === what;
    return e.type === what;
  });
}

/** The token at an offset, for messages: a name, a number, a two-character operator, or one character. */
function tokenAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 64);
  const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9.][0-9A-Za-z_.]*|\*\*|<=|>=|==|!=|->|[\s\S])/u.exec(rest);
  return m ? m[0] : '';
}

/** The last character before `offset` that is not whitespace, with its offset. */
function previousChar(text: string, offset: number): { char: string; offset: number } | undefined {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (!/\s/.test(text[i]!)) return { char: text[i]!, offset: i };
  }
  return undefined;
}

function describeSyntaxError(e: PeggySyntaxError, text: string, source: string, scan: NestingScan): Diagnostic {
  const pos = e.location.start.offset;
  const list = (e.expected ?? []) as Expectation[];
  const atEnd = pos >= text.length;
  const wantsOperand = expects(list, 'number') || expects(list, 'name');
  const wantsOperator = expects(list, '*') || expects(list, '^') || expects(list, 'end');
  const wantsClose = expects(list, ')');
  const wantsComma = expects(list, ',');
  const before = previousChar(text, pos);
  const found = atEnd ? undefined : tokenAt(text, pos);

  // An open bracket still waiting at the end of input.
  if (atEnd && wantsClose && scan.unclosed.length > 0) {
    const openAt = scan.unclosed[scan.unclosed.length - 1]!;
    const related: Related[] = [{ span: at(source, text.length, text.length), message: "expected ')' here, at the end of input" }];
    return error('EB1002', "unclosed '(': the bracket opened here is never closed", {
      span: at(source, openAt),
      related,
      hint: wantsOperand && !wantsOperator ? "add the arguments and a closing ')'" : "add ')' where the bracketed expression ends",
    });
  }
  // A ')' with no partner.
  if (!atEnd && found === ')' && scan.unmatchedClose === pos) {
    return error('EB1001', "unmatched ')': no '(' is open here", { span: at(source, pos), hint: "remove the ')' or add the matching '(' before it" });
  }

  const wanted: string[] = [];
  if (wantsOperand && !wantsOperator) {
    const after = before && '+-*/^(,'.includes(before.char) ? ` after '${before.char === '(' ? '(' : before.char}'` : '';
    wanted.push(`an operand${after}`);
  }
  if (wantsOperator) wanted.push('an operator');
  if (wantsComma && wantsClose) wanted.push("',' or ')'");
  else if (wantsClose) wanted.push("')'");
  if (expects(list, 'end') && !wantsClose) wanted.push('end of input');
  const listed = wanted.length <= 2 ? wanted.join(' or ') : `${wanted.slice(0, -1).join(', ')} or ${wanted[wanted.length - 1]}`;
  const expected = wanted.length > 0 ? `expected ${listed}` : 'expected something else';
  const message = atEnd ? `unexpected end of input, ${expected}` : `unexpected '${found}', ${expected}`;
  const related: Related[] = [];
  if (atEnd && scan.unclosed.length > 0) {
    related.push({ span: at(source, scan.unclosed[scan.unclosed.length - 1]!), message: "this '(' is also never closed" });
  }
  return error('EB1001', message, {
    span: at(source, pos, atEnd ? pos : pos + Math.max(1, (found ?? '').length)),
    hint: hintFor(found, before, { wantsOperand, wantsOperator, atEnd }),
    ...(related.length > 0 ? { related } : {}),
  });
}

function hintFor(
  found: string | undefined,
  before: { char: string } | undefined,
  want: { wantsOperand: boolean; wantsOperator: boolean; atEnd: boolean },
): string {
  const prev = before?.char;
  if (found === undefined) {
    if (want.wantsOperand && prev === '^') return "complete the power with an exponent, e.g. x^2";
    if (want.wantsOperand && prev !== undefined && '+-*/'.includes(prev)) return `complete the expression after '${prev}', e.g. x ${prev} 1`;
    if (want.wantsOperand && (prev === '(' || prev === ',')) return `write the next argument after '${prev}'`;
    return 'the expression ends too early; complete it';
  }
  const c = found[0]!;
  if (found === '**' || (c === '*' && prev === '*')) return 'write powers with ^, e.g. x^2, not x**2';
  if ('[]{}'.includes(c)) return 'square brackets and braces do not group in expressions; use ( )';
  if (found === '==' || found === '!=' || '=<>'.includes(c)) return 'relations (=, <, <=, >, >=) are not part of an expression; write the expression alone';
  if (c === '|') return 'write abs(x) for |x|';
  if (c === '!' && prev === '!') return 'only one ! follows an operand; write (n!)! for an iterated factorial';
  if ((c === '+' || c === '-') && (prev === '+' || prev === '-') && want.wantsOperand)
    return `two signs in a row: write 'a ${c === prev ? '+' : '-'} b' or bracket the signed operand, e.g. a ${prev} (${c}b)`;
  if ((c === '*' || c === '/' || c === '^') && want.wantsOperand) return `'${prev ?? ''}' is followed by '${c}' without an operand between them`;
  if (want.wantsOperator && (/^[A-Za-z0-9_.(]/.test(found))) return `there is no implicit multiplication: write '*' between factors, e.g. 2*x`;
  if (c === ',') return "a comma separates arguments only inside a call f(a, b)";
  if (c === '.') return "'.' appears only inside numbers such as 0.5";
  if (c === '_') return 'names start with a letter, e.g. x_0';
  if (c.charCodeAt(0) > 127) return 'only ASCII is read: write Greek letters by name (alpha, eps) and operators as + - * / ^, sqrt(x)';
  if (c === ')' && prev === ',') return "a comma must be followed by another argument; remove the trailing ','";
  if (c === ')' && want.wantsOperand) return "an empty bracket '()' holds no expression; write the operand inside";
  return 'operators are + - * / ^ and !, functions are called as f(x), brackets are ( )';
}
