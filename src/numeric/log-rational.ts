// Logarithms of exact positive rationals at high precision, enclosed in fixed point. The primes 2, 3, 5
// and 7 are factored out (their logarithms cached per scale); the rest is a 7-smooth s times r close to
// 1, and log r = 2 atanh(t) with |t| <= 1/16 is a short series summed exactly by binary splitting.
// This is Johansson's multi-prime argument reduction in its simplest form: log 200 costs additions, and
// log 41 = log 3 + 3 log 5 + log 7 - 6 log 2 + 2 atanh(-1/5249), one series of about 140 terms at 1000
// digits, where MPFR runs its AGM on every call.

import { bitLength, floorDiv, gcd, type Rational } from '../expr/rational.js';

/** The value lies in [lo, hi]·2^-scale. */
export interface FixedEnclosure {
  readonly lo: bigint;
  readonly hi: bigint;
  readonly scale: number;
}

/** L with log p in [L, L + 2]·2^-scale (the caller's correctly rounded logarithm, e.g. MPFR's). */
export type PrimeLog = (p: SmallPrime, scale: number) => bigint;

export const SMALL_PRIMES = [2, 3, 5, 7] as const;
export type SmallPrime = (typeof SMALL_PRIMES)[number];

/** Rationals whose numerator or denominator is longer than this go to the general logarithm. */
const MAX_INPUT_BITS = 96;
/** |t| above 2^-MIN_T_BITS makes the series too long to beat the general logarithm. */
const MIN_T_BITS = 4;

interface SmoothFactor {
  readonly value: number;
  /** Exponents of 3, 5 and 7. */
  readonly exps: readonly [number, number, number];
}

/** 3^j 5^k 7^l <= 2^16: the odd parts of the smooth numbers the remainder is compared with. */
const SMOOTH_ODD: readonly SmoothFactor[] = (() => {
  const out: SmoothFactor[] = [];
  for (let j = 0, a = 1; a <= 65536; j++, a *= 3)
    for (let k = 0, b = a; b <= 65536; k++, b *= 5) for (let l = 0, c = b; c <= 65536; l++, c *= 7) out.push({ value: c, exps: [j, k, l] });
  return out;
})();

/**
 * An enclosure of log q with relative width at most 2^-bits, or undefined when this method does not
 * apply or would not be faster than MPFR's logarithm (q <= 0, long numerator or denominator, no smooth
 * number near q's remainder, a series too long at this precision, or a value too close to 0 to trust
 * the double estimate). The
 * enclosure's correctness never depends on the choices made by doubles, only its speed.
 */
export function logRationalFixed(q: Rational, bits: number, primeLog: PrimeLog): FixedEnclosure | undefined {
  if (q.n <= 0n || bitLength(q.n) > MAX_INPUT_BITS || bitLength(q.d) > MAX_INPUT_BITS) return undefined;
  if (q.n === 1n && q.d === 1n) return { lo: 0n, hi: 0n, scale: 0 };
  const exps = new Map<SmallPrime, number>(SMALL_PRIMES.map((p) => [p, 0]));
  let n = q.n;
  let d = q.d;
  for (const p of SMALL_PRIMES) {
    const pb = BigInt(p);
    while (n % pb === 0n) {
      n /= pb;
      exps.set(p, exps.get(p)! + 1);
    }
    while (d % pb === 0n) {
      d /= pb;
      exps.set(p, exps.get(p)! - 1);
    }
  }
  let t: { u: bigint; v: bigint } | undefined;
  if (n !== 1n || d !== 1n) {
    if (bits < SERIES_MIN_BITS) return undefined;
    const near = nearestSmooth(n, d);
    if (near === undefined || !seriesPays(near.t, bits)) return undefined;
    exps.set(2, exps.get(2)! + near.exp2);
    for (const [i, p] of ([3, 5, 7] as const).entries()) exps.set(p, exps.get(p)! + near.odd.exps[i]!);
    t = near.t;
  }
  // log q = Σ e_p log p + 2 atanh(u/v); a double estimate sets the scale for the relative width.
  let estimate = 0;
  for (const [p, e] of exps) estimate += e * Math.log(p);
  if (t) estimate += 2 * Math.atanh(Number(t.u) / Number(t.v));
  if (!(Math.abs(estimate) > 2 ** -60)) return undefined;
  let weight = 4;
  for (const e of exps.values()) weight += 2 * Math.abs(e);
  const scale = bits + 8 + bitLength(BigInt(weight)) + Math.max(0, -Math.floor(Math.log2(Math.abs(estimate))));
  let lo = 0n;
  let hi = 0n;
  for (const [p, e] of exps) {
    if (e === 0) continue;
    const l = primeLog(p, scale);
    const eb = BigInt(e);
    lo += e > 0 ? eb * l : eb * (l + 2n);
    hi += e > 0 ? eb * (l + 2n) : eb * l;
  }
  if (t) {
    const f = atanhFixed(t.u < 0n ? -t.u : t.u, t.v, scale); // atanh(|u|/v) in [f, f + 2]·2^-scale
    if (t.u > 0n) {
      lo += 2n * f;
      hi += 2n * (f + 2n);
    } else {
      lo -= 2n * (f + 2n);
      hi -= 2n * f;
    }
  }
  // Relative width at most 2^-bits, checked exactly: same sign and |end| >= 2^bits · width.
  const small = lo > 0n ? lo : -hi;
  if (small <= 0n || bitLength(small) - 1 < bitLength(hi - lo) + bits) return undefined;
  return { lo, hi, scale };
}

/**
 * s = m·2^i (m from SMOOTH_ODD) closest to n/d in the sense of the series' cost, with
 * t = (n/d - s)/(n/d + s) in lowest terms; undefined if no |t| <= 1/16.
 */
function nearestSmooth(n: bigint, d: bigint): { exp2: number; odd: SmoothFactor; t: { u: bigint; v: bigint } } | undefined {
  const log2r = log2Ratio(n, d);
  let best: { exp2: number; odd: SmoothFactor; cost: number } | undefined;
  const size = bitLength(n) + bitLength(d);
  for (const odd of SMOOTH_ODD) {
    const offset = log2r - Math.log2(odd.value);
    const exp2 = Math.round(offset);
    const tApprox = Math.abs(offset - exp2) * (Math.LN2 / 2) + 2 ** -50;
    const tBits = -Math.log2(tApprox);
    if (tBits < MIN_T_BITS) continue;
    // Terms ∝ 1/tBits, each carrying numbers of about `size + log2 m + |i|` bits.
    const cost = (size + Math.log2(odd.value) + Math.abs(exp2) + 1) / (tBits * tBits);
    if (!best || cost < best.cost) best = { exp2, odd, cost };
  }
  if (!best) return undefined;
  const m = BigInt(best.odd.value);
  const [a, b] = best.exp2 >= 0 ? [n, m * d << BigInt(best.exp2)] : [n << BigInt(-best.exp2), m * d];
  const g = gcd(a - b, a + b);
  const t = { u: (a - b) / g, v: (a + b) / g };
  // The double estimate chose s; the exact t decides whether the series is short enough.
  if (t.u === 0n || 16n * (t.u < 0n ? -t.u : t.u) > t.v) return undefined;
  return { exp2: best.exp2, odd: best.odd, t };
}

/**
 * Is the series faster than MPFR's logarithm (AGM) at this precision? Measured in gmp-wasm: with
 * r = log2(v)/log2(v/|u|), the bits the series carries per bit it gains, the series about breaks even
 * at 1000·r bits for r <= 2 (log 41 = ... + 2 atanh(-1/5249): r = 1, 86 against 180 µs at 3354 bits)
 * and loses for r >= 3 even at 10,000 bits (123456789/1000003: r = 3.3). It is taken from 1500·r bits.
 */
const SERIES_MIN_BITS = 1500;

function seriesPays(t: { u: bigint; v: bigint }, bits: number): boolean {
  const r = log2Big(t.v) / (log2Big(t.v) - log2Big(t.u < 0n ? -t.u : t.u));
  return r <= 2 && bits >= SERIES_MIN_BITS * r;
}

function log2Ratio(n: bigint, d: bigint): number {
  return log2Big(n) - log2Big(d);
}

function log2Big(a: bigint): number {
  const shift = Math.max(0, bitLength(a) - 60);
  return Math.log2(Number(a >> BigInt(shift))) + shift;
}

/**
 * F with atanh(u/v) in [F, F + 2]·2^-scale, for 0 < u/v <= 1/16. The partial sum of
 * Σ x^(2k+1)/(2k+1) is computed exactly and floored (F <= it < F + 1); N terms are enough that the tail,
 * at most x^(2N+1)/(1 - x^2) <= (256/255)·2^-(scale+1), is below 2^-scale.
 */
export function atanhFixed(u: bigint, v: bigint, scale: number): bigint {
  // lb/16 <= log2(v/u), exactly: v^16 >= 2^(len(v^16) - 1) and u^16 < 2^len(u^16); lb >= 62 here.
  const lb = bitLength(v ** 16n) - 1 - bitLength(u ** 16n);
  if (u <= 0n || 16n * u > v) throw new RangeError(`atanhFixed needs 0 < u/v <= 1/16, got ${u}/${v}`);
  const terms = Math.max(1, Math.ceil(((16 * (scale + 1)) / lb - 1) / 2));
  const { q, t } = splitAtanh(0, terms, u * u, v * v);
  return floorDiv((u * t) << BigInt(scale), v * q);
}

/**
 * Binary splitting: P = Π p_k, Q = Π q_k and T with T/Q = Σ_{k=a}^{b-1} Π_{j=a}^{k} p_j/q_j, where
 * p_0 = q_0 = 1, p_k = u2(2k-1) and q_k = v2(2k+1); from a = 0 the products are x^(2k)/(2k+1), x^2 = u2/v2.
 */
function splitAtanh(a: number, b: number, u2: bigint, v2: bigint): { p: bigint; q: bigint; t: bigint } {
  if (b - a <= 8) {
    // A short run left to right: fewer, larger steps than recursing to single terms.
    let p = 1n;
    let q = 1n;
    let t = 0n;
    for (let k = a; k < b; k++) {
      const pk = k === 0 ? 1n : u2 * BigInt(2 * k - 1);
      const qk = k === 0 ? 1n : v2 * BigInt(2 * k + 1);
      p *= pk;
      q *= qk;
      t = t * qk + p;
    }
    return { p, q, t };
  }
  const mid = (a + b) >> 1;
  const left = splitAtanh(a, mid, u2, v2);
  const right = splitAtanh(mid, b, u2, v2);
  return { p: left.p * right.p, q: left.q * right.q, t: right.q * left.t + left.p * right.t };
}
