// Exact rationals: reduced BigInt pairs (denominator > 0), immutable. Arithmetic, integer roots and
// size limits are ours, so that 10^10^10 is refused instead of hanging; fraction.js, which reduces by
// the gcd of whole products, is the tests' independent oracle.

/** Largest exact integer we build, in bits; beyond it exact arithmetic is refused (EB3004). */
export const MAX_EXACT_BITS = 100_000;

export class Rational {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {
    Object.freeze(this);
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);
  static readonly MINUS_ONE = new Rational(-1n, 1n);
  static readonly HALF = new Rational(1n, 2n);
  static readonly TWO = new Rational(2n, 1n);

  static of(n: bigint | number, d: bigint | number = 1n): Rational {
    let nn = BigInt(n);
    let dd = BigInt(d);
    if (dd === 0n) throw new RangeError('Rational with zero denominator');
    if (dd < 0n) {
      nn = -nn;
      dd = -dd;
    }
    const g = gcd(nn < 0n ? -nn : nn, dd);
    return g === 1n ? new Rational(nn, dd) : new Rational(nn / g, dd / g);
  }

  /** Exact value of a decimal literal such as "0.125", "2.5e-3" or "12". Undefined if malformed. */
  static parseDecimal(text: string): Rational | undefined {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] ?? '';
    const frac = m[3] ?? '';
    const exp = m[4] ? Number(m[4]) : 0;
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 100_000) return undefined;
    const digits = BigInt((intPart + frac).replace(/^0+(?=\d)/, '') || '0');
    const scale = exp - frac.length;
    return scale >= 0 ? Rational.of(sign * digits * 10n ** BigInt(scale)) : Rational.of(sign * digits, 10n ** BigInt(-scale));
  }

  // Henrici's and Knuth's forms: cancel before multiplying, so the gcds are of the smaller operands
  // (a dyadic midpoint times 4 costs a shift, not Euclid on its 3000-bit numerator), and the results
  // are reduced without a gcd of the full products.
  add(o: Rational): Rational {
    if (this.d === 1n && o.d === 1n) return new Rational(this.n + o.n, 1n);
    const g = gcd(this.d, o.d);
    if (g === 1n) return new Rational(this.n * o.d + o.n * this.d, this.d * o.d);
    const s = this.d / g;
    const t = this.n * (o.d / g) + o.n * s;
    if (t === 0n) return Rational.ZERO;
    const g2 = gcd(t, g);
    return g2 === 1n ? new Rational(t, s * o.d) : new Rational(t / g2, s * (o.d / g2));
  }
  sub(o: Rational): Rational {
    return this.add(o.neg());
  }
  mul(o: Rational): Rational {
    if (this.n === 0n || o.n === 0n) return Rational.ZERO;
    const g1 = gcd(this.n, o.d);
    const g2 = gcd(o.n, this.d);
    return new Rational((this.n / g1) * (o.n / g2), (this.d / g2) * (o.d / g1));
  }
  /** Throws RangeError on division by zero: callers check isZero first. */
  div(o: Rational): Rational {
    if (o.n === 0n) throw new RangeError('Rational division by zero');
    return this.mul(o.inverse());
  }
  neg(): Rational {
    return new Rational(-this.n, this.d);
  }
  abs(): Rational {
    return this.n < 0n ? new Rational(-this.n, this.d) : this;
  }
  /** Reduced stays reduced: only the sign moves. Throws RangeError for zero. */
  inverse(): Rational {
    if (this.n === 0n) throw new RangeError('Rational division by zero');
    return this.n < 0n ? new Rational(-this.d, -this.n) : new Rational(this.d, this.n);
  }

  /** this^k for integer k, or undefined when the result would exceed MAX_EXACT_BITS (or 0^negative). */
  powInt(k: bigint): Rational | undefined {
    if (k === 0n) return Rational.ONE;
    if (this.n === 0n) return k > 0n ? Rational.ZERO : undefined;
    const size = BigInt(Math.max(bitLength(this.n < 0n ? -this.n : this.n), bitLength(this.d)));
    const a = k < 0n ? -k : k;
    if (size > 1n && size * a > BigInt(MAX_EXACT_BITS)) return undefined;
    const n = this.n ** a;
    const d = this.d ** a;
    return k > 0n ? new Rational(n, d) : Rational.of(d, n);
  }

  get sign(): -1 | 0 | 1 {
    return this.n < 0n ? -1 : this.n > 0n ? 1 : 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isOne(): boolean {
    return this.n === 1n && this.d === 1n;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  compare(o: Rational): -1 | 0 | 1 {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  equals(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }
  lt(o: Rational): boolean {
    return this.compare(o) < 0;
  }
  le(o: Rational): boolean {
    return this.compare(o) <= 0;
  }
  floor(): Rational {
    return new Rational(floorDiv(this.n, this.d), 1n);
  }
  ceil(): Rational {
    return new Rational(-floorDiv(-this.n, this.d), 1n);
  }
  min(o: Rational): Rational {
    return this.compare(o) <= 0 ? this : o;
  }
  max(o: Rational): Rational {
    return this.compare(o) >= 0 ? this : o;
  }
  /** Bits needed for numerator and denominator together: a size measure for exact work. */
  bits(): number {
    return bitLength(this.n < 0n ? -this.n : this.n) + bitLength(this.d);
  }
  toNumber(): number {
    // Exact enough for display heuristics only; never used for printed digits.
    return Number(this.n) / Number(this.d);
  }
  /** "3", "-3/2". */
  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a === 1n || b === 1n) return 1n;
  // Interval endpoints are binary floats, whose denominators are powers of two: then the gcd is the
  // smaller lowest set bit, and Euclid on 3000-bit numerators (45% of a 1000-digit evaluation) is skipped.
  if (a !== 0n && b !== 0n && ((a & (a - 1n)) === 0n || (b & (b - 1n)) === 0n)) {
    const la = a & -a;
    const lb = b & -b;
    return la < lb ? la : lb;
  }
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function bitLength(a: bigint): number {
  if (a < 0n) a = -a;
  return a === 0n ? 0 : a.toString(2).length;
}

/** The integer k-th root of a >= 0 rounded down (Newton). */
export function integerRoot(a: bigint, k: number): bigint {
  if (a < 0n) throw new RangeError('integerRoot of a negative number');
  if (a < 2n || k === 1) return a;
  // 1 <= root < 2 when a < 2^k; Newton from 2 would form 2^(k-1), astronomically large for huge k.
  if (k >= bitLength(a)) return 1n;
  const K = BigInt(k);
  let x = 1n << BigInt(Math.ceil(bitLength(a) / k)); // x >= root
  for (;;) {
    const y = ((K - 1n) * x + a / x ** (K - 1n)) / K;
    if (y >= x) break;
    x = y;
  }
  while (x ** K > a) x--;
  while ((x + 1n) ** K <= a) x++;
  return x;
}

/** The exact k-th root of a rational when it is rational, else undefined. */
export function exactRoot(q: Rational, k: number): Rational | undefined {
  if (q.sign < 0) {
    if (k % 2 === 0) return undefined;
    const r = exactRoot(q.neg(), k);
    return r?.neg();
  }
  const rn = integerRoot(q.n, k);
  if (rn ** BigInt(k) !== q.n) return undefined;
  const rd = integerRoot(q.d, k);
  if (rd ** BigInt(k) !== q.d) return undefined;
  return Rational.of(rn, rd);
}

/**
 * Splits a positive integer a as outer^k * inner with inner free of k-th powers of small primes
 * (trial division up to `limit`; the remaining cofactor is tested once as a perfect power).
 */
export function extractPower(a: bigint, k: number, limit = 1000): { outer: bigint; inner: bigint } {
  let outer = 1n;
  let inner = 1n;
  let rest = a;
  const K = BigInt(k);
  for (let p = 2n; p <= BigInt(limit) && p * p <= rest; p += p === 2n ? 1n : 2n) {
    let e = 0n;
    while (rest % p === 0n) {
      rest /= p;
      e++;
    }
    if (e > 0n) {
      outer *= p ** (e / K);
      inner *= p ** (e % K);
    }
  }
  if (rest > 1n) {
    const r = integerRoot(rest, k);
    if (r ** K === rest) outer *= r;
    else inner *= rest;
  }
  return { outer, inner };
}
