// Interval soundness by property: random expressions and boxes, sample points checked with decimal.js.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { IntervalEvaluator, type RationalInterval } from '../../src/numeric/interval.js';
import { loadMpfr } from '../../src/numeric/mpfr.js';
import { box, checkSoundness, expression, samplePoints, type SoundnessTally } from './arbitrary-numeric.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const evaluators: IntervalEvaluator[] = [];

beforeAll(async () => {
  const mpfr = await loadMpfr();
  for (const bits of [10, 53, 200]) evaluators.push(new IntervalEvaluator(bits, mpfr));
});
afterAll(() => evaluators.forEach((ev) => ev.destroy()));

describe('interval enclosures contain every sampled value', () => {
  test('random expressions over random boxes', () => {
    const tally: SoundnessTally = { checked: 0, undefinedPoints: 0, skipped: 0 };
    fc.assert(
      fc.property(expression, box, fc.integer({ min: 0, max: 2 }), fc.integer(), (e, bx, which, seed) => {
        let s = seed >>> 0;
        const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
        checkSoundness(evaluators[which]!, e, bx, samplePoints(bx, 12, rand), tally);
      }),
      { numRuns: Math.round(700 * SCALE), seed: 20251123 },
    );
    expect(tally.checked).toBeGreaterThan(4000 * SCALE);
  });

  test('points next to the jumps of ceil(2/t) and floor(1/t), t = 1/j ± 1e-30', () => {
    const t = b.sym('t');
    const exprs = [b.ceil(b.div(b.num(2), t)), b.floor(b.div(b.num(1), t)), b.mul(b.ceil(b.div(b.num(1), t)), b.sqrt(t)), b.pow(b.ceil(b.pow(t, b.num(-1))), b.num(-4))];
    const eps = Rational.of(1n, 10n ** 30n);
    const tally: SoundnessTally = { checked: 0, undefinedPoints: 0, skipped: 0 };
    for (let j = 1; j <= 120; j++) {
      const c = Rational.of(1, j);
      const pts = [c, c.add(eps), c.sub(eps)].map((v) => new Map([['t', v]]));
      const boxes: Map<string, RationalInterval>[] = [
        new Map([['t', { lo: c, hi: c }]]),
        new Map([['t', { lo: c.sub(eps), hi: c.add(eps) }]]),
        new Map([['t', { lo: c, hi: c.add(eps) }]]),
        new Map([['t', { lo: c.sub(eps), hi: c }]]),
      ];
      for (const e of exprs) {
        for (const bx of boxes) {
          const iv = bx.get('t')!;
          const inside = pts.filter((p) => iv.lo.le(p.get('t')!) && p.get('t')!.le(iv.hi));
          for (const ev of evaluators) checkSoundness(ev, e, bx, inside, tally);
        }
      }
    }
    expect(tally.checked).toBeGreaterThan(5000);
  });

  test('log near 0: flagged when the box touches 0, enclosing otherwise', () => {
    const x = b.sym('x');
    const exprs = [b.log(x), b.log(b.sub(x, b.num(1, 3))), b.mul(x, b.log(x)), b.pow(x, b.sym('y'))];
    const tally: SoundnessTally = { checked: 0, undefinedPoints: 0, skipped: 0 };
    for (let k = 1; k <= 30; k++) {
      const tiny = Rational.of(1n, 10n ** BigInt(k));
      const boxes: Map<string, RationalInterval>[] = [
        new Map([['x', { lo: Rational.ZERO, hi: tiny }], ['y', { lo: Rational.of(-1, 2), hi: Rational.of(1, 3) }]]),
        new Map([['x', { lo: tiny, hi: tiny.mul(Rational.TWO) }], ['y', { lo: Rational.of(1, 2), hi: Rational.of(1, 2) }]]),
        new Map([['x', { lo: tiny.neg(), hi: tiny }], ['y', { lo: Rational.of(2), hi: Rational.of(2) }]]),
        new Map([['x', { lo: Rational.of(1, 3).sub(tiny), hi: Rational.of(1, 3).add(tiny) }], ['y', { lo: Rational.ONE, hi: Rational.of(3) }]]),
      ];
      for (const e of exprs) {
        for (const bx of boxes) {
          const xi = bx.get('x')!;
          const pts = [xi.lo, xi.hi, xi.lo.add(xi.hi).mul(Rational.HALF)].map((v) => new Map([['x', v], ['y', bx.get('y')!.hi]]));
          for (const ev of evaluators) checkSoundness(ev, e, bx, pts, tally);
        }
      }
    }
    expect(tally.checked).toBeGreaterThan(1000);
    expect(tally.undefinedPoints).toBeGreaterThan(50);
  });
});
