// `by theorem ID(args)`: the step is proven when it is an arithmetic instance of the theorem
// (src/theory/theorem-steps.ts) whose relation implies the step's, each side equals the instance's side by
// the algebra checker's proof path (rewriting, or CAS results certified by it), and every hypothesis of the
// instance follows from the declared domains (exact, sign inference, or the interval prover). An equality
// only verified at sample points makes the step at most verified; otherwise the step is undecided with the
// reason, unless a certified counterexample to the step itself is found.

import * as b from '../expr/build.js';
import { Assumptions, atLeast, interval, real, type Domain } from '../expr/domains.js';
import { Rational } from '../expr/rational.js';
import { provablyZero } from '../expr/rewrite.js';
import { children, freeSymbols, substitute } from '../expr/traverse.js';
import { boundVariable, equals, type Binder, type Expr } from '../expr/types.js';
import { instanceText, theoremStepInstances, type InstanceHypothesis, type TheoremInstance, type TheoremStepSetting } from '../theory/theorem-steps.js';
import { checkAlgebra, sampleStep, signProof } from './algebra.js';
import { proveOverBox } from './interval-prover.js';
import { comparePoint } from './point-check.js';
import { proven } from './proof.js';
import { budgetOf, normalise, type BoxRange, type CheckContext, type Relation, type Step, type StepResult } from './step.js';

// ---- equality of a side with the instance's side ------------------------------------

/** Alpha-renames every bound variable to `_<depth>` (not a name of the language), so equal binders compare equal. */
export function canonicalBinders(e: Expr, depth = 0): Expr {
  if (e.kind === 'integral' || e.kind === 'extremum' || e.kind === 'sum' || e.kind === 'limit') {
    const binder: Binder = e;
    const fresh = `_${depth}`;
    const body = canonicalBinders(substitute(binder.body, new Map([[boundVariable(binder), b.sym(fresh)]])), depth + 1);
    switch (binder.kind) {
      case 'integral':
        return b.integral(fresh, canonicalBinders(binder.lower, depth), canonicalBinders(binder.upper, depth), body);
      case 'extremum':
        return b.extremum(binder.which, fresh, canonicalBinders(binder.lower, depth), canonicalBinders(binder.upper, depth), body);
      case 'sum':
        return b.sum(fresh, canonicalBinders(binder.lower, depth), canonicalBinders(binder.upper, depth), body);
      case 'limit':
        return b.limit(fresh, canonicalBinders(binder.to, depth), body);
    }
  }
  switch (e.kind) {
    case 'add':
      return b.add(...e.terms.map((t) => canonicalBinders(t, depth)));
    case 'mul':
      return b.mul(...e.factors.map((f) => canonicalBinders(f, depth)));
    case 'pow':
      return b.pow(canonicalBinders(e.base, depth), canonicalBinders(e.exponent, depth));
    case 'apply':
      return b.apply(e.fn, e.args.map((a) => canonicalBinders(a, depth)));
    default:
      return e;
  }
}

/** Bound variables range over their own limits: rewriting may assume nothing about them. */
function withBinderDomains(a: Assumptions, ...es: Expr[]): Assumptions {
  let out = a;
  const names = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'sym' && e.name.startsWith('_')) names.add(e.name);
    children(e).forEach(visit);
  };
  es.forEach(visit);
  for (const n of names) out = out.with(n, real);
  return out;
}

/** Whether the point evaluator can enclose e: it has no integral, inf, sup or limit (sampling it is futile otherwise). */
export function pointEvaluable(e: Expr): boolean {
  return e.kind !== 'integral' && e.kind !== 'extremum' && e.kind !== 'limit' && children(e).every(pointEvaluable);
}

type Equality = 'proven' | 'numeric' | 'no';

/** x = y by alpha-equivalence or rewriting (cheap); `thorough` adds the CAS and sampling of checkAlgebra. */
async function sameValue(x: Expr, y: Expr, ctx: CheckContext, thorough: boolean, seen: Seen): Promise<Equality> {
  // Keyed by the nodes themselves: the step's sides and the instances' sides are the same objects on every call.
  let row = seen.get(x);
  if (!row) seen.set(x, (row = new Map()));
  const known = row.get(y);
  const cheap = known?.cheap ?? (await decideEqual(x, y, ctx, false, false));
  const out = !thorough || cheap !== 'no' ? cheap : (known?.thorough ?? (await decideEqual(x, y, ctx, true, true)));
  row.set(y, { cheap, ...(thorough ? { thorough: out } : {}) });
  return out;
}

type Seen = Map<Expr, Map<Expr, { readonly cheap: Equality; readonly thorough?: Equality }>>;

async function decideEqual(x: Expr, y: Expr, ctx: CheckContext, thorough: boolean, cheapFailed: boolean): Promise<Equality> {
  const cx = canonicalBinders(x);
  const cy = canonicalBinders(y);
  const a = withBinderDomains(ctx.assumptions, cx, cy);
  if (!cheapFailed) {
    if (equals(cx, cy)) return 'proven';
    if (provablyZero(b.sub(cx, cy), a).proven) return 'proven';
  }
  if (!thorough || !pointEvaluable(cx) || !pointEvaluable(cy)) return 'no';
  const r = await checkAlgebra(cx, '=', cy, { ...ctx, assumptions: a });
  return r.status === 'proven' ? 'proven' : r.status === 'verified-numerically' ? 'numeric' : 'no';
}

// ---- relations --------------------------------------------------------------------

const flip = { '<=': '>=', '=': '=', '>=': '<=' } as const;

/** Whether `x rel y` (the theorem's, oriented along the step) implies the step's `x stepRel y`. */
function implies(rel: '<=' | '=' | '>=', stepRel: Relation): boolean {
  if (rel === '=') return stepRel === '=' || stepRel === '<=' || stepRel === '>=';
  return rel === stepRel;
}

interface Candidate {
  readonly instance: TheoremInstance;
  /** The instance's relation read from the step's lhs to its rhs. */
  readonly rel: '<=' | '=' | '>=';
  readonly lhs: Equality;
  readonly rhs: Equality;
}

async function candidates(step: Step, instances: readonly TheoremInstance[], ctx: CheckContext, thorough: boolean, seen: Seen): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const instance of instances) {
    for (const reversed of [false, true]) {
      const [x, y] = reversed ? [instance.rhs, instance.lhs] : [instance.lhs, instance.rhs];
      const lhs = await sameValue(step.lhs, x, ctx, thorough, seen);
      if (lhs === 'no') continue;
      const rhs = await sameValue(step.rhs, y, ctx, thorough, seen);
      if (rhs !== 'no') out.push({ instance, rel: reversed ? flip[instance.rel] : instance.rel, lhs, rhs });
    }
  }
  return out;
}

// ---- hypotheses -------------------------------------------------------------------

function domainText(name: string, d: Domain): string {
  const int = d.integer ? ' integer' : '';
  if (d.lower && d.upper) return `${name}${int} in ${d.lower.open ? '(' : '['}${d.lower.value}, ${d.upper.value}${d.upper.open ? ')' : ']'}`;
  if (d.lower) return `${name}${int} ${d.lower.open ? '>' : '>='} ${d.lower.value}`;
  if (d.upper) return `${name}${int} ${d.upper.open ? '<' : '<='} ${d.upper.value}`;
  return `${name}${int} real`;
}

/** The least (or greatest) value of a domain, with whether it is attained; undefined when unbounded. */
function end(d: Domain, which: 'lower' | 'upper'): { value: Rational; open: boolean } | undefined {
  const e = d[which];
  if (!e) return undefined;
  if (!d.integer) return e;
  const v = which === 'lower' ? e.value.ceil() : e.value.floor();
  const step = which === 'lower' ? Rational.ONE : Rational.ONE.neg();
  return { value: e.open && v.equals(e.value) ? v.add(step) : v, open: false };
}

/** c x + c0 > 0 (>= 0) over the domain of x, decided exactly when large - small is affine in one symbol. */
function affineHolds(g: Expr, strict: boolean, a: Assumptions): boolean {
  const names = [...freeSymbols(g)];
  if (names.length !== 1) return false;
  const x = names[0]!;
  const at = (v: number) => substitute(g, new Map([[x, b.num(v)]]));
  const g0 = at(0);
  const g1 = at(1);
  if (g0.kind !== 'num' || g1.kind !== 'num') return false;
  const c = g1.value.sub(g0.value);
  if (!equals(b.add(g0, b.mul(b.num(c), b.sym(x))), g)) return false;
  const d = a.domainOf(x);
  if (c.isZero()) return strict ? g0.value.sign > 0 : g0.value.sign >= 0;
  const e = end(d, c.sign > 0 ? 'lower' : 'upper');
  if (!e) return false;
  const v = c.mul(e.value).add(g0.value);
  return strict ? v.sign > 0 || (v.sign === 0 && e.open) : v.sign >= 0;
}

/** The declared domains of the symbols as a closed box (open ends closed: a stronger claim); undefined if unbounded below. */
function declaredBox(symbols: Iterable<string>, a: Assumptions): BoxRange[] | undefined {
  const box: BoxRange[] = [];
  for (const s of symbols) {
    const d = a.domainOf(s);
    if (!d.lower) return undefined;
    box.push({ variable: s, lower: d.lower.value, ...(d.upper ? { upper: d.upper.value } : {}), ...(d.integer ? { integer: true } : {}) });
  }
  return box;
}

/** small < large (<=) for every value of the free symbols in their domains: exactly, by an affine bound, or by signs. */
async function holdsCheaply(small: Expr, rel: '<' | '<=', large: Expr, a: Assumptions, ctx: CheckContext): Promise<boolean> {
  const strict = rel === '<';
  if (freeSymbols(small).size + freeSymbols(large).size === 0) return (await comparePoint(small, rel, large, new Map(), budgetOf(ctx).digits)).verdict === 'holds';
  return affineHolds(b.sub(large, small), strict, a) || signProof(small, large, strict, a) !== undefined;
}

/** The same by the interval prover over the closure of the declared domains (a stronger claim). */
async function holdsOverBox(small: Expr, rel: '<' | '<=', large: Expr, a: Assumptions, ctx: CheckContext): Promise<boolean> {
  const box = declaredBox(new Set([...freeSymbols(small), ...freeSymbols(large)]), a);
  if (!box || box.length === 0) return false;
  const budget = budgetOf(ctx);
  const r = await proveOverBox(small, rel, large, box, { boxes: budget.boxes, timeMs: budget.timeMs, digits: budget.digits });
  return r.status === 'proven';
}

async function holds(small: Expr, rel: '<' | '<=', large: Expr, a: Assumptions, ctx: CheckContext): Promise<boolean> {
  return (await holdsCheaply(small, rel, large, a, ctx)) || holdsOverBox(small, rel, large, a, ctx);
}

/**
 * For every v in (lo, hi): by signs on the open interval; then with v = lo + (hi - lo)/(1 + w), w >= 0 (onto
 * (lo, hi]), which keeps the prover off a singularity at the open end lo (1/t at t = 0); then over [lo, hi].
 */
async function holdsBetween(h: InstanceHypothesis, v: string, lo: Rational, hi: Rational, a: Assumptions, ctx: CheckContext): Promise<boolean> {
  if (hi.le(lo)) return true;
  const open = a.with(v, interval(lo, hi, { openLower: true, openUpper: true }));
  if (await holdsCheaply(h.small, h.rel, h.large, open, ctx)) return true;
  const w = `${v}_w`;
  const at = new Map([[v, b.add(b.num(lo), b.div(b.num(hi.sub(lo)), b.add(b.ONE, b.sym(w))))]]);
  if (await holdsOverBox(substitute(h.small, at), h.rel, substitute(h.large, at), a.with(w, atLeast(Rational.ZERO)), ctx)) return true;
  return holdsOverBox(h.small, h.rel, h.large, open, ctx);
}

/** A hypothesis of the instance on the declared domains; a quantified one over its range. */
async function hypothesisHolds(h: InstanceHypothesis, ctx: CheckContext): Promise<boolean> {
  const a = ctx.assumptions;
  if (!h.over) return holds(h.small, h.rel, h.large, a, ctx);
  const { variable, lower, upper } = h.over;
  if (upper === undefined) {
    if (lower.kind !== 'num') return false;
    return holds(h.small, h.rel, h.large, a.with(variable, atLeast(lower.value, { open: true })), ctx);
  }
  // Vacuous when the range is empty.
  if (lower.kind === 'num' && upper.kind === 'num') return holdsBetween(h, variable, lower.value, upper.value, a, ctx);
  if (await holdsCheaply(upper, '<=', lower, a, ctx)) return true;
  // Over the hull of the range on the declared domains: every (lower, upper) lies inside (least lower, greatest upper).
  const lo = extreme(lower, 'lower', a);
  const hi = extreme(upper, 'upper', a);
  if (lo !== undefined && hi !== undefined && (await holdsBetween(h, variable, lo, hi, a, ctx))) return true;
  // v = lower + (upper - lower) u with u in (0, 1): the range when lower < upper, a superset of the claim otherwise.
  const u = `${variable}_u`;
  const at = new Map([[variable, b.add(lower, b.mul(b.sub(upper, lower), b.sym(u)))]]);
  return holds(substitute(h.small, at), h.rel, substitute(h.large, at), a.with(u, interval(Rational.ZERO, Rational.ONE, { openLower: true, openUpper: true })), ctx);
}

/** The least (greatest) value of a number or a declared symbol; undefined for other expressions or unbounded domains. */
function extreme(e: Expr, which: 'lower' | 'upper', a: Assumptions): Rational | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind !== 'sym') return undefined;
  return end(a.domainOf(e.name), which)?.value;
}

function hypothesisReason(h: InstanceHypothesis, theorem: string, a: Assumptions): string {
  const names = [...new Set([...freeSymbols(h.small), ...freeSymbols(h.large), ...(h.over ? [...freeSymbols(h.over.lower), ...(h.over.upper ? freeSymbols(h.over.upper) : [])] : [])])].filter((s) => s !== h.over?.variable).sort();
  const domains = names.map((s) => domainText(s, a.domainOf(s)));
  return `hypothesis ${h.text} of ${theorem} is not implied by ${domains.length > 0 ? domains.join(', ') : 'the numbers (it is false or undecided)'}`;
}

// ---- the step ---------------------------------------------------------------------

const MAX_STATEMENT = 400;

function clip(text: string): string {
  return text.length <= MAX_STATEMENT ? text : `${text.slice(0, MAX_STATEMENT)}…`;
}

/** An undecided verdict, unless sampling finds a certified counterexample to the step itself. */
async function undecided(step: Step, code: 'EB7009' | 'EB7010' | 'EB7011', reason: string, ctx: CheckContext): Promise<StepResult> {
  const n = normalise(step.lhs, step.rel, step.rhs);
  if (!pointEvaluable(n.small) || !pointEvaluable(n.large)) return { status: 'undecided', code, reason };
  const sampled = await sampleStep(n.small, n.rel, n.large, ctx);
  if (sampled.result.status === 'refuted') return { ...sampled.result, reason: `the step ${sampled.result.reason}; ${reason}` };
  return { status: 'undecided', code, reason };
}

export async function checkTheoremInstance(step: Step, id: string, args: readonly Expr[], setting: TheoremStepSetting, ctx: CheckContext): Promise<StepResult> {
  const found = theoremStepInstances(id, args, setting);
  if (!found.ok) return undecided(step, found.kind === 'not-arithmetic' ? 'EB7010' : 'EB7009', found.reason, ctx);
  if (found.instances.length === 0) return undecided(step, 'EB7010', `${id} gives no instance here`, ctx);
  const seen: Seen = new Map();
  let matched = await candidates(step, found.instances, ctx, false, seen);
  if (!matched.some((c) => implies(c.rel, step.rel))) {
    const more = await candidates(step, found.instances, ctx, true, seen);
    if (more.length > 0) matched = more;
  }
  const usable = matched.filter((c) => implies(c.rel, step.rel));
  usable.sort((x, y) => score(y) - score(x));
  let failed: string | undefined;
  for (const c of usable) {
    const i = c.instance;
    let missing: InstanceHypothesis | undefined;
    for (const h of i.hypotheses) {
      if (!(await hypothesisHolds(h, ctx))) {
        missing = h;
        break;
      }
    }
    if (missing) {
      failed ??= hypothesisReason(missing, id, ctx.assumptions);
      continue;
    }
    const what = `instance of ${id} (${i.form}); its hypotheses hold on the declared domains`;
    if (c.lhs === 'proven' && c.rhs === 'proven') return proven('theorem', what, [id]);
    const budget = budgetOf(ctx);
    return {
      status: 'verified-numerically',
      code: 'EB7006',
      reason: `${what}, but a side equals the theorem's only at ${budget.points} sample points to ${budget.digits} digits (not a proof)`,
      points: budget.points,
      digits: budget.digits,
    };
  }
  if (failed) return undecided(step, 'EB7011', failed, ctx);
  const wrong = matched[0];
  if (wrong) return undecided(step, 'EB7009', `${id} (${wrong.instance.form}) gives lhs ${wrong.rel} rhs for these sides; the step claims ${step.rel}`, ctx);
  const statements = found.instances.map((i) => `${i.form}: ${clip(instanceText(i))}`).join('; or ');
  return undecided(step, 'EB7009', `the step is not an instance of ${id}, which states ${statements}`, ctx);
}

const score = (c: Candidate) => (c.lhs === 'proven' ? 1 : 0) + (c.rhs === 'proven' ? 1 : 0);
