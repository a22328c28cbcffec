// WebAssembly memory stays flat over many evaluations: registers are recycled, contexts freed.

import { expect, test } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { evaluateSync } from '../../src/numeric/evaluate.js';
import { IntervalEvaluator } from '../../src/numeric/interval.js';
import { loadMpfr } from '../../src/numeric/mpfr.js';

const COUNT = Number(process.env.MEMORY_EVALUATIONS ?? '100000');

test(`${COUNT} interval evaluations and ${COUNT / 100} full evaluations leave WebAssembly memory flat`, async () => {
  const mpfr = await loadMpfr();
  const x = b.sym('x');
  const e = b.add(b.mul(b.num(2), b.sqrt(b.log(b.add(b.ONE, b.div(b.num(4), x))))), b.pow(x, b.num(-1, 2)), b.ceil(b.div(b.num(2), x)), b.exp(b.neg(x)));
  const ev = new IntervalEvaluator(128, mpfr);
  const run = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const v = Rational.of(i % 997 + 1, 1000);
      const r = ev.encloseMpfr(e, new Map([['x', { lo: v, hi: v }]]));
      if (r.kind !== 'ok' || r.value.empty) throw new Error('unexpected enclosure');
    }
  };
  run(0, 1000); // warm-up: pools and caches reach their size
  const before = mpfr.memoryBytes();
  run(1000, COUNT);
  for (let i = 0; i < COUNT / 100; i++) {
    const r = evaluateSync(e, new Map([['x', Rational.of(i % 89 + 1, 7)]]), { digits: 30 });
    if (!r.ok) throw new Error('evaluation failed');
  }
  const after = mpfr.memoryBytes();
  ev.destroy();
  expect(after - before).toBeLessThanOrEqual(1 << 20);
});
