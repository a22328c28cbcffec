// `by known NAME`: a small library of named inequalities. A step is proven when it is an instance of
// the fact: a substitution for the fact's variables is found by matching, both sides of the instance
// are proven equal to the step's sides by rewriting, and the fact's hypotheses on its variables hold
// by sign inference. Each fact is itself proven by the interval prover in test/check/known.test.ts.

import * as b from '../expr/build.js';
import type { Assumptions } from '../expr/domains.js';
import { Rational } from '../expr/rational.js';
import { readExpr } from '../expr/read.js';
import { provablyZero } from '../expr/rewrite.js';
import { NEG, POS } from '../expr/sign.js';
import { signOfForms } from './algebra.js';
import { children, substitute } from '../expr/traverse.js';
import { equals, type Expr } from '../expr/types.js';
import { proven } from './proof.js';
import { normalise, type BoxRange, type Relation, type StepResult } from './step.js';

export interface KnownFact {
  readonly name: string;
  readonly statement: string;
  readonly variables: readonly string[];
  readonly lhs: Expr;
  readonly rel: '<=' | '<';
  readonly rhs: Expr;
  /** Hypotheses `expr >= 0` or `expr > 0` on the variables. */
  readonly hypotheses: readonly { readonly expr: Expr; readonly strict: boolean; readonly text: string }[];
  /** Boxes over which the test suite proves the fact with the interval prover. */
  readonly testBoxes: readonly (readonly BoxRange[])[];
}

function parse(text: string): Expr {
  const r = readExpr(text, '<known>');
  if (!r.ok) throw new Error(`known fact does not parse: ${text}`);
  return r.value;
}

const q = (n: number, d = 1) => Rational.of(n, d);
const range = (variable: string, lower: Rational, upper?: Rational): BoxRange => (upper ? { variable, lower, upper } : { variable, lower });

function fact(name: string, lhs: string, rel: '<=' | '<', rhs: string, variables: string[], hypotheses: string[], testBoxes: BoxRange[][]): KnownFact {
  return Object.freeze({
    name,
    statement: `${lhs} ${rel} ${rhs}${hypotheses.length > 0 ? ` for ${hypotheses.join(', ')}` : ''}`,
    variables,
    lhs: parse(lhs),
    rel,
    rhs: parse(rhs),
    hypotheses: hypotheses.map((h) => {
      const m = /^(.*?)\s*(>=|>)\s*(.*)$/.exec(h)!;
      return { expr: b.sub(parse(m[1]!), parse(m[3]!)), strict: m[2] === '>', text: h };
    }),
    testBoxes,
  });
}

/** The library. Names are what `by known NAME` refers to. */
export const knownFacts: readonly KnownFact[] = [
  fact('am-gm', 'sqrt(a*b)', '<=', '(a + b)/2', ['a', 'b'], ['a >= 0', 'b >= 0'], [
    [range('a', q(1), q(2)), range('b', q(3), q(5))],
    [range('a', q(0), q(1, 4)), range('b', q(1), q(100))],
  ]),
  fact('sqrt-subadditive', 'sqrt(a + b)', '<=', 'sqrt(a) + sqrt(b)', ['a', 'b'], ['a >= 0', 'b >= 0'], [
    [range('a', q(0), q(10)), range('b', q(1, 10), q(10))],
    [range('a', q(1), q(1000)), range('b', q(1), q(2))],
  ]),
  fact('log-le-linear', 'log(1 + x)', '<=', 'x', ['x'], ['x > -1'], [[range('x', q(0), q(10))], [range('x', q(1))], [range('x', q(-1, 2), q(-1, 10))]]),
  fact('log-ge-ratio', 'x/(1 + x)', '<=', 'log(1 + x)', ['x'], ['x > -1'], [[range('x', q(0), q(10))], [range('x', q(1))]]),
  fact('sqrt-jensen', '(sqrt(a) + sqrt(b))/2', '<=', 'sqrt((a + b)/2)', ['a', 'b'], ['a >= 0', 'b >= 0'], [
    [range('a', q(0), q(1)), range('b', q(2), q(9))],
  ]),
  // Closed boxes cannot separate an integer from its right neighbourhood, where ceil jumps and the
  // bound is tight: the sample boxes of the step functions stay between integers.
  fact('ceil-upper', 'ceil(x)', '<', 'x + 1', ['x'], [], [[range('x', q(1, 10), q(9, 10))], [range('x', q(-29, 10), q(-21, 10))], [range('x', q(1001, 10), q(1009, 10))]]),
  fact('ceil-lower', 'x', '<=', 'ceil(x)', ['x'], [], [[range('x', q(1, 10), q(9, 10))], [range('x', q(-29, 10), q(-2))], [range('x', q(5, 2), q(3))]]),
  fact('floor-lower', 'x - 1', '<', 'floor(x)', ['x'], [], [[range('x', q(1, 10), q(9, 10))], [range('x', q(2), q(29, 10))]]),
  fact('exp-ge-linear', '1 + x', '<=', 'exp(x)', ['x'], [], [[range('x', q(0), q(20))], [range('x', q(-30), q(-1, 10))]]),
  fact('one-minus-le-exp', '1 - x', '<=', 'exp(-x)', ['x'], [], [[range('x', q(0), q(5))]]),
  fact('sqrt-le-half-sum', 'sqrt(x)', '<=', '(1 + x)/2', ['x'], ['x >= 0'], [[range('x', q(2), q(50))], [range('x', q(0), q(1, 2))]]),
  fact('pos-part-ge', 'x', '<=', 'pos(x)', ['x'], [], [[range('x', q(-3), q(-1, 10))], [range('x', q(0), q(4))]]),
  // Tangent along x = 0 and along k = 1 at once: the sample box keeps away from both.
  fact('bernoulli', '1 + k*x', '<=', '(1 + x)^k', ['x', 'k'], ['x >= -1', 'k >= 1'], [[range('x', q(1, 2), q(3)), range('k', q(2), q(6))]]),
];

export function knownFact(name: string): KnownFact | undefined {
  return knownFacts.find((f) => f.name === name);
}

type Binding = Map<string, Expr>;

const MAX_CANDIDATES = 200;

/** Candidate substitutions that make the pattern structurally equal to the target (heuristic, verified later). */
function match(pattern: Expr, target: Expr, vars: ReadonlySet<string>, bind: Binding, out: Binding[]): void {
  if (out.length >= MAX_CANDIDATES) return;
  if (pattern.kind === 'sym' && vars.has(pattern.name)) {
    const prior = bind.get(pattern.name);
    if (prior) {
      if (equals(prior, target)) out.push(bind);
      return;
    }
    out.push(new Map([...bind, [pattern.name, target]]));
    return;
  }
  if ((pattern.kind === 'add' || pattern.kind === 'mul') && pattern.kind === target.kind) {
    const ps = pattern.kind === 'add' ? pattern.terms : pattern.factors;
    const ts = target.kind === 'add' ? target.terms : (target as Extract<Expr, { kind: 'mul' }>).factors;
    matchGroups(ps as Expr[], ts as Expr[], pattern.kind, vars, bind, out);
    return;
  }
  if (pattern.kind !== target.kind) return;
  if (pattern.kind === 'num') {
    if (equals(pattern, target)) out.push(bind);
    return;
  }
  if (pattern.kind === 'apply' && (target.kind !== 'apply' || target.fn !== pattern.fn)) return;
  const pk = children(pattern);
  const tk = children(target);
  if (pk.length !== tk.length) return;
  let partial: Binding[] = [bind];
  for (let i = 0; i < pk.length; i++) {
    const next: Binding[] = [];
    for (const bd of partial) match(pk[i]!, tk[i]!, vars, bd, next);
    partial = next.slice(0, MAX_CANDIDATES);
    if (partial.length === 0) return;
  }
  out.push(...partial);
}

/** Assigns every target operand to one pattern operand (each pattern operand gets >= 1), grouping the rest. */
function matchGroups(ps: Expr[], ts: Expr[], kind: 'add' | 'mul', vars: ReadonlySet<string>, bind: Binding, out: Binding[]): void {
  if (ts.length > 8 || ps.length > 4) return;
  const k = ps.length;
  const total = k ** ts.length;
  for (let code = 0; code < total && out.length < MAX_CANDIDATES; code++) {
    const groups: Expr[][] = ps.map(() => []);
    let c = code;
    for (const t of ts) {
      groups[c % k]!.push(t);
      c = Math.floor(c / k);
    }
    if (groups.some((g) => g.length === 0)) continue;
    let partial: Binding[] = [bind];
    for (let i = 0; i < k; i++) {
      const g = groups[i]!;
      const target = g.length === 1 ? g[0]! : kind === 'add' ? b.add(...g) : b.mul(...g);
      const next: Binding[] = [];
      for (const bd of partial) match(ps[i]!, target, vars, bd, next);
      partial = next;
      if (partial.length === 0) break;
    }
    out.push(...partial);
  }
}

/** e >= 0 (> 0) by sign inference, or, for e = x + c with a symbol x, from the declared lower end of x. */
function hypothesisHolds(e: Expr, strict: boolean, a: Assumptions): boolean {
  const m = signOfForms(e, a);
  if (strict ? m === POS : (m & NEG) === 0) return true;
  if (e.kind === 'add' && e.terms.length === 2 && e.terms[0]!.kind === 'sym' && e.terms[1]!.kind === 'num') {
    const lower = a.domainOf(e.terms[0].name).lower;
    if (!lower) return false;
    const v = lower.value.add(e.terms[1].value);
    return strict ? v.sign > 0 || (v.sign === 0 && lower.open) : v.sign >= 0;
  }
  return false;
}

/** Checks that `lhs rel rhs` is an instance of the fact under the binding, hypotheses included. */
function instanceHolds(f: KnownFact, bind: Binding, small: Expr, rel: '<=' | '<' | '=', large: Expr, a: Assumptions): 'yes' | 'hypotheses' | 'no' {
  if (f.variables.some((v) => !bind.has(v))) return 'no';
  if (rel === '=' || (rel === '<' && f.rel === '<=')) return 'no';
  const l = substitute(f.lhs, bind);
  const r = substitute(f.rhs, bind);
  if (!provablyZero(b.sub(l, small), a).proven || !provablyZero(b.sub(r, large), a).proven) return 'no';
  for (const h of f.hypotheses) {
    if (!hypothesisHolds(substitute(h.expr, bind), h.strict, a)) return 'hypotheses';
  }
  return 'yes';
}

/** `by known NAME`: proven when the step is an instance of the named fact, else undecided. */
export function checkKnown(name: string, lhs: Expr, rel: Relation, rhs: Expr, a: Assumptions): StepResult {
  const f = knownFact(name);
  if (!f) return { status: 'undecided', code: 'EB7004', reason: `no known fact named ${name} (known: ${knownFacts.map((x) => x.name).join(', ')})` };
  const n = normalise(lhs, rel, rhs);
  const vars = new Set(f.variables);
  const candidates: Binding[] = [];
  match(f.lhs, n.small, vars, new Map(), candidates);
  match(f.rhs, n.large, vars, new Map(), candidates);
  // Merge: a binding found on one side may leave variables that the other side fixes.
  const fromLhs: Binding[] = [];
  match(f.lhs, n.small, vars, new Map(), fromLhs);
  for (const bd of fromLhs.slice(0, 40)) match(f.rhs, n.large, vars, bd, candidates);
  let hypothesesFailed = false;
  for (const bd of candidates) {
    const v = instanceHolds(f, bd, n.small, n.rel, n.large, a);
    if (v === 'yes') return proven('known', `instance of ${f.name}: ${f.statement}`, [f.name]);
    if (v === 'hypotheses') hypothesesFailed = true;
  }
  const why = hypothesesFailed ? `the hypotheses of ${f.name} (${f.hypotheses.map((h) => h.text).join(', ')}) could not be shown for this instance` : `the step is not an instance of ${f.name}: ${f.statement}`;
  return { status: 'undecided', code: 'EB7004', reason: why };
}
