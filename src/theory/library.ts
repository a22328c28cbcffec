// The theorem library as the CLI sees it: maps a checked setting of the language (src/semantics model)
// to the theory's plain-data Setting, instantiates the bound's theorem, and reports its numbers with
// how each was obtained. The value shapes are defined here; src/cli/theorem-library.ts imports them.

import { error, fail, ok, type Diagnostic, type Result, type Span } from '../diagnostics/diagnostic.js';
import { Rational } from '../expr/rational.js';
import { freeSymbols, substitute } from '../expr/traverse.js';
import * as b from '../expr/build.js';
import type { Expr } from '../expr/types.js';
import { toText } from '../expr/print/text.js';
import type { ArgumentModel, BoundModel, EntryModel, Model, ParameterModel, ScopeModel, SpaceModel } from '../semantics/model.js';
import { formatDecimal } from '../numeric/format.js';
import { instantiate } from './instantiate.js';
import type { BoundValue as TheoryValue } from './instantiation.js';
import { theoremIds } from './registry.js';
import { free, value, type ClassSpec, type GroupSpec, type LossSpec, type Param, type Setting, type SpaceSpec, type TransformationSetSpec } from './setting.js';

type Scope = ScopeModel<Expr, Rational>;

/** One named number of a bound (the bound itself, its cut-off, a ratio, …) as the CLI prints it. */
export interface BoundNumber {
  readonly name: string;
  readonly description: string;
  /** Digits, an integer or a fraction; absent when not computed (then `note` says why). */
  readonly text?: string;
  /** True when `text` is the exact value (printed with =, never \approx). */
  readonly exact: boolean;
  /** True when every printed digit is proven; false for quadrature estimates. */
  readonly certified: boolean;
  readonly vacuous?: boolean;
  readonly note?: string;
  /** The value as a closed constant expression (text), when it has one: alpha* inside a smooth piece, a limit ratio. */
  readonly closedForm?: string;
}

export interface BoundHypothesis {
  readonly name: string;
  readonly statement: string;
  /** How it was checked: exact, catalog, assumed or numeric. */
  readonly how: string;
  readonly detail: string;
}

/** A bound as the CLI receives it. */
export interface BoundValue {
  /** The bound as an expression in the setting's parameters (values substituted where known). */
  readonly value: Expr;
  /** What the bound bounds, e.g. "|R(f) - R_n(f)| <=". */
  readonly relation?: string;
  /** How the bound's name relates to `value` (an upper bound, an identity or a lower bound). */
  readonly relationSymbol?: '=' | '<=' | '>=';
  /** The bound's numbers, the headline first. */
  readonly numbers?: readonly BoundNumber[];
  readonly hypotheses?: readonly BoundHypothesis[];
  /** True when the headline is at least the loss range B (the theorem says nothing). */
  readonly vacuous?: boolean;
  readonly notes?: readonly string[];
}

export interface EvaluateBoundOptions {
  /** Significant digits of the numbers. */
  readonly digits: number;
}

const refuse = (message: string, span: Span, hint?: string): Diagnostic => error('EB6002', message, hint ? { span, hint } : { span });

function exactOf(a: ArgumentModel<Expr> | undefined): Rational | undefined {
  return a?.kind === 'value' && a.exact instanceof Rational ? a.exact : undefined;
}

function integerArg(entry: EntryModel<Expr>, name: string, fallback?: number): Result<number> {
  const a = entry.args.get(name);
  if (!a) return fallback !== undefined ? ok(fallback) : fail(refuse(`${entry.entry} needs ${name}`, entry.span));
  const q = exactOf(a);
  if (!q || !q.isInteger() || q.n > 10_000n || q.n < 0n) return fail(refuse(`${entry.entry}: ${name} must be a known integer (at most 10000) for the theorem library`, a.span));
  return ok(Number(q.n));
}

function rationalArg(entry: EntryModel<Expr>, name: string, fallback?: Rational): Result<Rational> {
  const a = entry.args.get(name);
  if (!a) return fallback ? ok(fallback) : fail(refuse(`${entry.entry} needs ${name}`, entry.span));
  const q = exactOf(a);
  return q ? ok(q) : fail(refuse(`${entry.entry}: ${name} must have a known rational value for the theorem library`, a.span, 'give the parameters it uses exact values'));
}

/** A numeric catalog argument as a theory parameter: its exact value, or free when it is a free parameter. */
function paramArg(entry: EntryModel<Expr>, name: string, scope: Scope): Result<Param> {
  const a = entry.args.get(name);
  if (!a) return fail(refuse(`${entry.entry} needs ${name}`, entry.span));
  const q = exactOf(a);
  if (q) return ok(value(q));
  if (a.kind === 'value' && a.value.kind === 'sym') {
    const p = scope.parameters.get(a.value.name);
    if (p) return ok(parameter(p));
  }
  return fail(refuse(`${entry.entry}: ${name} must be a number or a parameter`, a.span));
}

function parameter(p: ParameterModel<Expr, Rational>): Param {
  return p.exact ? value(p.exact) : free(p.domain);
}

function spaceSpec(space: SpaceModel<Expr>): Result<SpaceSpec> {
  if (space.kind === 'covering') return fail(refuse(`space ${space.name} is given by a covering formula; the theorem library needs a power-law or catalog space here`, space.span, 'use a catalog space (cube, ball, circle, torus, simplex)'));
  const e = space.definition;
  switch (e.entry) {
    case 'cube': {
      const metric = e.args.get('metric');
      if (metric?.kind === 'word' && metric.word !== 'sup') return fail(refuse('the cube covering of the catalog is for the sup metric', metric.span, 'write metric = sup'));
      const side = rationalArg(e, 'side');
      const dim = integerArg(e, 'dim');
      if (!side.ok) return side;
      if (!dim.ok) return dim;
      const half = side.value.mul(Rational.HALF);
      return ok({ kind: 'cube', lower: half.neg(), upper: half, dim: dim.value });
    }
    case 'ball': {
      const metric = e.args.get('metric');
      if (metric?.kind === 'word' && metric.word !== 'euclidean') return fail(refuse('the ball covering of the catalog is for the Euclidean metric', metric.span));
      const radius = rationalArg(e, 'radius');
      const dim = integerArg(e, 'dim');
      if (!radius.ok) return radius;
      if (!dim.ok) return dim;
      return ok({ kind: 'ball', radius: radius.value, dim: dim.value });
    }
    case 'circle': {
      const r = rationalArg(e, 'radius', Rational.ONE);
      if (!r.ok) return r;
      if (!r.value.isOne()) return fail(refuse('the theorem library knows the unit circle only', e.args.get('radius')?.span ?? e.span, 'rescale the Lipschitz constant instead: a circle of radius R is the unit circle with L multiplied by R'));
      return ok({ kind: 'circle' });
    }
    case 'sphere': {
      const dim = integerArg(e, 'dim');
      return dim.ok ? ok({ kind: 'sphere', dim: dim.value }) : dim;
    }
    case 'torus': {
      if (e.args.has('side')) return fail(refuse('the theorem library knows the torus with circumference 2 pi only', e.args.get('side')!.span));
      const dim = integerArg(e, 'dim');
      return dim.ok ? ok({ kind: 'torus', dim: dim.value }) : dim;
    }
    case 'simplex': {
      const dim = integerArg(e, 'dim');
      const side = rationalArg(e, 'side', Rational.ONE);
      if (!dim.ok) return dim;
      if (!side.ok) return side;
      return ok({ kind: 'sorted-cone', lower: Rational.ZERO, upper: side.value, dim: dim.value });
    }
  }
  return fail(refuse(`the theorem library has no covering numbers for ${e.entry}`, e.span));
}

function groupSpec(entry: EntryModel<Expr>, scope: Scope, model: Model<Expr, Rational>): Result<GroupSpec> {
  switch (entry.entry) {
    case 'trivial':
      return ok({ kind: 'trivial' });
    case 'cyclic':
    case 'dihedral': {
      const m = integerArg(entry, 'm');
      return m.ok ? ok({ kind: entry.entry, m: m.value }) : m;
    }
    case 'signflips':
    case 'permutations': {
      const d = integerArg(entry, 'd');
      return d.ok ? ok({ kind: entry.entry, d: d.value }) : d;
    }
    case 'SO':
      return ok({ kind: 'SO2' });
    case 'finite': {
      const order = integerArg(entry, 'order');
      if (!order.ok) return order;
      const dom = entry.args.get('domain');
      const target = dom?.kind === 'reference' ? (scope.spaces.get(dom.target) ?? model.top.spaces.get(dom.target)) : undefined;
      if (!target) return fail(refuse('finite(order, domain) needs the fundamental domain as a declared space', dom?.span ?? entry.span));
      const fd = spaceSpec(target);
      if (!fd.ok) return fd;
      return ok({ kind: 'finite', name: 'G', order: BigInt(order.value), fundamentalDomain: fd.value, isometric: true });
    }
  }
  return fail(refuse(`the theorem library does not know the group ${entry.entry}`, entry.span));
}

/** Rotations by 2 pi j/m generate a subset of C_m: the generators as multiples j of 2 pi/m. */
function transformationSpec(scope: Scope, name: string, span: Span): Result<TransformationSetSpec> {
  const t = scope.transformations.get(name);
  if (!t) return fail(refuse(`no transformations named ${name}`, span));
  const steps: Rational[] = [];
  for (const g of t.generators) {
    const angle = g.args.get('angle');
    if (g.entry !== 'rotation' || angle?.kind !== 'value') return fail(refuse('the theorem library handles sets of rotations of the circle', g.span));
    // angle = 2*pi*q: q must be rational
    const q = b.div(angle.value, b.mul(b.TWO, b.PI));
    if (q.kind !== 'num') return fail(refuse('a rotation angle must be a rational multiple of 2*pi', angle.span));
    steps.push(q.value);
  }
  const m = steps.reduce((acc, q) => (acc * q.d) / gcd(acc, q.d), 1n);
  if (m > 10_000n) return fail(refuse('the rotations generate too large a cyclic group', t.span));
  return ok({ kind: 'cyclic', m: Number(m), generators: steps.map((q) => Number(((q.n * m) / q.d) % m + m) % Number(m)) });
}

function gcd(a: bigint, c: bigint): bigint {
  while (c !== 0n) [a, c] = [c, a % c];
  return a;
}

function lossSpec(scope: Scope): Result<LossSpec> {
  const loss = scope.loss;
  if (!loss) return ok({ kind: 'absolute' });
  const e = loss.definition;
  if (e.entry === 'absolute' || e.entry === 'squared' || e.entry === 'hinge') return ok({ kind: e.entry });
  if (e.entry === 'lipschitz') {
    const lambda = paramArg(e, 'lambda', scope);
    if (!lambda.ok) return lambda;
    if (!loss.boundedBy) return fail(refuse('a Lipschitz loss needs `bounded by B`', loss.span));
    const B = loss.boundedBy.kind === 'num' ? value(loss.boundedBy.value) : undefined;
    if (!B) return fail(refuse('the loss bound B must have a known value', loss.span));
    return ok({ kind: 'lipschitz', lambda: lambda.value, B });
  }
  return fail(refuse(`the theorem library does not know the loss ${e.entry}`, e.span));
}

function named(scope: Scope, names: readonly string[]): ParameterModel<Expr, Rational> | undefined {
  for (const n of names) {
    const p = scope.parameters.get(n);
    if (p) return p;
  }
  return undefined;
}

/** The bound's argument `name` as a parameter, else the setting's parameter of that name (or role). */
function sampleParam(bound: BoundModel<Expr>, scope: Scope, names: readonly string[], role?: 'data' | 'model'): Param | undefined {
  for (const n of names) {
    const q = exactOf(bound.args.get(n));
    if (q) return value(q);
  }
  const p = named(scope, names) ?? (role ? [...scope.parameters.values()].find((x) => x.role === role) : undefined);
  return p ? parameter(p) : undefined;
}

/** Maps a checked setting (and the bound's overrides: group = trivial, class = F, n = …) to a theory Setting. */
export function settingFromScope(scope: Scope, model: Model<Expr, Rational>, bound: BoundModel<Expr>): Result<Setting> {
  const classArg = bound.args.get('class');
  const classes = [...scope.classes.values()];
  const cls = classArg?.kind === 'reference' ? scope.classes.get(classArg.target) : classes.length === 1 ? classes[0] : undefined;
  if (!cls) return fail(refuse(classes.length === 0 ? `setting ${scope.name} declares no hypothesis class` : `setting ${scope.name} declares several classes`, bound.span, 'name one: class = F'));
  const space = scope.spaces.get(cls.space) ?? model.top.spaces.get(cls.space);
  if (!space) return fail(refuse(`the class ${cls.name} is on an unknown space ${cls.space}`, cls.span));
  const spaceR = spaceSpec(space);
  if (!spaceR.ok) return spaceR;

  const groupArg = bound.args.get('group');
  let group: GroupSpec = { kind: 'trivial' };
  let transformations: TransformationSetSpec | undefined;
  let equivariance: ClassSpec['equivariance'] = 'none';
  let eps: Param | undefined;
  if (groupArg?.kind === 'word' && groupArg.word === 'trivial') {
    group = { kind: 'trivial' };
  } else {
    const target = groupArg?.kind === 'reference' ? groupArg.target : cls.symmetry?.group;
    if (target) {
      const g = scope.groups.get(target) ?? model.top.groups.get(target);
      if (g) {
        const gr = groupSpec(g.definition, scope, model);
        if (!gr.ok) return gr;
        group = gr.value;
      } else {
        const tr = transformationSpec(scope, target, cls.span);
        if (!tr.ok) return tr;
        transformations = tr.value;
        group = { kind: 'cyclic', m: tr.value.m };
      }
      equivariance = cls.symmetry?.kind === 'approximate' ? 'approximate' : 'exact';
      if (cls.symmetry?.within) eps = cls.symmetry.within.kind === 'num' ? value(cls.symmetry.within.value) : undefined;
    }
  }
  const e = cls.definition;
  const L = paramArg(e, 'L', scope);
  const M = paramArg(e, 'M', scope);
  const k = integerArg(e, 'out', 1);
  if (!L.ok) return L;
  if (!M.ok) return M;
  if (!k.ok) return k;
  const loss = lossSpec(scope);
  if (!loss.ok) return loss;
  const n = sampleParam(bound, scope, ['n']);
  const delta = sampleParam(bound, scope, ['delta']);
  if (!n || !delta) return fail(refuse(`the setting needs the sample size n and the confidence parameter delta`, bound.span, 'declare param n and param delta, or pass n = …, delta = … to the bound'));
  const eta = sampleParam(bound, scope, ['eta'], 'data');
  eps ??= sampleParam(bound, scope, ['eps', 'epsilon'], 'model');
  const Lstar = sampleParam(bound, scope, ['Lstar', 'L_star']);
  // approx.l2: `law = invariant` states that the input law is G-invariant; eta2 is ||f* - Q f*|| in L^2(mu).
  const lawArg = bound.args.get('law');
  if (lawArg && !(lawArg.kind === 'word' && lawArg.word === 'invariant')) return fail(refuse('`law` takes the word invariant (the input law is G-invariant)', bound.span, 'write law = invariant, or leave the argument out'));
  const eta2 = sampleParam(bound, scope, ['eta2', 'eta_2']);
  return ok({
    space: spaceR.value,
    group,
    ...(transformations ? { transformations } : {}),
    hypothesisClass: { L: L.value, M: M.value, k: k.value, equivariance },
    loss: loss.value,
    n,
    delta,
    ...(eps ? { eps } : {}),
    ...(eta ? { eta } : {}),
    ...(Lstar ? { Lstar } : {}),
    ...(eta2 ? { eta2 } : {}),
    ...(lawArg ? { invariantInputLaw: true } : {}),
  });
}

function numberOf(v: TheoryValue, digits: number): BoundNumber {
  const base = { name: v.name, description: v.description, ...(v.vacuous !== undefined ? { vacuous: v.vacuous } : {}), ...(v.expr && freeSymbols(v.expr).size === 0 ? { closedForm: toText(v.expr) } : {}) };
  if (v.exact) return { ...base, text: v.exact.toString(), exact: true, certified: true };
  if (v.approximation) {
    const a = v.approximation;
    const isExact = a.exact !== undefined && a.lower.equals(a.upper);
    return { ...base, text: isExact ? formatDecimal(a.exact!, digits) : a.text, exact: isExact, certified: v.certified === true && a.correctlyRounded, ...(v.method ? { note: v.method } : {}) };
  }
  return { ...base, exact: false, certified: false, note: v.notComputed ? `not computed: ${v.notComputed.message.replace(/^\S+ was not computed: /, '')} (${v.notComputed.code})` : 'not computed' };
}

/** The relation a theorem states, from the last token of its relation text ("Gamma_G/Gamma_1 =" is an identity). */
function relationSymbol(relation: string): '=' | '<=' | '>=' | undefined {
  const m = /(<=|>=|=)\s*$/.exec(relation);
  return m ? (m[1] as '=' | '<=' | '>=') : undefined;
}

/**
 * The value the bound's expression stands for: the one named by the relation's left side (gain.finite's
 * "Gamma_G/Gamma_1 ="), else the first. Only that value may be printed as the bound's value.
 */
function headlineOf(relation: string, values: readonly TheoryValue[]): TheoryValue | undefined {
  const lhs = relation.replace(/\s*(<=|>=|=|~|:)\s*$/, '').trim();
  return values.find((v) => v.name === lhs) ?? values[0];
}

export const theoremLibrary = {
  theorems: new Set<string>(theoremIds),
  async evaluate(bound: BoundModel<Expr>, scope: Scope, model: Model<Expr, Rational>, options: EvaluateBoundOptions = { digits: 20 }): Promise<Result<BoundValue>> {
    const setting = settingFromScope(scope, model, bound);
    if (!setting.ok) return setting;
    // tradeoff.optimal / sample.size: `tau = …` is the target; `n0 = search` asks for the (slow) n0 search.
    const tau = exactOf(bound.args.get('tau'));
    const n0Arg = bound.args.get('n0');
    const searchN0 = n0Arg?.kind === 'word' && n0Arg.word === 'search';
    const tradeoff = tau || searchN0 ? { tradeoff: { ...(tau ? { tau } : {}), ...(searchN0 ? { n0: true } : {}) } } : {};
    const r = await instantiate(bound.theorem, setting.value, { digits: options.digits, ...tradeoff });
    if (!r.ok) return fail(...r.diagnostics.map((d) => (d.span ? d : { ...d, span: bound.theoremSpan })));
    const inst = r.value;
    const headline = (inst.headline ? inst.values.find((v) => v.name === inst.headline) : undefined) ?? headlineOf(inst.relation, inst.values);
    const ordered = headline ? [headline, ...inst.values.filter((v) => v !== headline)] : [...inst.values];
    const numbers = ordered.map((v) => numberOf(v, options.digits));
    // A bound is vacuous when its headline value is; other values (e.g. Gamma_1 beside a ratio) do not decide it.
    const vacuous = headline?.vacuous === true;
    // A closed value (exact rational) may stand in expressions; otherwise the bound is its expression.
    const closed = headline?.exact ? b.num(headline.exact) : inst.bound;
    // Without a relation symbol (sample.size's "least n …:"), an exact headline is simply what the bound equals.
    const symbol = relationSymbol(inst.relation) ?? (headline?.exact ? '=' : undefined);
    return ok({
      value: substitute(closed, new Map()),
      relation: inst.relation,
      ...(symbol ? { relationSymbol: symbol } : {}),
      numbers,
      hypotheses: inst.hypotheses.map((h) => ({ name: h.name, statement: h.statement, how: h.how, detail: h.detail })),
      vacuous,
      notes: inst.notes,
    });
  },
};
