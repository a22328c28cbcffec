// Random points in the declared domains of symbols, from a seeded generator so that a check can be
// repeated. Reals are sampled log-uniformly at distance [1/10, 10] from a finite endpoint (positive
// reals: in [1/10, 10]), integers uniformly in a window of 30 above the lower end.

import { positiveReal, type Domain } from '../expr/domains.js';
import { Rational } from '../expr/rational.js';

export type Random = () => number;

/** mulberry32: a small deterministic generator, uniform on [0, 1). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A double as an exact rational with 9 significant digits. */
export function rationalOf(x: number): Rational {
  return Rational.parseDecimal(x.toPrecision(9))!;
}

export const logUniform = (rng: Random, lo: number, hi: number): number => Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo)));

function sampleInteger(d: Domain, rng: Random): Rational {
  let lo = d.lower ? d.lower.value.ceil().n : undefined;
  if (lo !== undefined && d.lower!.open && d.lower!.value.isInteger()) lo += 1n;
  let hi = d.upper ? d.upper.value.floor().n : undefined;
  if (hi !== undefined && d.upper!.open && d.upper!.value.isInteger()) hi -= 1n;
  const low = lo ?? (hi !== undefined ? hi - 30n : 1n);
  const high = hi ?? low + 30n;
  if (high < low) return Rational.of(low);
  const span = high - low + 1n;
  const k = span > 1_000_000n ? BigInt(Math.floor(rng() * 1_000_000)) : BigInt(Math.floor(rng() * Number(span)));
  return Rational.of(low + k);
}

function sampleReal(d: Domain, rng: Random): Rational {
  const lo = d.lower?.value;
  const hi = d.upper?.value;
  if (lo !== undefined && hi !== undefined) {
    const width = hi.sub(lo);
    if (width.sign <= 0) return lo;
    // Uniform in the interior: t in (0, 1) kept away from both ends.
    const t = rationalOf(0.001 + 0.998 * rng());
    return lo.add(width.mul(t));
  }
  const offset = rationalOf(logUniform(rng, 0.1, 10));
  if (lo !== undefined) return lo.add(offset);
  if (hi !== undefined) return hi.sub(offset);
  return rng() < 0.5 ? offset : offset.neg();
}

export function sampleValue(d: Domain | undefined, rng: Random): Rational {
  const domain = d ?? positiveReal;
  return domain.integer ? sampleInteger(domain, rng) : sampleReal(domain, rng);
}

export function samplePoint(symbols: Iterable<string>, domains: ReadonlyMap<string, Domain>, rng: Random): Map<string, Rational> {
  const point = new Map<string, Rational>();
  for (const s of [...symbols].sort()) point.set(s, sampleValue(domains.get(s), rng));
  return point;
}

/** `digits` significant digits of a rational, for messages (truncated, not a certified rounding). */
export function decimalText(q: Rational, digits = 20): string {
  if (q.isZero()) return '0';
  const sign = q.sign < 0 ? '-' : '';
  let n = q.n < 0n ? -q.n : q.n;
  const den = q.d;
  let exponent = n.toString().length - den.toString().length;
  // Scale so that the quotient has exactly `digits` digits.
  const shift = digits - 1 - exponent;
  let scaled = shift >= 0 ? (n * 10n ** BigInt(shift)) / den : n / (den * 10n ** BigInt(-shift));
  if (scaled.toString().length > digits) {
    scaled /= 10n;
    exponent += 1;
  } else if (scaled.toString().length < digits) {
    exponent -= 1;
    const s2 = shift + 1;
    scaled = s2 >= 0 ? (n * 10n ** BigInt(s2)) / den : n / (den * 10n ** BigInt(-s2));
  }
  n = scaled;
  const s = n.toString();
  const mantissa = s.length > 1 ? `${s[0]}.${s.slice(1)}` : s;
  return exponent === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${exponent}`;
}
