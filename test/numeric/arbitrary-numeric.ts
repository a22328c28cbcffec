// fast-check generators for the numeric property tests: random expressions over x, y, t using every
// operator the interval evaluator supports, random boxes, and sample points inside them.

import fc from 'fast-check';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import type { RationalInterval } from '../../src/numeric/interval.js';

export const SYMBOLS = ['x', 'y', 't'] as const;

const smallRational = fc
  .tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: 1, max: 8 }))
  .map(([n, d]) => Rational.of(n, d));

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SYMBOLS).map((s) => b.sym(s) as Expr) },
  { weight: 2, arbitrary: smallRational.map((q) => b.num(q) as Expr) },
  { weight: 1, arbitrary: fc.constant(b.PI as Expr) },
);

const exponents = [-3, -2, -1, 2, 3].map((k) => Rational.of(k)).concat([Rational.of(1, 2), Rational.of(1, 3), Rational.of(-1, 2), Rational.of(3, 2), Rational.of(2, 3)]);

export const expression: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.add(p, q)) },
    { weight: 1, arbitrary: fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.sub(p, q)) },
    { weight: 2, arbitrary: fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.mul(p, q)) },
    { weight: 1, arbitrary: fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.div(p, q)) },
    { weight: 2, arbitrary: fc.tuple(tie('e'), fc.constantFrom(...exponents)).map(([p, k]) => b.pow(p, b.num(k))) },
    { weight: 1, arbitrary: fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.pow(p, q)) },
    { weight: 1, arbitrary: tie('e').map((p) => b.sqrt(p)) },
    { weight: 1, arbitrary: tie('e').map((p) => b.log(p)) },
    { weight: 1, arbitrary: tie('e').map((p) => b.exp(b.min(p, b.num(30)))) },
    { weight: 1, arbitrary: fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.min(p, q)) },
    { weight: 1, arbitrary: fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.max(p, q)) },
    { weight: 1, arbitrary: tie('e').map((p) => b.ceil(p)) },
    { weight: 1, arbitrary: tie('e').map((p) => b.floor(p)) },
    { weight: 1, arbitrary: tie('e').map((p) => b.abs(p)) },
    { weight: 1, arbitrary: tie('e').map((p) => b.positivePart(p)) },
    { weight: 1, arbitrary: tie('e').map((p) => b.factorial(b.ceil(b.min(b.abs(p), b.num(40))))) },
    {
      weight: 1,
      arbitrary: fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.binomial(b.floor(b.min(b.abs(p), b.num(60))), b.ceil(b.min(q, b.num(70))))),
    },
  ),
})).e;

/** A box coordinate: a random centre and a width from a point up to 4. */
const coordinate: fc.Arbitrary<RationalInterval> = fc
  .tuple(
    fc.integer({ min: -64, max: 64 }),
    fc.integer({ min: 1, max: 16 }),
    fc.constantFrom(Rational.ZERO, Rational.of(1, 1000), Rational.of(1, 10), Rational.ONE, Rational.of(4)),
  )
  .map(([n, d, w]) => {
    const lo = Rational.of(n, 4 * d);
    return { lo, hi: lo.add(w) };
  });

export const box: fc.Arbitrary<Map<string, RationalInterval>> = fc
  .tuple(coordinate, coordinate, coordinate)
  .map(([x, y, t]) => new Map([['x', x], ['y', y], ['t', t]]));

/** Sample points of a box: both corners and random interior points (exact rationals). */
export function samplePoints(bx: ReadonlyMap<string, RationalInterval>, count: number, rand: () => number): Map<string, Rational>[] {
  const pts: Map<string, Rational>[] = [];
  for (let i = 0; i < count; i++) {
    const p = new Map<string, Rational>();
    for (const [name, iv] of bx) {
      const w = iv.hi.sub(iv.lo);
      const u = i === 0 ? Rational.ZERO : i === 1 ? Rational.ONE : Rational.of(Math.floor(rand() * 1_000_001), 1_000_000);
      p.set(name, iv.lo.add(w.mul(u)));
    }
    pts.push(p);
  }
  return pts;
}

import { describeExpr } from '../../src/numeric/describe.js';
import { evaluateDecimalTree } from '../../src/numeric/evaluate.js';
import { intervalContains, type IntervalEvaluator } from '../../src/numeric/interval.js';

const TOLERANCE = Rational.of(1n, 10n ** 80n);

export interface SoundnessTally {
  checked: number;
  undefinedPoints: number;
  skipped: number;
}

/**
 * Encloses e over the box and checks every sample point against decimal.js at 100 digits: a defined
 * value must lie in the enclosure (up to 1e-80 relative, far below any enclosure width at <= 200
 * bits), and an undefined point must have been flagged. Throws with the details on a violation.
 */
export function checkSoundness(ev: IntervalEvaluator, e: Expr, bx: ReadonlyMap<string, RationalInterval>, points: readonly Map<string, Rational>[], tally: SoundnessTally): void {
  const res = ev.enclose(e, bx);
  if (res.kind === 'unsupported') throw new Error(`unsupported: ${res.message}`);
  for (const p of points) {
    const dj = evaluateDecimalTree(e, p, 100);
    const where = () => `${describeExpr(e)} at ${[...p].map(([k, v]) => `${k}=${v}`).join(', ')}; enclosure ${JSON.stringify(res, (_k, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Rational ? v.toString() : v))}`;
    if (!dj.ok) {
      const code = dj.diagnostics[0]!.code;
      if (code === 'EB5001') {
        tally.undefinedPoints++;
        if (!res.undefinedPossible) throw new Error(`undefined point not flagged: ${where()}`);
      } else tally.skipped++;
      continue;
    }
    const v = dj.value;
    if (res.kind === 'empty') throw new Error(`defined value ${v} in an empty enclosure: ${where()}`);
    const tol = v.abs().mul(TOLERANCE).add(TOLERANCE);
    // The reference is itself rounded (by up to tol): the enclosure must meet [v - tol, v + tol]. An
    // exact enclosure (sqrt(1/36) = 1/6) may be the single true value, which v only approximates.
    const meets =
      res.kind === 'bounded'
        ? res.lo.le(v.add(tol)) && v.sub(tol).le(res.hi)
        : intervalContains(res, v) || intervalContains(res, v.add(tol)) || intervalContains(res, v.sub(tol));
    if (!meets) {
      throw new Error(`value ${v.toNumber()} outside the enclosure: ${where()}`);
    }
    tally.checked++;
  }
}
