// Field<R> over decimal.js: the independent second engine that checks MPFR's digits. decimal.js keeps
// ln(10) and pi to about 1025 digits only, so beyond that log, pow and pi are computed here by series.

import { Decimal } from 'decimal.js';
import { Rational } from '../expr/rational.js';
import { checkRootIndex, type Field } from './api.js';
import { formatDecimal } from './format.js';

/** decimal.js's own ln and non-integer pow are used up to this precision (its tables hold ~1025 digits). */
const NATIVE_LIMIT_DIGITS = 980;

type DecimalCtor = typeof Decimal;

function ctor(digits: number): DecimalCtor {
  return Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15, toExpNeg: -7, toExpPos: 21 });
}

const ln2Cache = new Map<number, Decimal>();
const piCache = new Map<number, Decimal>();

/** atanh(1/q) = sum_i 1/((2i+1) q^(2i+1)), or atan(1/q) with alternating signs, at the precision of D. */
function inverseSeries(D: DecimalCtor, q: number, alternating: boolean): Decimal {
  const q2 = new D(q).times(q);
  let power = new D(1).div(q);
  let sum = power;
  const eps = new D(10).pow(-D.precision - 2);
  for (let i = 1; ; i++) {
    power = power.div(q2);
    const term = power.div(2 * i + 1);
    if (term.abs().lt(eps)) break;
    sum = alternating && i % 2 === 1 ? sum.minus(term) : sum.plus(term);
  }
  return sum;
}

const atanhInverse = (D: DecimalCtor, q: number): Decimal => inverseSeries(D, q, false);
const atanInverse = (D: DecimalCtor, q: number): Decimal => inverseSeries(D, q, true);

/** ln 2 = 18 atanh(1/26) - 2 atanh(1/4801) + 8 atanh(1/8749), to `digits` digits. */
export function ln2Decimal(digits: number): Decimal {
  const hit = ln2Cache.get(digits);
  if (hit) return hit;
  const W = ctor(digits + 15);
  const v = atanhInverse(W, 26).times(18).minus(atanhInverse(W, 4801).times(2)).plus(atanhInverse(W, 8749).times(8));
  const r = new (ctor(digits))(v).toSignificantDigits(digits);
  if (ln2Cache.size > 64) ln2Cache.clear();
  ln2Cache.set(digits, r);
  return r;
}

/** pi = 16 atan(1/5) - 4 atan(1/239) (Machin), to `digits` digits. */
export function piDecimal(digits: number): Decimal {
  const hit = piCache.get(digits);
  if (hit) return hit;
  const W = ctor(digits + 15);
  const v = atanInverse(W, 5).times(16).minus(atanInverse(W, 239).times(4));
  const r = new (ctor(digits))(v).toSignificantDigits(digits);
  if (piCache.size > 64) piCache.clear();
  piCache.set(digits, r);
  return r;
}

/** ln x for x > 0 at any precision: x = m 2^k, m^(1/2^r) near 1, then the atanh series. */
export function lnDecimal(x: Decimal, digits: number): Decimal {
  if (x.isNeg() || x.isZero()) return x.isZero() ? new Decimal(-Infinity) : new Decimal(NaN);
  if (!x.isFinite()) return x;
  const r = Math.min(48, Math.ceil(Math.sqrt(digits)));
  const W = ctor(digits + 20 + Math.ceil(r * 0.31));
  const X = new W(x);
  const lead = Number(X.toSignificantDigits(17).toExponential().split('e')[0]);
  const k = Math.round((X.e + Math.log10(lead)) / Math.log10(2));
  let m = X.div(new W(2).pow(k));
  for (let i = 0; i < r; i++) m = m.sqrt();
  const y = m.minus(1).div(m.plus(1));
  const y2 = y.times(y);
  let power = y;
  let sum = y;
  const eps = new W(10).pow(-W.precision - 2);
  for (let i = 1; ; i++) {
    power = power.times(y2);
    const term = power.div(2 * i + 1);
    if (term.abs().lt(eps)) break;
    sum = sum.plus(term);
  }
  const lnM = sum.times(new W(2).pow(r + 1));
  const result = k === 0 ? lnM : lnM.plus(new W(ln2Decimal(W.precision)).times(k));
  return new (ctor(digits))(result).toSignificantDigits(digits);
}

export class DecimalField implements Field<Decimal> {
  readonly engine = 'decimal' as const;
  readonly precisionBits: number;
  readonly D: DecimalCtor;

  constructor(readonly digits: number) {
    if (!Number.isInteger(digits) || digits < 1 || digits > 1e6) throw new RangeError(`decimal.js precision must be 1..1e6 digits, got ${digits}`);
    this.precisionBits = Math.ceil(digits * Math.log2(10));
    this.D = ctor(digits);
  }

  private native(): boolean {
    return this.digits <= NATIVE_LIMIT_DIGITS;
  }

  rational(q: Rational): Decimal {
    const n = new this.D(q.n.toString());
    return q.d === 1n ? (n.toSignificantDigits(this.digits) as Decimal) : n.div(new this.D(q.d.toString()));
  }
  add(a: Decimal, b: Decimal): Decimal {
    return new this.D(a).plus(b);
  }
  sub(a: Decimal, b: Decimal): Decimal {
    return new this.D(a).minus(b);
  }
  mul(a: Decimal, b: Decimal): Decimal {
    return new this.D(a).times(b);
  }
  div(a: Decimal, b: Decimal): Decimal {
    return new this.D(a).div(b);
  }
  mulInt(a: Decimal, k: number): Decimal {
    return new this.D(a).times(k);
  }
  divInt(a: Decimal, k: number): Decimal {
    return new this.D(a).div(k);
  }
  neg(a: Decimal): Decimal {
    return new this.D(a).neg();
  }
  abs(a: Decimal): Decimal {
    return new this.D(a).abs();
  }
  sqrt(a: Decimal): Decimal {
    return new this.D(a).sqrt();
  }
  log(a: Decimal): Decimal {
    return this.native() ? new this.D(a).ln() : lnDecimal(a, this.digits);
  }
  exp(a: Decimal): Decimal {
    return new this.D(a).exp();
  }
  pow(a: Decimal, b: Decimal): Decimal {
    const x = new this.D(a);
    if (b.isInteger() || this.native()) return x.pow(b);
    if (x.isNeg()) return new this.D(NaN);
    if (x.isZero()) return b.isPos() ? new this.D(0) : new this.D(Infinity);
    return this.expOfLog(x, (l, W) => new W(b).times(l));
  }
  /** exp(s(ln x)) for x > 0: ln x with guard digits for its magnitude, s computed in W (20 guard digits). */
  private expOfLog(x: Decimal, s: (l: Decimal, W: DecimalCtor) => Decimal): Decimal {
    const W = ctor(this.digits + 20);
    const l = lnDecimal(x, this.digits + 20 + Math.max(0, x.e < 0 ? -x.e : x.e).toString().length);
    return new this.D(s(l, W).exp());
  }
  root(a: Decimal, k: number): Decimal {
    checkRootIndex(k);
    if (k === 2) return this.sqrt(a);
    const x = new this.D(a);
    if (x.isNeg()) return k % 2 === 1 ? this.root(x.neg(), k).neg() : new this.D(NaN);
    if (x.isZero() || !x.isFinite()) return x;
    return this.expOfLog(x, (l, W) => new W(l).div(k));
  }
  floor(a: Decimal): Decimal {
    return new this.D(a).floor();
  }
  ceil(a: Decimal): Decimal {
    return new this.D(a).ceil();
  }
  min(a: Decimal, b: Decimal): Decimal {
    return a.lte(b) ? new this.D(a) : new this.D(b);
  }
  max(a: Decimal, b: Decimal): Decimal {
    return a.gte(b) ? new this.D(a) : new this.D(b);
  }
  pi(): Decimal {
    return this.native() ? new this.D(-1).acos() : new this.D(piDecimal(this.digits));
  }
  cmp(a: Decimal, b: Decimal): -1 | 0 | 1 {
    const c = a.cmp(b);
    if (Number.isNaN(c)) throw new RangeError('comparison with NaN');
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  isFinite(a: Decimal): boolean {
    return a.isFinite();
  }
  isZero(a: Decimal): boolean {
    return a.isZero();
  }
  toRational(a: Decimal): Rational {
    if (!a.isFinite()) throw new RangeError('toRational of NaN or infinity');
    const q = Rational.parseDecimal(a.toExponential());
    if (!q) throw new RangeError(`decimal.js value out of the exact range: ${a.toExponential(20)}`);
    return q;
  }
  toDecimal(a: Decimal, digits: number): string {
    if (a.isNaN()) return 'NaN';
    if (!a.isFinite()) return a.isNeg() ? '-Infinity' : 'Infinity';
    return formatDecimal(this.toRational(a), digits);
  }
  constant(q: Rational): Decimal {
    return this.rational(q);
  }
  persist(a: Decimal): Decimal {
    return a;
  }
  mark(): number {
    return 0;
  }
  release(): void {
    // decimal.js values are garbage collected.
  }
  liveValues(): number {
    return 0;
  }
  destroy(): void {
    // decimal.js values are garbage collected.
  }
}

export function decimalField(digits: number): DecimalField {
  return new DecimalField(digits);
}
