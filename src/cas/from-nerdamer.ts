// Reads nerdamer's toString() output back with our own parser. Nerdamer-specific names are
// translated first (e -> exp(1), Infinity -> infinity); renamed symbols are mapped back; any name or
// function we do not know is EB4004, an unevaluated operation (limit, integrate, diff) is EB4006.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { readExpr } from '../expr/read.js';
import { substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';

/** Functions whose nerdamer meaning equals ours (natural log, real abs, …). */
const sameFunctions = new Set(['sqrt', 'abs', 'log', 'exp', 'min', 'max', 'ceil', 'floor', 'factorial']);
/** nerdamer's names of operations it could not carry out and left in its output. */
const unevaluated = new Set(['limit', 'integrate', 'diff', 'defint', 'sum', 'product', 'solve', 'simplify', 'expand', 'factor']);

const MAX_OUTPUT_CHARS = 200_000;

/**
 * Translates nerdamer output text into our expression. `names` maps our symbol names to the names
 * nerdamer saw (from toNerdamer).
 */
export function fromNerdamer(text: string, names: ReadonlyMap<string, string>, options: { allowInfinity?: boolean } = {}): Result<Expr> {
  if (text.length > MAX_OUTPUT_CHARS) return fail(error('EB4004', `the CAS returned ${text.length} characters, more than the ${MAX_OUTPUT_CHARS} read back`));
  const back = new Map<string, string>();
  for (const [ours, theirs] of names) back.set(theirs, ours);
  const used = new Set<string>();
  let problem: Result<Expr> | undefined;
  const translated = text.replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name, offset: number) => {
    const isCall = /^\s*\(/.test(text.slice(offset + name.length));
    if (isCall) {
      if (sameFunctions.has(name)) return name;
      if (unevaluated.has(name)) problem ??= fail(error('EB4006', `the CAS left \`${name}\` unevaluated`));
      else problem ??= fail(error('EB4004', `the CAS returned the function \`${name}\`, which equibound does not read`));
      return name;
    }
    if (back.has(name)) {
      used.add(name);
      return name;
    }
    if (name === 'e') return 'exp(1)';
    if (name === 'pi') return 'pi';
    if (name === 'Infinity' && options.allowInfinity) return 'infinity';
    if (name === 'i') problem ??= fail(error('EB4004', 'the CAS returned a complex number'));
    else problem ??= fail(error('EB4004', `the CAS returned the name \`${name}\`, which was not in its input`));
    return name;
  });
  if (problem) return problem;
  if (/[^0-9A-Za-z_+\-*/^().,\s]/.test(translated)) return fail(error('EB4004', 'the CAS returned a character equibound does not read'));
  const read = readExpr(translated, '<cas>');
  if (!read.ok) return fail(error('EB4004', 'the CAS result could not be read back'), ...read.diagnostics);
  const env = new Map<string, Expr>();
  for (const theirs of used) env.set(theirs, b.sym(back.get(theirs)!));
  return ok(substitute(read.value, env));
}

/** Splits nerdamer's list text "[a,b,c]" at top-level commas. */
export function splitList(text: string): Result<string[]> {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return fail(error('EB4004', 'the CAS returned a non-list where a list of solutions was expected'));
  const inner = t.slice(1, -1);
  if (inner.trim() === '') return ok([]);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return ok(parts.map((p) => p.trim()));
}
