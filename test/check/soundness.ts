// The soundness property shared by the quick test and the fuzz run: whenever the interval prover says
// proven, dense sampling at 60 digits (random points plus corners) finds no violation.

import fc from 'fast-check';
import { expect } from 'vitest';
import { proveOverBox } from '../../src/check/interval-prover.js';
import { comparePoint } from '../../src/check/point-check.js';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';

const leaf = fc.oneof(
  fc.constantFrom(b.sym('x'), b.sym('y')),
  fc.integer({ min: -3, max: 5 }).map((n) => b.num(n)),
  fc.constantFrom(b.HALF, b.num(3, 2)),
);

/** Random expressions in x and y over the operations the prover handles. */
export const arbExpr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.add(p, q)),
    fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.mul(p, q)),
    fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.sub(p, q)),
    tie('e').map((p) => b.sqrt(b.add(b.abs(p), b.ONE))),
    tie('e').map((p) => b.log(b.add(b.mul(p, p), b.ONE))),
    fc.tuple(tie('e'), fc.integer({ min: -2, max: 3 })).map(([p, k]) => b.pow(b.add(b.abs(p), b.ONE), b.num(k))),
    tie('e').map((p) => b.ceil(p)),
    fc.tuple(tie('e'), tie('e')).map(([p, q]) => b.max(p, q)),
  ),
})).e;

const rat = fc.integer({ min: -8, max: 8 }).chain((n) => fc.integer({ min: 1, max: 4 }).map((d) => Rational.of(n, d)));
export const arbBox = fc.tuple(rat, fc.integer({ min: 0, max: 12 }), rat, fc.integer({ min: 0, max: 12 })).map(([x0, wx, y0, wy]) => [
  { variable: 'x', lower: x0, upper: x0.add(Rational.of(wx, 4)) },
  { variable: 'y', lower: y0, upper: y0.add(Rational.of(wy, 4)) },
]);

/** 200 points: the four corners and 196 random points of the box. */
function densePoints(box: { variable: string; lower: Rational; upper: Rational }[], seed: number): Map<string, Rational>[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const points: Map<string, Rational>[] = [];
  for (const cx of [0, 1]) for (const cy of [0, 1]) points.push(new Map(box.map((r, i) => [r.variable, (i === 0 ? cx : cy) ? r.upper : r.lower])));
  while (points.length < 200) points.push(new Map(box.map((r) => [r.variable, r.lower.add(r.upper.sub(r.lower).mul(Rational.of(Math.floor(rnd() * 1e6), 1e6)))])));
  return points;
}

export async function checkSoundness(runs: number, seed: number): Promise<{ proven: number }> {
  let provenCount = 0;
  await fc.assert(
    fc.asyncProperty(arbExpr, arbExpr, arbBox, fc.boolean(), async (lhs, rhs, box, strict) => {
      const rel = strict ? '<' : '<=';
      const r = await proveOverBox(lhs, rel, rhs, box, { boxes: 400, timeMs: 300 });
      if (r.status !== 'proven') return;
      provenCount++;
      for (const p of densePoints(box, seed)) {
        const free = new Map([...p].filter(([k]) => box.some((x) => x.variable === k)));
        const c = await comparePoint(lhs, rel, rhs, free, 60);
        expect(c.verdict, `proven but violated at ${[...free].map(([k, v]) => `${k}=${v}`).join(', ')}`).not.toBe('violated');
      }
    }),
    { numRuns: runs, seed },
  );
  return { proven: provenCount };
}
