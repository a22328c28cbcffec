// Symbolic differentiation over Expr, built only with the canonical constructors. Where the input is
// not differentiable in the variable the answer is a diagnostic, never a formula that is wrong somewhere.
//
// Main statement: derivative(e, x, a) is f' on the interior of the declared domains wherever f is
// differentiable there, for f built from + * ^ log exp; abs, (u)_+, min and max only when the declared
// domains fix which piece is taken; integrals in their limits by the fundamental theorem of calculus.
// Refused (EB3008): ceil and floor (jumps), factorial and binomial (defined at integers only), abs,
// (u)_+, min, max of the variable when the domains leave a kink possible. Refused (EB3009): an integral
// whose integrand depends on the variable or may jump in its own variable, and a sum, extremum or
// limit in which the variable occurs.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import * as b from './build.js';
import { Assumptions } from './domains.js';
import { toText } from './print/text.js';
import { isNonnegative, isNonpositive } from './sign.js';
import { substitute } from './traverse.js';
import { type Apply, type Expr, type Integral } from './types.js';

/**
 * d e / d x, in canonical form. Symbols not named in `assumptions` are positive reals (the project's
 * default for bound parameters); pass `Assumptions.real` to differentiate without any sign knowledge.
 */
export function derivative(e: Expr, x: string, assumptions: Assumptions = Assumptions.positive): Result<Expr> {
  return new Differentiator(x, assumptions).d(e);
}

/** True when the symbol x occurs free in e (an integral's variable counts in its own limits, as in freeSymbols). */
export function occursIn(e: Expr, x: string): boolean {
  return new Occurrence(x).in(e);
}

class Occurrence {
  private readonly memo = new Map<Expr, boolean>();
  constructor(private readonly x: string) {}

  in(e: Expr): boolean {
    const hit = this.memo.get(e);
    if (hit !== undefined) return hit;
    const r = this.compute(e);
    this.memo.set(e, r);
    return r;
  }

  private compute(e: Expr): boolean {
    switch (e.kind) {
      case 'num':
      case 'const':
        return false;
      case 'sym':
        return e.name === this.x;
      case 'add':
        return e.terms.some((t) => this.in(t));
      case 'mul':
        return e.factors.some((f) => this.in(f));
      case 'pow':
        return this.in(e.base) || this.in(e.exponent);
      case 'apply':
        return e.args.some((a) => this.in(a));
      case 'integral':
      case 'extremum':
      case 'sum':
        return this.in(e.lower) || this.in(e.upper) || ((e.kind === 'sum' ? e.index : e.variable) !== this.x && this.in(e.body));
      case 'limit':
        return this.in(e.to) || (e.variable !== this.x && this.in(e.body));
    }
  }
}

const notDifferentiable = (message: string): Result<Expr> => fail(error('EB3008', message));
const binderRefused = (message: string): Result<Expr> => fail(error('EB3009', message));

class Differentiator {
  private readonly occurs: Occurrence;
  constructor(
    private readonly x: string,
    private readonly assumptions: Assumptions,
  ) {
    this.occurs = new Occurrence(x);
  }

  d(e: Expr): Result<Expr> {
    if (!this.occurs.in(e)) return ok(b.ZERO);
    switch (e.kind) {
      case 'num':
      case 'const':
        return ok(b.ZERO);
      case 'sym':
        return ok(b.ONE);
      case 'add':
        return this.each(e.terms, (ds) => b.add(...ds));
      case 'mul':
        return this.product(e.factors);
      case 'pow':
        return this.power(e.base, e.exponent, e);
      case 'apply':
        return this.application(e);
      case 'integral':
        return this.integral(e);
      case 'extremum':
      case 'sum':
      case 'limit':
        return binderRefused(`${this.x} occurs in ${e.kind === 'extremum' ? `an ${e.which}` : e.kind === 'sum' ? 'a sum' : 'a limit'}; its derivative in ${this.x} is not taken`);
    }
  }

  /** Differentiates every expression of xs, then combines; the first refusal wins. */
  private each(xs: readonly Expr[], combine: (ds: Expr[]) => Expr): Result<Expr> {
    const ds: Expr[] = [];
    for (const t of xs) {
      const r = this.d(t);
      if (!r.ok) return r;
      ds.push(r.value);
    }
    return ok(combine(ds));
  }

  /** Product rule: the sum over the factors f_i that contain x of f_i' times the other factors. */
  private product(factors: readonly Expr[]): Result<Expr> {
    const terms: Expr[] = [];
    for (let i = 0; i < factors.length; i++) {
      if (!this.occurs.in(factors[i]!)) continue;
      const r = this.d(factors[i]!);
      if (!r.ok) return r;
      terms.push(b.mul(r.value, ...factors.filter((_, j) => j !== i)));
    }
    return ok(b.add(...terms));
  }

  private power(base: Expr, exponent: Expr, whole: Expr): Result<Expr> {
    const inBase = this.occurs.in(base);
    const inExponent = this.occurs.in(exponent);
    if (!inExponent) {
      // (u^c)' = c u^(c-1) u', for a rational or symbolic c free of x.
      const du = this.d(base);
      return du.ok ? ok(b.mul(exponent, b.pow(base, b.sub(exponent, b.ONE)), du.value)) : du;
    }
    const dv = this.d(exponent);
    if (!dv.ok) return dv;
    // (c^v)' = c^v log(c) v'; (u^v)' = u^v (v' log u + v u'/u). u^v with v depending on x is defined for u > 0 only.
    if (!inBase) return ok(b.mul(whole, b.log(base), dv.value));
    const du = this.d(base);
    if (!du.ok) return du;
    return ok(b.mul(whole, b.add(b.mul(dv.value, b.log(base)), b.mul(exponent, du.value, b.pow(base, b.MINUS_ONE)))));
  }

  private application(e: Apply): Result<Expr> {
    const u = e.args[0]!;
    const chain = (outer: Expr): Result<Expr> => {
      const du = this.d(u);
      return du.ok ? ok(b.mul(outer, du.value)) : du;
    };
    const a = this.assumptions;
    switch (e.fn) {
      case 'log':
        return chain(b.pow(u, b.MINUS_ONE));
      case 'exp':
        return chain(e);
      case 'abs':
        if (isNonnegative(u, a)) return this.d(u);
        if (isNonpositive(u, a)) return this.d(b.neg(u));
        return notDifferentiable(`abs(${toText(u)}) has a kink where its argument is 0, and the declared domains do not fix its sign`);
      case 'pos':
        if (isNonnegative(u, a)) return this.d(u);
        if (isNonpositive(u, a)) return ok(b.ZERO);
        return notDifferentiable(`the positive part of ${toText(u)} has a kink where its argument is 0, and the declared domains do not fix its sign`);
      case 'min':
      case 'max': {
        const kept = undominated(e.fn, e.args, a);
        if (kept.length === 1) return this.d(kept[0]!);
        return notDifferentiable(`${e.fn} of ${kept.length} arguments has kinks where they cross, and the declared domains do not order them`);
      }
      case 'ceil':
      case 'floor':
        return notDifferentiable(`${e.fn} jumps at the integers; its derivative in ${this.x} is 0 between the jumps and undefined at them`);
      case 'factorial':
      case 'binomial':
        return notDifferentiable(`${e.fn} is defined at integers only; it has no derivative in ${this.x}`);
    }
  }

  /** d/dx of the integral of f(t) dt from l to h, f free of x: f(h) h' - f(l) l' (the fundamental theorem of calculus). */
  private integral(e: Integral): Result<Expr> {
    if (e.variable !== this.x && this.occurs.in(e.body)) {
      return binderRefused(`the integrand of an integral in ${e.variable} depends on ${this.x}; differentiation under the integral sign is not taken`);
    }
    if (!continuousIn(e.body, e.variable)) {
      return binderRefused(`the integrand may jump in ${e.variable} (ceil, floor, factorial, binomial or a binder of it), so the fundamental theorem of calculus is not applied`);
    }
    const at = (limit: Expr) => substitute(e.body, new Map([[e.variable, limit]]));
    const terms: Expr[] = [];
    for (const [limit, sign] of [[e.upper, b.ONE], [e.lower, b.MINUS_ONE]] as const) {
      if (!this.occurs.in(limit)) continue;
      const dl = this.d(limit);
      if (!dl.ok) return dl;
      terms.push(b.mul(sign, at(limit), dl.value));
    }
    return ok(b.add(...terms));
  }
}

/**
 * The arguments of min or max left after removing, one at a time, each argument that another remaining
 * one dominates under the declared domains (z >= y for max, z <= y for min). At least one remains.
 */
function undominated(fn: 'min' | 'max', args: readonly Expr[], a: Assumptions): Expr[] {
  let rest = [...args];
  for (const y of args) {
    const dominated = rest.some((z) => z !== y && isNonnegative(fn === 'max' ? b.sub(z, y) : b.sub(y, z), a));
    if (rest.length > 1 && dominated) rest = rest.filter((w) => w !== y);
  }
  return rest;
}

/**
 * True when e is continuous in t wherever it is defined: built from + * ^ log exp abs (.)_+ min max.
 * ceil, floor, factorial, binomial of t, and binders that contain t, are not certified.
 */
export function continuousIn(e: Expr, t: string): boolean {
  const occurs = new Occurrence(t);
  const visit = (x: Expr): boolean => {
    if (!occurs.in(x)) return true;
    switch (x.kind) {
      case 'num':
      case 'const':
      case 'sym':
        return true;
      case 'add':
        return x.terms.every(visit);
      case 'mul':
        return x.factors.every(visit);
      case 'pow':
        return visit(x.base) && visit(x.exponent);
      case 'apply':
        return x.fn !== 'ceil' && x.fn !== 'floor' && x.fn !== 'factorial' && x.fn !== 'binomial' && x.args.every(visit);
      case 'integral':
      case 'extremum':
      case 'sum':
      case 'limit':
        return false;
    }
  };
  return visit(e);
}

