// Canonical constructors: the only way to make an expression. Each returns canonical form using
// rules valid for every real value of the symbols (domain-dependent rules live in rewrite.ts).
// Constructors are total: an undefined value such as 0^-1 or log(-1) is kept as a node, never
// simplified away, so that evaluation reports it (see definedness in exact.ts).

import { exactRoot, extractPower, MAX_EXACT_BITS, Rational } from './rational.js';
import {
  compare,
  equals,
  hashCombine,
  hashString,
  type Add,
  type Apply,
  type Const,
  type ConstId,
  type Expr,
  type Extremum,
  type FnId,
  type Integral,
  type Limit,
  type Mul,
  type Num,
  type Pow,
  type Sum,
  type Sym,
} from './types.js';

// ---- leaves ------------------------------------------------------------------

const numCache = new Map<string, Num>();

export function num(value: Rational | bigint | number, den?: bigint | number): Num {
  const q = value instanceof Rational ? value : Rational.of(value, den ?? 1n);
  const key = q.toString();
  const cached = key.length < 24 ? numCache.get(key) : undefined;
  if (cached) return cached;
  const node: Num = Object.freeze({ kind: 'num', value: q, hash: hashString('n' + key) });
  if (key.length < 24 && numCache.size < 10_000) numCache.set(key, node);
  return node;
}

export function sym(name: string): Sym {
  return Object.freeze({ kind: 'sym', name, hash: hashString('s' + name) });
}

export function constant(name: ConstId): Const {
  return Object.freeze({ kind: 'const', name, hash: hashString('c' + name) });
}

export const ZERO = num(0);
export const ONE = num(1);
export const MINUS_ONE = num(-1);
export const TWO = num(2);
export const HALF = num(1, 2);
export const PI = constant('pi');
export const INFINITY = constant('infinity');

export function isNum(e: Expr, q?: Rational): e is Num {
  return e.kind === 'num' && (q === undefined || e.value.equals(q));
}

function rationalOf(e: Expr): Rational | undefined {
  return e.kind === 'num' ? e.value : undefined;
}

// ---- raw node makers (canonical children assumed) ----------------------------

function mkAdd(terms: Expr[]): Add {
  return Object.freeze({ kind: 'add', terms: Object.freeze(terms), hash: hashCombine(1, ...terms.map((t) => t.hash)) });
}
function mkMul(factors: Expr[]): Mul {
  return Object.freeze({ kind: 'mul', factors: Object.freeze(factors), hash: hashCombine(2, ...factors.map((t) => t.hash)) });
}
function mkPow(base: Expr, exponent: Expr): Pow {
  return Object.freeze({ kind: 'pow', base, exponent, hash: hashCombine(3, base.hash, exponent.hash) });
}
function mkApply(fn: FnId, args: Expr[]): Apply {
  return Object.freeze({ kind: 'apply', fn, args: Object.freeze(args), hash: hashCombine(4, hashString(fn), ...args.map((a) => a.hash)) });
}

// ---- sums --------------------------------------------------------------------

/** Splits a term into its rational coefficient and the rest (1 for a number). */
export function splitCoefficient(e: Expr): { coeff: Rational; rest: Expr } {
  if (e.kind === 'num') return { coeff: e.value, rest: ONE };
  if (e.kind === 'mul' && e.factors[0]!.kind === 'num') {
    const rest = e.factors.slice(1);
    return { coeff: e.factors[0].value, rest: rest.length === 1 ? rest[0]! : mkMul(rest) };
  }
  return { coeff: Rational.ONE, rest: e };
}

class ExprMap<V> {
  private readonly buckets = new Map<number, { key: Expr; value: V }[]>();
  readonly order: { key: Expr; value: V }[] = [];
  get(key: Expr): { key: Expr; value: V } | undefined {
    return this.buckets.get(key.hash)?.find((x) => equals(x.key, key));
  }
  set(key: Expr, value: V): void {
    const found = this.get(key);
    if (found) {
      found.value = value;
      return;
    }
    const entry = { key, value };
    const b = this.buckets.get(key.hash);
    if (b) b.push(entry);
    else this.buckets.set(key.hash, [entry]);
    this.order.push(entry);
  }
}

export function add(...xs: Expr[]): Expr {
  let constant = Rational.ZERO;
  const like = new ExprMap<Rational>();
  const stack = [...xs];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'num') {
      constant = constant.add(x.value);
    } else if (x.kind === 'add') {
      stack.push(...x.terms);
    } else {
      const { coeff, rest } = splitCoefficient(x);
      const found = like.get(rest);
      like.set(rest, found ? found.value.add(coeff) : coeff);
    }
  }
  const terms: Expr[] = [];
  for (const { key, value } of like.order) {
    if (value.isZero()) continue;
    terms.push(value.isOne() ? key : mul(num(value), key));
  }
  terms.sort(compare);
  if (!constant.isZero()) terms.push(num(constant));
  if (terms.length === 0) return ZERO;
  if (terms.length === 1) return terms[0]!;
  return mkAdd(terms);
}

export function neg(x: Expr): Expr {
  return mul(MINUS_ONE, x);
}

export function sub(a: Expr, b: Expr): Expr {
  return add(a, neg(b));
}

// ---- products ----------------------------------------------------------------

function asPower(e: Expr): { base: Expr; exponent: Expr } {
  return e.kind === 'pow' ? { base: e.base, exponent: e.exponent } : { base: e, exponent: ONE };
}

export function mul(...xs: Expr[]): Expr {
  let coeff = Rational.ONE;
  const bases = new ExprMap<Expr[]>();
  const stack = [...xs];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'num') coeff = coeff.mul(x.value);
    else if (x.kind === 'mul') stack.push(...x.factors);
    else {
      const { base, exponent } = asPower(x);
      const found = bases.get(base);
      if (found) found.value.push(exponent);
      else bases.set(base, [exponent]);
    }
  }
  if (coeff.isZero()) return ZERO;
  const out: Expr[] = [];
  const again: Expr[] = [];
  const radicals = new ExprMap<Rational>(); // exponent -> product of positive integer bases
  for (const { key: base, value: exps } of bases.order) {
    const p = exps.length === 1 ? pow(base, exps[0]!) : pow(base, add(...exps));
    if (p.kind === 'num') coeff = coeff.mul(p.value);
    else if (p.kind === 'mul') again.push(p);
    else if (p.kind === 'pow' && p.base.kind === 'num' && p.exponent.kind === 'num') {
      const found = radicals.get(p.exponent);
      radicals.set(p.exponent, found ? found.value.mul(p.base.value) : p.base.value);
    } else out.push(p);
  }
  for (const { key: exponent, value: base } of radicals.order) {
    const p = pow(num(base), exponent);
    if (p.kind === 'num') coeff = coeff.mul(p.value);
    else if (p.kind === 'mul') again.push(p);
    else out.push(p);
  }
  if (again.length > 0) return mul(num(coeff), ...out, ...again);
  out.sort(compare);
  if (out.length === 0) return num(coeff);
  if (coeff.isOne()) return out.length === 1 ? out[0]! : mkMul(out);
  return mkMul([num(coeff), ...out]);
}

export function div(a: Expr, b: Expr): Expr {
  return mul(a, pow(b, MINUS_ONE));
}

// ---- powers ------------------------------------------------------------------

/** Positive rational base, rational non-integer exponent: q^(n+f) = q^n * a^f * b^(-f) with exact roots pulled out. */
function numericPower(q: Rational, r: Rational): Expr | undefined {
  const whole = r.floor();
  const frac = r.sub(whole); // in (0, 1)
  const wholePart = q.powInt(whole.n);
  if (wholePart === undefined) return undefined;
  const k = Number(frac.d);
  if (!Number.isSafeInteger(k) || k > 1_000_000) return undefined;
  // q^frac = (n^p / d^p)^(1/k) = (n^p d^(k-p))^(1/k) / d
  const p = frac.n;
  const qn = Rational.of(q.n).powInt(p);
  const qd = Rational.of(q.d).powInt(BigInt(k) - p);
  if (qn === undefined || qd === undefined) return undefined;
  const radicand = qn.n * qd.n;
  if (radicand.toString(2).length > MAX_EXACT_BITS) return undefined;
  const exact = exactRoot(Rational.of(radicand), k);
  const scale = wholePart.div(Rational.of(q.d));
  if (exact) return num(scale.mul(exact));
  const { outer, inner } = extractPower(radicand, k);
  const coefficient = scale.mul(Rational.of(outer));
  const radical = inner === 1n ? ONE : mkPow(num(inner), num(Rational.of(1n, BigInt(k))));
  if (coefficient.isOne()) return radical;
  return radical === ONE ? num(coefficient) : mkMul([num(coefficient), radical]);
}

function isEvenDenominator(e: Expr): boolean {
  return e.kind === 'num' && e.value.d % 2n === 0n;
}

export function pow(base: Expr, exponent: Expr): Expr {
  const r = rationalOf(exponent);
  if (r?.isZero()) return ONE;
  if (r?.isOne()) return base;
  if (base.kind === 'num') {
    const q = base.value;
    if (q.isOne()) return ONE;
    if (q.isZero()) return r !== undefined && r.sign > 0 ? ZERO : mkPow(base, exponent);
    if (r !== undefined) {
      if (r.isInteger()) {
        const v = q.powInt(r.n);
        return v ? num(v) : mkPow(base, exponent);
      }
      if (q.sign > 0) return numericPower(q, r) ?? mkPow(base, exponent);
    }
    return mkPow(base, exponent);
  }
  if (base.kind === 'pow') {
    // (b^e1)^e2 = b^(e1 e2) for integer e2; also when e1 has an even denominator, since then b >= 0.
    if ((r !== undefined && r.isInteger()) || isEvenDenominator(base.exponent)) return pow(base.base, mul(base.exponent, exponent));
  }
  if (base.kind === 'mul') {
    // Integer powers distribute; fractional ones keep the product whole, as written (sqrt(log(2/delta)/(2n))
    // stays readable). Pulling factors out is rewrite.ts's power-of-product rule.
    if (r !== undefined && r.isInteger()) return mul(...base.factors.map((f) => pow(f, exponent)));
  }
  if (base.kind === 'apply' && base.fn === 'exp') return exp(mul(base.args[0]!, exponent));
  return mkPow(base, exponent);
}

export function sqrt(x: Expr): Expr {
  return pow(x, HALF);
}

export function root(x: Expr, k: Expr): Expr {
  return pow(x, pow(k, MINUS_ONE));
}

// ---- functions ---------------------------------------------------------------

const MAX_FACTORIAL = 20_000;

function binomialExact(n: bigint, k: bigint): bigint {
  if (k < 0n || k > n) return 0n;
  if (k > n - k) k = n - k;
  let r = 1n;
  for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function factorialExact(n: bigint): bigint {
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return r;
}

function flattenExtremum(fn: 'min' | 'max', args: readonly Expr[]): Expr {
  const flat: Expr[] = [];
  let best: Rational | undefined;
  const stack = [...args];
  while (stack.length > 0) {
    const a = stack.pop()!;
    if (a.kind === 'apply' && a.fn === fn) stack.push(...a.args);
    else if (a.kind === 'num') best = best === undefined ? a.value : fn === 'min' ? best.min(a.value) : best.max(a.value);
    else if (!flat.some((f) => equals(f, a))) flat.push(a);
  }
  flat.sort(compare);
  if (best !== undefined) flat.push(num(best));
  return flat.length === 1 ? flat[0]! : mkApply(fn, flat);
}

export function apply(fn: FnId, args: readonly Expr[]): Expr {
  const a = args[0];
  const q = a !== undefined ? rationalOf(a) : undefined;
  switch (fn) {
    case 'log':
      if (args.length !== 1) break;
      if (q?.isOne()) return ZERO;
      if (a!.kind === 'apply' && a!.fn === 'exp') return a!.args[0]!;
      break;
    case 'exp':
      if (args.length !== 1) break;
      if (q?.isZero()) return ONE;
      if (a!.kind === 'apply' && a!.fn === 'log') return a!.args[0]!; // exp(log x) = x wherever log x is defined
      break;
    case 'min':
    case 'max':
      if (args.length === 0) break;
      return flattenExtremum(fn, args);
    case 'ceil':
      if (q && args.length === 1) return num(q.ceil());
      if (a && (a.kind === 'apply' && (a.fn === 'ceil' || a.fn === 'floor'))) return a;
      break;
    case 'floor':
      if (q && args.length === 1) return num(q.floor());
      if (a && (a.kind === 'apply' && (a.fn === 'ceil' || a.fn === 'floor'))) return a;
      break;
    case 'abs':
      if (q && args.length === 1) return num(q.abs());
      if (a && a.kind === 'apply' && a.fn === 'abs') return a;
      break;
    case 'pos':
      if (q && args.length === 1) return num(q.max(Rational.ZERO));
      break;
    case 'factorial':
      if (q && args.length === 1 && q.isInteger() && q.sign >= 0 && q.n <= BigInt(MAX_FACTORIAL)) return num(factorialExact(q.n));
      break;
    case 'binomial': {
      const k = args.length === 2 ? rationalOf(args[1]!) : undefined;
      if (q && k && q.isInteger() && k.isInteger() && q.sign >= 0) {
        const small = k.n < q.n - k.n ? k.n : q.n - k.n;
        if (small < 0n || Number(small) * q.bits() <= MAX_EXACT_BITS) return num(binomialExact(q.n, k.n));
      }
      break;
    }
  }
  return mkApply(fn, [...args]);
}

export const log = (x: Expr): Expr => apply('log', [x]);
export const exp = (x: Expr): Expr => apply('exp', [x]);
export const min = (...xs: Expr[]): Expr => apply('min', xs);
export const max = (...xs: Expr[]): Expr => apply('max', xs);
export const ceil = (x: Expr): Expr => apply('ceil', [x]);
export const floor = (x: Expr): Expr => apply('floor', [x]);
export const abs = (x: Expr): Expr => apply('abs', [x]);
export const positivePart = (x: Expr): Expr => apply('pos', [x]);
export const factorial = (x: Expr): Expr => apply('factorial', [x]);
export const binomial = (n: Expr, k: Expr): Expr => apply('binomial', [n, k]);

// ---- binders -----------------------------------------------------------------

export function integral(variable: string, lower: Expr, upper: Expr, body: Expr): Integral {
  return Object.freeze({ kind: 'integral', variable, lower, upper, body, hash: hashCombine(5, hashString(variable), lower.hash, upper.hash, body.hash) });
}

export function extremum(which: 'inf' | 'sup', variable: string, lower: Expr, upper: Expr, body: Expr): Extremum {
  return Object.freeze({ kind: 'extremum', which, variable, lower, upper, body, hash: hashCombine(6, hashString(which + variable), lower.hash, upper.hash, body.hash) });
}

export function sum(index: string, lower: Expr, upper: Expr, body: Expr): Sum {
  return Object.freeze({ kind: 'sum', index, lower, upper, body, hash: hashCombine(7, hashString(index), lower.hash, upper.hash, body.hash) });
}

export function limit(variable: string, to: Expr, body: Expr): Limit {
  return Object.freeze({ kind: 'limit', variable, to, body, hash: hashCombine(8, hashString(variable), to.hash, body.hash) });
}
