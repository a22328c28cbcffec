// `by monotone`: a step f(a) <= f(b) where the two sides differ only in one subexpression, a on the
// left and b on the right (possibly at several places). Proven when a <= b by sign inference, f is
// defined for every positive value of the hole (or every real, if a and b may be non-positive), and
// f'(t) >= 0 there by sign inference (our derivative, src/cas/derivative.ts); f non-increasing with
// a >= b works the same way. Strict steps need a < b and f' > 0.

import { derivative } from '../cas/derivative.js';
import * as b from '../expr/build.js';
import { positiveReal, real, type Assumptions } from '../expr/domains.js';
import { signOf, NEG, POS, ZER } from '../expr/sign.js';
import { children, freeSymbols, rebuild } from '../expr/traverse.js';
import { equals, type Expr } from '../expr/types.js';
import { signOfForms } from './algebra.js';
import { guardsOf } from './definedness.js';
import { proven } from './proof.js';
import { normalise, type Relation, type StepResult } from './step.js';

interface Difference {
  readonly a: Expr;
  readonly b: Expr;
}

/** The single pair of differing subexpressions (same pair at every place), or undefined. */
function difference(x: Expr, y: Expr, found: Difference[]): boolean {
  if (equals(x, y)) return true;
  const kx = children(x);
  const ky = children(y);
  const sameShape = x.kind === y.kind && kx.length === ky.length && kx.length > 0 && (x.kind !== 'apply' || (y.kind === 'apply' && x.fn === y.fn)) && x.kind !== 'add' && x.kind !== 'mul';
  const sameOperands = (x.kind === 'add' || x.kind === 'mul') && x.kind === y.kind && kx.length === ky.length;
  if (sameShape || sameOperands) {
    // Descend only if at most one operand differs at this level or all differing ones differ alike.
    return kx.every((c, i) => difference(c, ky[i]!, found));
  }
  if (found.length > 0 && !(equals(found[0]!.a, x) && equals(found[0]!.b, y))) return false;
  if (found.length === 0) found.push({ a: x, b: y });
  return true;
}

function replace(e: Expr, target: Expr, by: Expr): Expr {
  if (equals(e, target)) return by;
  const k = children(e);
  if (k.length === 0) return e;
  return rebuild(e, k.map((c) => replace(c, target, by)));
}

function holeName(taken: Set<string>): string {
  let n = 't_hole';
  for (let i = 1; taken.has(n); i++) n = `t_hole${i}`;
  return n;
}

/** The guard conditions of f hold for every t in the hole's domain, by sign inference. */
function definedEverywhere(f: Expr, a: Assumptions): boolean {
  const guards = guardsOf(f);
  if (!guards) return false;
  return guards.every((g) => {
    const m = signOf(g.expr, a);
    return g.need === 'positive' ? m === POS : g.need === 'nonnegative' ? (m & NEG) === 0 : (m & ZER) === 0;
  });
}

export function checkMonotone(lhs: Expr, rel: Relation, rhs: Expr, a: Assumptions): StepResult {
  const n = normalise(lhs, rel, rhs);
  if (n.rel === '=') return { status: 'undecided', reason: 'by monotone justifies inequalities only', code: 'EB7002' };
  const found: Difference[] = [];
  if (!difference(n.small, n.large, found) || found.length === 0) {
    return { status: 'undecided', code: 'EB7002', reason: 'the sides do not differ in a single subexpression f(a) vs f(b)' };
  }
  const { a: lo, b: hi } = found[0]!;
  const taken = new Set([...freeSymbols(n.small), ...freeSymbols(n.large)]);
  const t = holeName(taken);
  const f = replace(n.small, lo, b.sym(t));
  if (!equals(replace(n.large, hi, b.sym(t)), f)) return { status: 'undecided', code: 'EB7002', reason: 'could not isolate f in f(a) <= f(b)' };
  const strict = n.rel === '<';
  const bothPositive = signOf(lo, a) === POS && signOf(hi, a) === POS;
  const at = a.with(t, bothPositive ? positiveReal : real);
  if (!definedEverywhere(f, at)) return { status: 'undecided', code: 'EB7002', reason: `f is not shown defined on the whole range of the argument (${bothPositive ? 't > 0' : 't real'})` };
  const d = derivative(f, t);
  if (!d.ok) return { status: 'undecided', code: 'EB7002', reason: `no derivative: ${d.diagnostics[0]?.message ?? 'not differentiable'}` };
  const dm = signOfForms(d.value, at);
  const gap = signOfForms(b.sub(hi, lo), a);
  const increasing = strict ? dm === POS : (dm & NEG) === 0;
  const decreasing = strict ? dm === NEG : (dm & POS) === 0;
  const ordered = strict ? gap === POS : (gap & NEG) === 0;
  const reversed = strict ? gap === NEG : (gap & POS) === 0;
  if (increasing && ordered) return proven('monotone', `f is ${strict ? 'increasing' : 'non-decreasing'} (sign of f') and the argument grows`);
  if (decreasing && reversed) return proven('monotone', `f is ${strict ? 'decreasing' : 'non-increasing'} (sign of f') and the argument shrinks`);
  return { status: 'undecided', code: 'EB7002', reason: 'the signs of f\' and of the argument change could not be established' };
}
