// `by theorem ID(args)` in a derivation: the arithmetic instance of a THEORY.md theorem — lhs REL rhs
// with its arithmetic hypotheses — or why the theorem has none (it bounds a covering number, a risk, …).
//
// An instance holds for every value of its symbols that satisfies its hypotheses; the checker
// (src/check/theorem-instance.ts) proves that a step is one and that the hypotheses follow from the
// declared domains. The statement's parameters (L, M, k, lambda, B, n, delta, eps, eta) are read in the
// step's setting; the theorem's own quantities (a power law, a cut-off, two bounds) are its arguments.
// The expressions come from the builders of src/theory/theorems, so a step matches what `run` computes.

import * as b from '../expr/build.js';
import { toText } from '../expr/print/text.js';
import { freeSymbols, substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import { closest } from '../syntax/did-you-mean.js';
import { R, type Covering } from './covering.js';
import { P, parameters } from './parameters.js';
import { isTheoremId, theoremIds } from './registry.js';
import { free, type LossSpec } from './setting.js';
import { cutoffLevel, dudleyIntegrand, dudleyObjectiveExpr, gammaExpr, halfB } from './theorems/dudley.js';
import { gammaScaleFrom } from './theorems/approx.js';
import { closedFormIn, fixedPointMapIn, powerObjectiveIn } from './theorems/gen-exact-power.js';

export type InstanceRelation = '<=' | '=' | '>=';

/**
 * A hypothesis `small < large` (or <=). With `over`, it is claimed for every value of the variable strictly
 * between lower and upper (above lower when upper is absent), and holds vacuously when lower >= upper.
 */
export interface InstanceHypothesis {
  readonly text: string;
  readonly small: Expr;
  readonly rel: '<' | '<=';
  readonly large: Expr;
  readonly over?: { readonly variable: string; readonly lower: Expr; readonly upper?: Expr };
}

export interface TheoremInstance {
  readonly theorem: string;
  /** Which of the theorem's statements, e.g. "P(alpha)" or "closed form". */
  readonly form: string;
  readonly lhs: Expr;
  readonly rel: InstanceRelation;
  readonly rhs: Expr;
  readonly hypotheses: readonly InstanceHypothesis[];
}

export type RefusalKind = 'unknown' | 'not-arithmetic' | 'arguments' | 'setting';

export type TheoremStepInstances =
  | { readonly ok: true; readonly instances: readonly TheoremInstance[] }
  | { readonly ok: false; readonly kind: RefusalKind; readonly reason: string };

/** What the step's setting gives the theorem: its parameters by name, and what a bare-name argument is. */
export interface TheoremStepSetting {
  /** The setting's name: a first argument naming it (as in a bound, gen.exact.power(S, ...)) is skipped. */
  readonly name?: string;
  /** The expression a parameter name stands for (a symbol, a let's value, a class or loss constant). */
  parameter(name: string): Expr | undefined;
  /** The kind of declaration a name refers to (parameter, let, setting, space, class, …), if any. */
  declarationKind?(name: string): string | undefined;
}

/** Every parameter is the symbol of its own name: a derivation read without a setting (tests, the corpus). */
export const symbolicSetting: TheoremStepSetting = { parameter: (name) => b.sym(name) };

/** lambda and B of a catalog loss as expressions in M (parameters.ts's table); undefined for a Lipschitz loss. */
export function lossConstants(loss: LossSpec): { readonly lambda: Expr; readonly B: Expr } | undefined {
  if (loss.kind === 'lipschitz') return undefined;
  const p = parameters({ space: { kind: 'circle' }, group: { kind: 'trivial' }, hypothesisClass: { L: free(), M: free(), k: 1, equivariance: 'none' }, loss, n: free(), delta: free() });
  return { lambda: p.derived.get('lambda')!, B: p.derived.get('B')! };
}

// ---- the statement's parameters ----------------------------------------------

type SettingParameter = 'L' | 'M' | 'k' | 'lambda' | 'B' | 'n' | 'delta' | 'epsilon' | 'eta';

/** Template symbol (P's name) -> the names the setting may give it, and what it is. */
const settingParameters: Record<SettingParameter, { readonly names: readonly string[]; readonly what: string }> = {
  L: { names: ['L'], what: 'the Lipschitz constant of the class' },
  M: { names: ['M'], what: 'the output bound of the class' },
  k: { names: ['k'], what: 'the output dimension' },
  lambda: { names: ['lambda'], what: 'the Lipschitz constant of the loss' },
  B: { names: ['B'], what: 'the range of the loss' },
  n: { names: ['n'], what: 'the sample size' },
  delta: { names: ['delta'], what: 'the confidence parameter' },
  epsilon: { names: ['eps', 'epsilon'], what: 'the model equivariance error' },
  eta: { names: ['eta'], what: 'the data equivariance error' },
};


// ---- templates -----------------------------------------------------------------
// A template is built from P's symbols (the setting's parameters), `$name` placeholders (positional
// arguments) and protected user expressions (their free symbols renamed `#x`, except the variable they are
// an expression in), then instantiated by one simultaneous substitution and unprotected. Quantified
// hypotheses range over `@name`. None of $, # or @ can start a name of the language.

const arg = (name: string): Expr => b.sym(`$${name}`);

function protect(e: Expr, keep: string): Expr {
  const names = [...freeSymbols(e)].filter((s) => s !== keep);
  return substitute(e, new Map(names.map((s) => [s, b.sym(`#${s}`)])));
}

function unprotect(e: Expr): Expr {
  const names = [...freeSymbols(e)].filter((s) => s.startsWith('#'));
  return substitute(e, new Map(names.map((s) => [s, b.sym(s.slice(1))])));
}

/** A covering bound N(r) given as an argument, as the theory's Covering (only `expr` is read by the builders). */
const asCovering = (expr: Expr): Covering => ({ theorem: 'cover.formula', expr, exact: false, statement: 'a covering bound given as an argument' });

interface HypothesisDraft {
  readonly small: Expr;
  readonly rel: '<' | '<=';
  readonly large: Expr;
  /** How it reads: `a op b`, op one of < <= > >=. */
  readonly print: readonly [Expr, string, Expr];
  /** The left of `print` as stated, when it is an argument such as h(t). */
  readonly label?: string;
  readonly over?: { readonly variable: string; readonly lower: Expr; readonly upper?: Expr; readonly name: string };
}

const lt = (a: Expr, c: Expr): HypothesisDraft => ({ small: a, rel: '<', large: c, print: [a, '<', c] });
const le = (a: Expr, c: Expr): HypothesisDraft => ({ small: a, rel: '<=', large: c, print: [a, '<=', c] });
const gt = (a: Expr, c: Expr): HypothesisDraft => ({ small: c, rel: '<', large: a, print: [a, '>', c] });
const ge = (a: Expr, c: Expr): HypothesisDraft => ({ small: c, rel: '<=', large: a, print: [a, '>=', c] });
const positive = (...xs: Expr[]): HypothesisDraft[] => xs.map((x) => gt(x, b.ZERO));

interface InstanceDraft {
  readonly form: string;
  readonly lhs: Expr;
  readonly rel: InstanceRelation;
  readonly rhs: Expr;
  readonly hypotheses: readonly HypothesisDraft[];
}

interface Argument {
  readonly name: string;
  /** How hypotheses print it (default: its name). */
  readonly label?: string;
  readonly what: string;
  /** The variable an argument is an expression in (it is then placed inside the theorem's integrals). */
  readonly in?: string;
}

interface ArithmeticTheorem {
  readonly args: readonly Argument[];
  /** Built from the arguments: `$name` placeholders, or the protected expression for an argument with `in`. */
  readonly instances: (a: ReadonlyMap<string, Expr>) => readonly InstanceDraft[];
}

const confidenceHypotheses = (): HypothesisDraft[] => [gt(P.delta, b.ZERO), lt(P.delta, b.ONE)];

/** gen.exact.power: the Dudley bound with the power envelope N(X0, r) <= A r^(-d), against P(alpha) and the closed form. */
function genExactPower(): InstanceDraft[] {
  const A = arg('A');
  const d = arg('d');
  const gamma = gammaExpr(dudleyIntegrand(asCovering(b.mul(A, b.pow(R, b.neg(d))))));
  const common = [gt(d, b.TWO), gt(P.alpha, b.ZERO), ...positive(A, P.k, P.lambda, P.L, P.M, P.n, P.B), ...confidenceHypotheses()];
  return [
    { form: 'P(alpha)', lhs: gamma, rel: '<=', rhs: powerObjectiveIn(A, d), hypotheses: common },
    // At any alpha0 below the fixed point of alpha = 2 lambda L (9 k A l_alpha/n)^(1/d) the closed form with the
    // logarithm frozen at alpha0 bounds P at alpha~ = 2 lambda L (9 k A l0/n)^(1/d) >= alpha0 (THEORY §2).
    { form: 'closed form at alpha0', lhs: gamma, rel: '<=', rhs: closedFormIn(A, d, P.alpha), hypotheses: [...common, le(P.alpha, fixedPointMapIn(A, d, P.alpha))] },
  ];
}

/**
 * gen.approx.shift: Gamma_scale(eps) <= Gamma_G + 8 lambda eps. Gamma_scale integrates h_1 alone below the
 * loss scale lambda eps (where H_G(t/lambda - eps) = +infinity) and min(h_1, h_G(t - lambda eps)) above it;
 * the split point max(alpha, min(lambda eps, B/2)) keeps both integrals oriented and the integrand defined.
 */
function genApproxShift(a: ReadonlyMap<string, Expr>): InstanceDraft[] {
  const NX = a.get('NX')!;
  const NG = a.get('NX0')!;
  const h1 = dudleyIntegrand(asCovering(NX));
  const hG = dudleyIntegrand(asCovering(NG));
  const scale = gammaScaleFrom(h1, hG);
  const nonnegative = (N: Expr, label: string): HypothesisDraft => ({ ...ge(substitute(N, new Map([['r', b.sym('@r')]])), b.ZERO), over: { variable: '@r', lower: b.ZERO, name: 'r' }, label });
  return [
    {
      form: 'Gamma_scale(eps) <= Gamma_G + 8 lambda eps',
      lhs: scale,
      rel: '<=',
      rhs: b.add(gammaExpr(hG), b.mul(b.num(8), P.lambda, P.eps)),
      hypotheses: [ge(P.eps, b.ZERO), ...positive(P.k, P.lambda, P.L, P.M, P.n, P.B), ...confidenceHypotheses(), nonnegative(NX, 'N_X(r)'), nonnegative(NG, 'N_X0(r)')],
    },
  ];
}

/**
 * dudley.cutoff: phi(alpha) >= phi(alpha*) for phi(a) = 4 a + (12/sqrt(n)) int_a^{B/2} h. The theorem's
 * hypotheses (h non-increasing, alpha* = inf { h <= sqrt(n)/3 }) give h >= sqrt(n)/3 below alpha* and
 * <= above it; the instance asks for exactly that between alpha and alpha*, which is what the proof uses.
 */
function dudleyCutoff(a: ReadonlyMap<string, Expr>): InstanceDraft[] {
  const h = a.get('h')!;
  const star = arg('alphaStar');
  const phi = dudleyObjectiveExpr(h);
  const hAt = substitute(h, new Map([['t', b.sym('@t')]]));
  return [
    {
      form: 'phi(alpha) >= phi(alpha*)',
      lhs: phi,
      rel: '>=',
      rhs: substitute(phi, new Map([['alpha', star]])),
      hypotheses: [
        gt(P.n, b.ZERO),
        gt(P.alpha, b.ZERO),
        le(P.alpha, halfB),
        gt(star, b.ZERO),
        le(star, halfB),
        { ...ge(hAt, cutoffLevel), over: { variable: '@t', lower: P.alpha, upper: star, name: 't' }, label: 'h(t)' },
        { ...le(hAt, cutoffLevel), over: { variable: '@t', lower: star, upper: P.alpha, name: 't' }, label: 'h(t)' },
      ],
    },
  ];
}

/**
 * tradeoff.optimal, fact 2: with the additive bound, E(eps) = lambda (eta - eps)_+ + 2 min(Gamma_1, Gamma_G +
 * 2 lambda eps) is concave on [0, eta] and non-decreasing after it, so its minimum is min(lambda eta + 2 Gamma_G,
 * 2 Gamma_1), for any reals Gamma_1, Gamma_G.
 */
function tradeoffOptimal(): InstanceDraft[] {
  const g1 = arg('Gamma1');
  const gG = arg('GammaG');
  const E = (eps: Expr) => b.add(b.mul(P.lambda, b.positivePart(b.sub(P.eta, eps))), b.mul(b.TWO, b.min(g1, b.add(gG, b.mul(b.TWO, P.lambda, eps)))));
  const minimum = b.min(b.add(b.mul(P.lambda, P.eta), b.mul(b.TWO, gG)), b.mul(b.TWO, g1));
  const hyps = [ge(P.lambda, b.ZERO), ge(P.eta, b.ZERO)];
  return [
    { form: 'min over eps in [0, eta]', lhs: b.extremum('inf', 'epsilon', b.ZERO, P.eta, E(P.eps)), rel: '=', rhs: minimum, hypotheses: hyps },
    { form: 'E(eps) >= its minimum', lhs: E(P.eps), rel: '>=', rhs: minimum, hypotheses: [...hyps, ge(P.eps, b.ZERO)] },
  ];
}

const arithmetic: Readonly<Record<string, ArithmeticTheorem>> = {
  'gen.exact.power': {
    args: [
      { name: 'A', what: 'the constant of the power law N(X0, r) <= A r^(-d)' },
      { name: 'd', what: 'its dimension' },
      { name: 'alpha', what: 'the cut-off alpha of P(alpha), or alpha0 of the closed form' },
    ],
    instances: genExactPower,
  },
  'gen.approx.shift': {
    args: [
      { name: 'NX', what: 'the covering bound of X as an expression in r', in: 'r' },
      { name: 'NX0', what: 'the covering bound of the fundamental domain X0 as an expression in r', in: 'r' },
    ],
    instances: genApproxShift,
  },
  'dudley.cutoff': {
    args: [
      { name: 'h', what: 'the entropy envelope h as an expression in t', in: 't' },
      { name: 'alphaStar', label: 'alpha*', what: 'the cut-off alpha*' },
      { name: 'alpha', what: 'the point alpha compared with it' },
    ],
    instances: dudleyCutoff,
  },
  'tradeoff.optimal': {
    args: [
      { name: 'Gamma1', label: 'Gamma_1', what: 'the unconstrained bound Gamma_1' },
      { name: 'GammaG', label: 'Gamma_G', what: 'the equivariant bound Gamma_G' },
    ],
    instances: tradeoffOptimal,
  },
};

/** Positional arguments that the instance substitutes for its own symbols rather than for a `$` placeholder. */
const ownSymbol: Readonly<Record<string, string>> = { alpha: 'alpha' };

// ---- theorems without an arithmetic instance ---------------------------------------

const bounds = (object: string, hint = '') => `it bounds ${object}, which is not an expression of the language${hint}`;
const covering = bounds('the covering number N(S, r) of a set', '; write the covering bound itself (e.g. ceil(1/(2*r))^d) and check steps about it by interval');
const entropy = bounds('the metric entropy log N_ext(F, t) of a function class');
const deviation = bounds('the deviation |R(f) - R_n(f)| of risks uniformly over a class', '; the bound itself is an expression (Gamma_G as a Dudley integral), and gen.approx.shift and gen.exact.power relate such expressions');

const notArithmetic: Readonly<Record<string, string>> = {
  'cover.ball': covering,
  'cover.cube': covering,
  'cover.simplex': covering,
  'cover.arc': covering,
  'cover.power': covering,
  'entropy.lipschitz': entropy,
  'entropy.loss': entropy,
  'entropy.approx': entropy,
  'rademacher.dudley': bounds('the Rademacher complexity Rad_n(H) of a class'),
  'uniform.deviation': deviation,
  'gen.exact': deviation,
  'gen.approx': deviation,
  'gen.approx.additive': deviation,
  'gen.partial': deviation,
  'partial.words': bounds('the equivariance error ||f(g x) - rho(g) f(x)|| of functions along words'),
  'average.project': bounds('the distance ||f - Q f|| between functions'),
  'approx.lower': bounds('the approximation error A(eps), an infimum over a function class'),
  'approx.upper': bounds('the approximation error A(eps), an infimum over a function class'),
  'approx.l2': bounds('the excess risk of exactly equivariant models'),
  'tradeoff.excess': bounds('the excess risk R(f_eps) - R(f*) of empirical risk minimisation', '; its arithmetic consequence, the minimum of the additive bound, is tradeoff.optimal(Gamma_1, Gamma_G)'),
  'gain.finite':
    'it states the limit of Gamma_G/Gamma_1 as n -> infinity and computes the ratio at n numerically; the ratio |G|^(-1/d) of the closed forms at equal logarithm is algebra (by algebra)',
  'gain.lie': 'it states rates (n^(-1/d) becomes n^(-1/(d - dim G))), an asymptotic statement rather than an inequality between expressions',
  'sample.size': 'it defines the least n with a bound below tau (a search); that the bound is non-increasing in n is a step by monotone',
};

// ---- instantiation -------------------------------------------------------------------

const refuse = (kind: RefusalKind, reason: string): TheoremStepInstances => ({ ok: false, kind, reason });

function signature(id: string, t: ArithmeticTheorem): string {
  return `${id}(${t.args.map((a) => a.name).join(', ')}) with ${t.args.map((a) => `${a.name} ${a.what}`).join(', ')}`;
}

/** The arithmetic instances of theorem `id` for the arguments of a step read in `setting`, or why there are none. */
export function theoremStepInstances(id: string, args: readonly Expr[], setting: TheoremStepSetting): TheoremStepInstances {
  if (!isTheoremId(id)) {
    const guess = closest(id, theoremIds);
    return refuse('unknown', `no theorem is named ${id}${guess ? ` (did you mean ${guess}?)` : ''}`);
  }
  const t = arithmetic[id];
  if (!t) return refuse('not-arithmetic', `${id} has no arithmetic instance: ${notArithmetic[id] ?? 'it states no inequality between expressions'}`);
  let given = [...args];
  const first = given[0];
  if (first?.kind === 'sym' && setting.declarationKind?.(first.name) === 'setting') {
    if (setting.name !== undefined && first.name !== setting.name) return refuse('arguments', `the step is read in setting ${setting.name}, but the first argument of ${id} names the setting ${first.name}`);
    given = given.slice(1);
  }
  if (given.length !== t.args.length) return refuse('arguments', `${id} takes ${t.args.length} argument${t.args.length === 1 ? '' : 's'} (${given.length} given): ${signature(id, t)}`);
  for (const [i, e] of given.entries()) {
    const kind = e.kind === 'sym' ? setting.declarationKind?.(e.name) : undefined;
    if (kind !== undefined && kind !== 'parameter' && kind !== 'let') return refuse('arguments', `argument ${i + 1} of ${id} names the ${kind} ${toText(e)}, but ${t.args[i]!.name} is ${t.args[i]!.what}`);
  }
  const template = new Map<string, Expr>();
  const env = new Map<string, Expr>();
  t.args.forEach((a, i) => {
    const e = given[i]!;
    if (a.in !== undefined) template.set(a.name, protect(e, a.in));
    else env.set(ownSymbol[a.name] ?? `$${a.name}`, e);
  });
  const drafts = t.instances(template);
  const labels = new Map<string, Expr>([['epsilon', b.sym('eps')], ...t.args.map((a): [string, Expr] => [ownSymbol[a.name] ?? `$${a.name}`, b.sym(a.label ?? a.name)])]);
  const out: TheoremInstance[] = [];
  let missing: SettingParameter[] | undefined;
  for (const draft of drafts) {
    const used = new Set([draft.lhs, draft.rhs, ...draft.hypotheses.flatMap((h) => [h.small, h.large, ...(h.over ? [h.over.lower, ...(h.over.upper ? [h.over.upper] : [])] : [])])].flatMap((e) => [...freeSymbols(e)]));
    const needed = (Object.keys(settingParameters) as SettingParameter[]).filter((p) => used.has(p) && !env.has(p));
    const local = new Map(env);
    const absent: SettingParameter[] = [];
    for (const p of needed) {
      const value = settingParameters[p].names.map((n) => setting.parameter(n)).find((v) => v !== undefined);
      if (value === undefined) absent.push(p);
      else local.set(p, value);
    }
    if (absent.length === 0) out.push(finish(id, draft, local, labels));
    else missing ??= absent;
  }
  if (out.length === 0 && missing) {
    const what = missing.map((p) => `${settingParameters[p].names.join(' or ')} (${settingParameters[p].what})`);
    return refuse('setting', `${id} needs ${what.join(', ')}: the setting declares no parameter or let of ${missing.length === 1 ? 'that name' : 'those names'}, and no class or loss gives ${missing.length === 1 ? 'it' : 'them'}`);
  }
  return { ok: true, instances: out };
}

/** The instance for the bindings; a hypothesis reads as stated, then as instantiated when that differs. */
function finish(theorem: string, d: InstanceDraft, env: ReadonlyMap<string, Expr>, labels: ReadonlyMap<string, Expr>): TheoremInstance {
  const inst = (e: Expr) => unprotect(substitute(e, env));
  return {
    theorem,
    form: d.form,
    lhs: inst(d.lhs),
    rel: d.rel,
    rhs: inst(d.rhs),
    hypotheses: d.hypotheses.map((h): InstanceHypothesis => {
      const over = h.over ? { variable: h.over.variable, lower: inst(h.over.lower), ...(h.over.upper ? { upper: inst(h.over.upper) } : {}) } : undefined;
      const named = (e: Expr) => (h.over ? substitute(e, new Map([[h.over.variable, b.sym(h.over.name)]])) : e);
      const stated = (e: Expr) => toText(named(unprotect(substitute(e, labels))));
      const here = (e: Expr) => toText(named(inst(e)));
      const range = (f: (e: Expr) => string) => (h.over ? ` for ${h.over.name} ${h.over.upper ? `between ${f(h.over.lower)} and ${f(h.over.upper)}` : `> ${f(h.over.lower)}`}` : '');
      const asStated = `${h.label ?? stated(h.print[0])} ${h.print[1]} ${stated(h.print[2])}${range(stated)}`;
      const instantiated = `${here(h.print[0])} ${h.print[1]} ${here(h.print[2])}${range(here)}`;
      const text = asStated === instantiated ? asStated : `${asStated} (here ${instantiated})`;
      return { text, small: inst(h.small), rel: h.rel, large: inst(h.large), ...(over ? { over } : {}) };
    }),
  };
}

/** `lhs rel rhs` as text, for reasons. */
export function instanceText(i: TheoremInstance): string {
  return `${toText(i.lhs)} ${i.rel} ${toText(i.rhs)}`;
}
