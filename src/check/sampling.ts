// Random points of the declared domains for the numerical fallback: log-uniform over positive reals
// (1e-4 .. 1e4, so both small and large scales are visited), integers for integer symbols, uniform
// within declared intervals; one coordinate in four takes a boundary or small special value.

import type { Domain } from '../expr/domains.js';
import { Rational } from '../expr/rational.js';

// The seeded generator is the CAS wall's; only the sampling policy differs.
export { seededRandom, rationalOf, type Random } from '../cas/sampling.js';
import { logUniform, rationalOf, type Random } from '../cas/sampling.js';

const pick = <T>(rng: Random, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

function integerRange(d: Domain): { lo: bigint | undefined; hi: bigint | undefined } {
  let lo = d.lower ? d.lower.value.ceil().n : undefined;
  if (lo !== undefined && d.lower!.open && d.lower!.value.isInteger()) lo += 1n;
  let hi = d.upper ? d.upper.value.floor().n : undefined;
  if (hi !== undefined && d.upper!.open && d.upper!.value.isInteger()) hi -= 1n;
  return { lo, hi };
}

function sampleInteger(d: Domain, rng: Random, special: boolean): Rational | undefined {
  const { lo, hi } = integerRange(d);
  if (lo !== undefined && hi !== undefined && hi < lo) return undefined;
  const base = lo ?? (hi !== undefined ? hi : 0n);
  const dir = lo !== undefined ? 1n : hi !== undefined ? -1n : rng() < 0.5 ? 1n : -1n;
  let offset: bigint;
  if (special) offset = BigInt(Math.floor(rng() * 3));
  else offset = BigInt(Math.floor(logUniform(rng, 1, 1e5))) - 1n;
  let v = base + dir * offset;
  if (lo !== undefined && hi !== undefined) {
    const span = hi - lo + 1n;
    v = special ? (rng() < 0.5 ? lo : hi) : lo + (span > 1_000_000n ? BigInt(Math.floor(rng() * 1e6)) : BigInt(Math.floor(rng() * Number(span))));
  }
  return Rational.of(v);
}

function sampleReal(d: Domain, rng: Random, special: boolean): Rational | undefined {
  const lo = d.lower?.value;
  const hi = d.upper?.value;
  if (lo !== undefined && hi !== undefined) {
    const width = hi.sub(lo);
    if (width.sign < 0) return undefined;
    if (width.sign === 0) return lo;
    if (special) {
      const ends = [...(d.lower!.open ? [] : [lo]), ...(d.upper!.open ? [] : [hi])];
      if (ends.length > 0 && rng() < 0.7) return pick(rng, ends);
    }
    const lf = lo.toNumber();
    const hf = hi.toNumber();
    // Wide positive ranges are sampled on a log scale, narrow ones uniformly.
    if (lf > 0 && hf / lf > 100 && rng() < 0.5) {
      const x = rationalOf(logUniform(rng, lf, hf));
      if (lo.lt(x) && x.lt(hi)) return x;
    }
    return lo.add(width.mul(rationalOf(0.0005 + 0.999 * rng())));
  }
  const offset = special ? pick(rng, [Rational.of(1, 1000), Rational.HALF, Rational.ONE, Rational.TWO, Rational.of(1000)]) : rationalOf(logUniform(rng, 1e-4, 1e4));
  if (lo !== undefined) {
    if (special && !d.lower!.open && rng() < 0.5) return lo;
    return lo.add(offset);
  }
  if (hi !== undefined) {
    if (special && !d.upper!.open && rng() < 0.5) return hi;
    return hi.sub(offset);
  }
  return rng() < 0.5 ? offset : offset.neg();
}

/** One value of the domain (undefined for an empty domain). */
export function sampleValue(d: Domain, rng: Random): Rational | undefined {
  const special = rng() < 0.25;
  return d.integer ? sampleInteger(d, rng, special) : sampleReal(d, rng, special);
}
