// The CAS operations. Each one prints its input with our printer, runs one nerdamer call under a time
// limit, reads the output back with our parser and sends the candidate through the wall; the outcome
// says whether it is exact, numerically verified, rejected (EB4001) or failed (EB4002-EB4006).

import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { Assumptions } from '../expr/domains.js';
import { provablyZero, rewrite } from '../expr/rewrite.js';
import { freeSymbols, size, substitute } from '../expr/traverse.js';
import { equals, type Expr } from '../expr/types.js';
import { derivative } from './derivative.js';
import { loadNerdamer, runNerdamer, type Nerdamer } from './engine.js';
import { fromNerdamer, splitList } from './from-nerdamer.js';
import type { Accepted, CasOptions, CasOutcome, Failed, Operation, Rejected, SolveOutcome } from './outcome.js';
import { targetToNerdamer, toNerdamer } from './to-nerdamer.js';
import { checkAntiderivative, checkEquality, checkLimit, checkRoot, wallSettings, type Verdict, type WallSettings } from './wall.js';

export const DEFAULT_TIMEOUT_MS = 2000;
export const DEFAULT_TERM_BUDGET = 300;
/** Inputs larger than this many nodes are not sent: nerdamer cannot be interrupted. */
export const MAX_INPUT_NODES = 2000;

function failed(operation: Operation, input: Expr, ...diagnostics: Diagnostic[]): Failed {
  return { operation, input, status: 'failed', diagnostics };
}

function judged(operation: Operation, input: Expr, expr: Expr, v: Verdict): Accepted | Rejected {
  if (v.accepted) return { operation, input, expr, status: v.exact ? 'exact' : 'numerically-verified', check: v.check };
  return { operation, input, expr, status: 'rejected', check: v.check, diagnostics: [v.diagnostic] };
}

interface Call {
  readonly operation: Operation;
  readonly input: Expr;
  readonly options: CasOptions;
  /** Symbols that must be named even if the input does not contain them (the variable). */
  readonly variables?: readonly string[];
  /** The nerdamer call text, given the printed input and the names of `variables`. */
  readonly text: (printed: string, vars: readonly string[], names: Map<string, string>) => string | Failed;
  readonly what: string;
}

/** Prints, calls nerdamer, reads back. The candidate expression, or why there is none. */
async function candidate(c: Call): Promise<{ expr: Expr } | Failed> {
  if (size(c.input) > MAX_INPUT_NODES) return failed(c.operation, c.input, error('EB4003', `the input has more than ${MAX_INPUT_NODES} nodes; it is not sent to the CAS`));
  const names = new Map<string, string>();
  const vars = (c.variables ?? []).map((v) => {
    toNerdamer(b.sym(v), names);
    return names.get(v)!;
  });
  const printed = toNerdamer(c.input, names);
  if (!printed.ok) return failed(c.operation, c.input, ...printed.diagnostics);
  const text = c.text(printed.value.text, vars, names);
  if (typeof text !== 'string') return text;
  const n = await loadNerdamer();
  const out = runNerdamer(n, c.what, c.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, (nd) => nd(text).toString());
  if (!out.ok) return failed(c.operation, c.input, ...out.diagnostics);
  const read = fromNerdamer(out.value, names, { allowInfinity: c.operation === 'limit' });
  if (!read.ok) return failed(c.operation, c.input, ...read.diagnostics);
  return { expr: read.value };
}

async function checkedCall(c: Call, verify: (candidate: Expr, s: WallSettings) => Promise<Verdict>): Promise<CasOutcome> {
  const r = await candidate(c);
  if ('status' in r) return r;
  return judged(c.operation, c.input, r.expr, await verify(r.expr, wallSettings(c.options)));
}

/** Simplifies; our positivity-aware rules are tried first (they prove identities nerdamer leaves alone). */
export async function simplify(e: Expr, options: CasOptions): Promise<CasOutcome> {
  const a = new Assumptions(options.domains ?? new Map());
  const zero = provablyZero(e, a);
  if (zero.proven) {
    return { operation: 'simplify', input: e, expr: b.ZERO, status: 'exact', check: { method: 'rewrite', points: 0, digits: options.digits ?? 60, resampled: 0, rules: [...zero.rules] } };
  }
  return checkedCall({ operation: 'simplify', input: e, options, what: 'simplify', text: (p) => `simplify(${p})` }, (x, s) => checkEquality(e, x, s));
}

/** Upper estimate of the number of terms of the full expansion (capped at 1e12). */
export function expandedTerms(e: Expr): number {
  const cap = (x: number) => Math.min(x, 1e12);
  switch (e.kind) {
    case 'add':
      return cap(e.terms.reduce((s, t) => s + expandedTerms(t), 0));
    case 'mul':
      return cap(e.factors.reduce((s, f) => s * expandedTerms(f), 1));
    case 'pow': {
      const k = e.exponent.kind === 'num' && e.exponent.value.isInteger() && e.exponent.value.sign > 0 ? Number(e.exponent.value.n) : 0;
      const m = expandedTerms(e.base);
      if (k === 0 || m <= 1) return 1;
      // Monomials of degree k in m terms: C(k + m - 1, m - 1).
      let c = 1;
      for (let i = 1; i <= Math.min(k, m - 1); i++) c = cap((c * (k + m - 1 - Math.min(k, m - 1) + i)) / i);
      return cap(Math.round(c));
    }
    default:
      return 1;
  }
}

export async function expand(e: Expr, options: CasOptions): Promise<CasOutcome> {
  const budget = options.termBudget ?? DEFAULT_TERM_BUDGET;
  const terms = expandedTerms(e);
  if (terms > budget) {
    return failed('expand', e, error('EB4003', `the expansion would have about ${terms} terms, beyond the budget of ${budget}; it was not attempted`));
  }
  return checkedCall({ operation: 'expand', input: e, options, what: 'expand', text: (p) => `expand(${p})` }, (x, s) => checkEquality(e, x, s));
}

export async function factor(e: Expr, options: CasOptions): Promise<CasOutcome> {
  return checkedCall({ operation: 'factor', input: e, options, what: 'factor', text: (p) => `factor(${p})` }, (x, s) => checkEquality(e, x, s));
}

/** d/d(variable) of e; the CAS result is compared with our own derivative. */
export async function differentiate(e: Expr, variable: string, options: CasOptions): Promise<CasOutcome> {
  const ours = derivative(e, variable);
  if (!ours.ok) return failed('differentiate', e, ...ours.diagnostics);
  if (!freeSymbols(e).has(variable)) return { operation: 'differentiate', input: e, expr: b.ZERO, status: 'exact', check: { method: 'identical', points: 0, digits: options.digits ?? 60, resampled: 0 } };
  return checkedCall(
    { operation: 'differentiate', input: e, options, variables: [variable], what: 'differentiate', text: (p, [v]) => `diff(${p},${v})` },
    (x, s) => checkEquality(ours.value, x, s, 'the derivative'),
  );
}

/**
 * Positivity-aware pre-factoring for integration: (ab)^p = a^p b^p, (a^p)^q = a^(pq), log(ab) = log a + log b
 * for positive factors, as our rules in src/expr/rewrite.ts allow under the declared domains.
 */
export function prefactor(e: Expr, options: Pick<CasOptions, 'domains'>): Expr {
  return rewrite(e, new Assumptions(options.domains ?? new Map())).expr;
}

function best(outcomes: readonly CasOutcome[]): CasOutcome {
  return outcomes.find((o) => o.status === 'exact' || o.status === 'numerically-verified') ?? outcomes.find((o) => o.status === 'rejected') ?? outcomes[0]!;
}

/** An antiderivative in `variable`, checked by differentiating it with our own derivative. */
export async function integrate(e: Expr, variable: string, options: CasOptions): Promise<CasOutcome> {
  const forms = [prefactor(e, options), e].filter((f, i, all) => all.findIndex((g) => equals(f, g)) === i);
  const outcomes: CasOutcome[] = [];
  for (const form of forms) {
    const o = await checkedCall(
      { operation: 'integrate', input: form, options, variables: [variable], what: 'integrate', text: (p, [v]) => `integrate(${p},${v})` },
      (F, s) => checkAntiderivative(F, e, variable, s),
    );
    const withInput = { ...o, input: e } as CasOutcome;
    if (withInput.status === 'exact' || withInput.status === 'numerically-verified') return withInput;
    outcomes.push(withInput);
  }
  return best(outcomes);
}

/** The definite integral from lower to upper through a checked antiderivative: F(upper) - F(lower). */
export async function definiteIntegral(e: Expr, variable: string, lower: Expr, upper: Expr, options: CasOptions): Promise<CasOutcome> {
  const input = b.integral(variable, lower, upper, e);
  const F = await integrate(e, variable, options);
  if (F.status === 'failed') return { ...F, operation: 'definite-integral', input };
  if (F.status === 'rejected') return { ...F, operation: 'definite-integral', input };
  const at = async (x: Expr): Promise<{ expr: Expr; outcome?: CasOutcome }> => {
    if (x.kind === 'const' && x.name === 'infinity') {
      const l = await limit(F.expr, variable, x, options);
      return l.status === 'exact' || l.status === 'numerically-verified' ? { expr: l.expr, outcome: l } : { expr: x, outcome: l };
    }
    return { expr: substitute(F.expr, new Map([[variable, x]])) };
  };
  const hi = await at(upper);
  const lo = await at(lower);
  for (const side of [hi, lo]) {
    const o = side.outcome;
    if (o && (o.status === 'failed' || o.status === 'rejected')) return { operation: 'definite-integral', input, status: 'failed', diagnostics: o.diagnostics };
  }
  const exact = F.status === 'exact' && [hi, lo].every((s) => !s.outcome || s.outcome.status === 'exact');
  return { operation: 'definite-integral', input, expr: b.sub(hi.expr, lo.expr), status: exact ? 'exact' : 'numerically-verified', check: F.check };
}

/**
 * Solves e = 0 for `variable` (an equation lhs = rhs is passed as lhs - rhs: nerdamer mis-solves
 * some equations written with "= 0", measured). Each solution is substituted back and checked. When
 * no candidate passes, -e is tried as well: nerdamer's closed forms depend on the sign convention
 * (for C*(d/2-1)*a^(-d/2) - 4 it returns a root that is complex for d > 2).
 */
export async function solve(e: Expr | { lhs: Expr; rhs: Expr }, variable: string, options: CasOptions): Promise<SolveOutcome> {
  const g = 'lhs' in e ? b.sub(e.lhs, e.rhs) : e;
  const first = await solveOnce(g, g, variable, options);
  if (first.solutions.length > 0 || first.diagnostics.some((d) => d.code === 'EB4005' || d.code === 'EB4003')) return first;
  const second = await solveOnce(g, b.neg(g), variable, options);
  if (second.solutions.length > 0) return { ...second, rejected: [...first.rejected, ...second.rejected], diagnostics: [...first.diagnostics, ...second.diagnostics] };
  return first.status === 'rejected' || second.status !== 'rejected' ? first : second;
}

async function solveOnce(g: Expr, sent: Expr, variable: string, options: CasOptions): Promise<SolveOutcome> {
  const none = (status: SolveOutcome['status'], diagnostics: Diagnostic[]): SolveOutcome => ({ operation: 'solve', input: g, variable, status, solutions: [], rejected: [], diagnostics });
  if (!freeSymbols(g).has(variable)) return none('failed', [error('EB4006', `the expression does not contain ${variable}`)]);
  if (size(g) > MAX_INPUT_NODES) return none('failed', [error('EB4003', `the input has more than ${MAX_INPUT_NODES} nodes; it is not sent to the CAS`)]);
  const names = new Map<string, string>();
  toNerdamer(b.sym(variable), names);
  const v = names.get(variable)!;
  const printed = toNerdamer(sent, names);
  if (!printed.ok) return none('failed', [...printed.diagnostics]);
  const n: Nerdamer = await loadNerdamer();
  const out = runNerdamer(n, 'solve', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, (nd) => nd.solve(printed.value.text, v).toString());
  if (!out.ok) return none('failed', [...out.diagnostics]);
  const list = splitList(out.value);
  if (!list.ok) return none('failed', [...list.diagnostics]);
  if (list.value.length === 0) return none('failed', [error('EB4006', `the CAS found no solution for ${variable}`)]);
  const s = wallSettings(options);
  const solutions: Accepted[] = [];
  const rejected: Rejected[] = [];
  const dropped: Diagnostic[] = [];
  for (const text of list.value) {
    const read = fromNerdamer(text, names);
    if (!read.ok) {
      dropped.push(...read.diagnostics.slice(0, 1));
      continue;
    }
    const o = judged('solve', g, read.value, await checkRoot(g, variable, read.value, s));
    if (o.status === 'rejected') rejected.push(o);
    else solutions.push(o);
  }
  const diagnostics = [...rejected.flatMap((r) => r.diagnostics), ...dropped];
  const status: SolveOutcome['status'] =
    solutions.length > 0 ? (solutions.every((x) => x.status === 'exact') ? 'exact' : 'numerically-verified') : rejected.length > 0 ? 'rejected' : 'failed';
  return { operation: 'solve', input: g, variable, status, solutions, rejected, diagnostics };
}

/** limit of e as variable -> to (to may be infinity). An unevaluated or infinite limit is not a value. */
export async function limit(e: Expr, variable: string, to: Expr, options: CasOptions): Promise<CasOutcome> {
  const input = b.limit(variable, to, e);
  const r = await candidate({
    operation: 'limit',
    input: e,
    options,
    variables: [variable],
    what: 'take the limit',
    text: (p, [v], names) => {
      const t = targetToNerdamer(to, names);
      return t.ok ? `limit(${p},${v},${t.value})` : failed('limit', input, ...t.diagnostics);
    },
  });
  if ('status' in r) return { ...r, input };
  if (freeSymbols(r.expr).size > 0 && [...freeSymbols(r.expr)].includes(variable)) return failed('limit', input, error('EB4006', `the CAS returned a limit that still depends on ${variable}`));
  if (containsInfinity(r.expr)) return failed('limit', input, error('EB4006', 'the CAS returned an infinite or undetermined limit; no value is used'));
  return judged('limit', input, r.expr, await checkLimit(e, variable, to, r.expr, wallSettings(options)));
}

function containsInfinity(e: Expr): boolean {
  if (e.kind === 'const') return e.name === 'infinity';
  switch (e.kind) {
    case 'add':
      return e.terms.some(containsInfinity);
    case 'mul':
      return e.factors.some(containsInfinity);
    case 'pow':
      return containsInfinity(e.base) || containsInfinity(e.exponent);
    case 'apply':
      return e.args.some(containsInfinity);
    default:
      return false;
  }
}
