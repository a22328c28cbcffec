// The setting's parameters as symbols (L, M, k, lambda, B, n, delta, eps, eta, Lstar, eta2), the loss
// constants lambda and B in terms of M, and the substitution that instantiates a symbolic bound.

import { error, fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { Assumptions, contains, positiveInteger, positiveReal, type Domain } from '../expr/domains.js';
import { Rational } from '../expr/rational.js';
import { substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { Param, Setting } from './setting.js';

export type ParamName = 'L' | 'M' | 'k' | 'lambda' | 'B' | 'n' | 'delta' | 'eps' | 'eta' | 'Lstar' | 'eta2';

/** Parameter symbols; Lstar prints as L^* and eps/eta as Greek letters in the printers. */
export const P = {
  L: b.sym('L'),
  M: b.sym('M'),
  k: b.sym('k'),
  lambda: b.sym('lambda'),
  B: b.sym('B'),
  n: b.sym('n'),
  delta: b.sym('delta'),
  eps: b.sym('epsilon'),
  eta: b.sym('eta'),
  Lstar: b.sym('Lstar'),
  eta2: b.sym('eta2'),
  t: b.sym('t'),
  alpha: b.sym('alpha'),
} as const;

export const symbolName: Record<ParamName, string> = {
  L: 'L',
  M: 'M',
  k: 'k',
  lambda: 'lambda',
  B: 'B',
  n: 'n',
  delta: 'delta',
  eps: 'epsilon',
  eta: 'eta',
  Lstar: 'Lstar',
  eta2: 'eta2',
};

/** The parameters of a setting, resolved: derived loss constants, known values, declared domains. */
export interface Parameters {
  /** Substitution of the loss constants (lambda, B) by their expressions in M, then of known values. */
  readonly derived: ReadonlyMap<string, Expr>;
  /** Known values by symbol name (after deriving lambda and B when M is known). */
  readonly env: ReadonlyMap<string, Rational>;
  /** Domains of the free parameters, for positivity-aware rewriting. */
  readonly assumptions: Assumptions;
  /** How each loss constant was obtained. */
  readonly lossNote: string;
}

function record(name: string, p: Param | undefined, env: Map<string, Rational>, domains: Map<string, Domain>): void {
  if (p === undefined) return;
  if ('value' in p) env.set(name, p.value);
  else domains.set(name, p.free);
}

/** Symbols, values and domains of a setting. */
export function parameters(s: Setting): Parameters {
  const env = new Map<string, Rational>();
  const domains = new Map<string, Domain>([['n', positiveInteger]]);
  const c = s.hypothesisClass;
  record('L', c.L, env, domains);
  record('M', c.M, env, domains);
  env.set('k', Rational.of(c.k));
  record('n', s.n, env, domains);
  record('delta', s.delta, env, domains);
  record('epsilon', s.eps, env, domains);
  record('eta', s.eta, env, domains);
  record('Lstar', s.Lstar, env, domains);
  record('eta2', s.eta2, env, domains);
  const derived = new Map<string, Expr>();
  let lossNote: string;
  switch (s.loss.kind) {
    case 'absolute':
      derived.set('lambda', b.ONE);
      derived.set('B', b.mul(b.TWO, P.M));
      lossNote = 'absolute loss with labels |y| <= M: lambda = 1, B = 2M';
      break;
    case 'squared':
      derived.set('lambda', b.mul(b.num(4), P.M));
      derived.set('B', b.mul(b.num(4), b.pow(P.M, b.TWO)));
      lossNote = 'squared loss with |y|, |y\'| <= M: lambda = 4M, B = 4M^2';
      break;
    case 'hinge':
      derived.set('lambda', b.ONE);
      derived.set('B', b.add(b.ONE, P.M));
      lossNote = 'hinge loss max(0, 1 - y y\') with y in {-1, 1}, |y\'| <= M: lambda = 1, B = 1 + M';
      break;
    case 'lipschitz':
      record('lambda', s.loss.lambda, env, domains);
      record('B', s.loss.B, env, domains);
      lossNote = 'a loss lambda-Lipschitz in its first argument with values in [0, B]';
      break;
  }
  for (const name of ['lambda', 'B']) {
    const e = derived.get(name);
    if (!e) continue;
    const v = substitute(e, new Map([...env].map(([k, q]) => [k, b.num(q)])));
    if (v.kind === 'num') env.set(name, v.value);
  }
  let assumptions = Assumptions.positive;
  for (const [name, d] of domains) assumptions = assumptions.with(name, d);
  return { derived, env, assumptions, lossNote };
}

/** Replaces the loss constants by their expressions, then every known parameter by its value. */
export function instantiateExpr(e: Expr, p: Parameters): Expr {
  const first = substitute(e, p.derived);
  return substitute(first, new Map([...p.env].map(([k, q]) => [k, b.num(q)])));
}

/** The value of an expression in the parameters when it is a rational number. */
export function rationalValue(e: Expr, p: Parameters): Rational | undefined {
  const v = instantiateExpr(e, p);
  return v.kind === 'num' ? v.value : undefined;
}

/** Checks that known values lie in the domains the theorems need; free ones are assumed there. */
export function checkParameterDomains(s: Setting, p: Parameters): Result<void> {
  const bad: Diagnostic[] = [];
  const need = (name: string, label: string, domain: Domain, what: string) => {
    const v = p.env.get(name);
    if (v !== undefined && !contains(domain, v)) bad.push(error('EB6022', `${label} = ${v} is not ${what}: missing hypothesis "${label} ${what}"`));
  };
  need('L', 'L', positiveReal, 'positive');
  need('M', 'M', positiveReal, 'positive');
  need('lambda', 'lambda', positiveReal, 'positive');
  need('B', 'B', positiveReal, 'positive');
  need('n', 'n', positiveInteger, 'a positive integer');
  need('delta', 'delta', { integer: false, lower: { value: Rational.ZERO, open: true }, upper: { value: Rational.ONE, open: true } }, 'in (0, 1)');
  need('epsilon', 'eps', { integer: false, lower: { value: Rational.ZERO, open: false } }, 'non-negative');
  need('eta', 'eta', { integer: false, lower: { value: Rational.ZERO, open: false } }, 'non-negative');
  if (!Number.isInteger(s.hypothesisClass.k) || s.hypothesisClass.k < 1) bad.push(error('EB6022', `k = ${s.hypothesisClass.k} is not a positive integer: missing hypothesis "output dimension k >= 1"`));
  return bad.length > 0 ? fail(...bad) : ok(undefined);
}

/** A required optional parameter, or the EB6015 diagnostic naming it. */
export function requireParam(s: Setting, key: 'eps' | 'eta' | 'Lstar' | 'eta2', theorem: string): Result<Param> {
  const p = s[key];
  if (p === undefined) return fail(error('EB6015', `${theorem} needs the parameter ${key === 'eps' ? 'eps (model equivariance error)' : key === 'eta' ? 'eta (data equivariance error)' : key === 'Lstar' ? 'L* (Lipschitz constant of the target)' : 'eta_2 (L^2 distance of f* to its projection)'}`));
  return ok(p);
}
