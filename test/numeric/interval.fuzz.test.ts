// The long runs (`npm run fuzz`): interval soundness on >= 30,000 sampled points and 10^6 interval
// evaluations with WebAssembly memory flat.

import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { IntervalEvaluator } from '../../src/numeric/interval.js';
import { loadMpfr } from '../../src/numeric/mpfr.js';
import { box, checkSoundness, expression, samplePoints, type SoundnessTally } from './arbitrary-numeric.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const evaluators: IntervalEvaluator[] = [];

beforeAll(async () => {
  const mpfr = await loadMpfr();
  for (const bits of [10, 24, 53, 113, 300]) evaluators.push(new IntervalEvaluator(bits, mpfr));
});
afterAll(() => evaluators.forEach((ev) => ev.destroy()));

test('interval soundness: random expressions, boxes and points', () => {
  const tally: SoundnessTally = { checked: 0, undefinedPoints: 0, skipped: 0 };
  fc.assert(
    fc.property(expression, box, fc.integer({ min: 0, max: evaluators.length - 1 }), fc.integer(), (e, bx, which, seed) => {
      let s = seed >>> 0;
      const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
      checkSoundness(evaluators[which]!, e, bx, samplePoints(bx, 12, rand), tally);
    }),
    { numRuns: Math.round(3000 * SCALE) },
  );
  expect(tally.checked).toBeGreaterThan(20_000 * SCALE);
});

test('10^6 interval evaluations leave WebAssembly memory flat', async () => {
  const mpfr = await loadMpfr();
  const x = b.sym('x');
  const e = b.add(b.mul(b.num(2), b.sqrt(b.log(b.add(b.ONE, b.div(b.num(4), x))))), b.pow(x, b.num(-1, 2)), b.ceil(b.div(b.num(2), x)));
  const ev = new IntervalEvaluator(128, mpfr);
  const box = (i: number) => {
    const v = Rational.of((i % 997) + 1, 1000);
    return new Map([['x', { lo: v, hi: v }]]);
  };
  for (let i = 0; i < 1000; i++) ev.encloseMpfr(e, box(i));
  const before = mpfr.memoryBytes();
  for (let i = 0; i < 1_000_000; i++) {
    const r = ev.encloseMpfr(e, box(i));
    if (r.kind !== 'ok' || r.value.empty) throw new Error('unexpected enclosure');
  }
  const after = mpfr.memoryBytes();
  ev.destroy();
  expect(after - before).toBeLessThanOrEqual(1 << 20);
});
