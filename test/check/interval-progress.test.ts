// The interval prover reports its progress (boxes examined, boxes open) for the CLI's progress bar,
// and the bar is drawn by check only on a terminal.
import { describe, expect, it } from 'vitest';
import { proveOverBox } from '../../src/check/interval-prover.js';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';

describe('branch-and-bound progress', () => {
  it('is reported every 128 boxes with rising counts, and never changes the verdict', async () => {
    // AM-GM sqrt(xy) <= (x + y)/2 is tight on the diagonal, so the prover subdivides until its budget ends.
    const x = b.sym('x');
    const y = b.sym('y');
    const small = b.sqrt(b.mul(x, y));
    const large = b.div(b.add(x, y), b.TWO);
    const box = [
      { variable: 'x', lower: Rational.of(1, 100), upper: Rational.ONE },
      { variable: 'y', lower: Rational.of(1, 100), upper: Rational.ONE },
    ];
    const calls: [number, number][] = [];
    const withProgress = await proveOverBox(small, '<=', large, box, { boxes: 600, timeMs: 5000, onProgress: (e, open) => calls.push([e, open]) });
    const without = await proveOverBox(small, '<=', large, box, { boxes: 600, timeMs: 5000 });
    expect(withProgress.status).toBe(without.status);
    expect(calls.length).toBe(4); // 600 boxes: reports at 128, 256, 384, 512
    for (const [i, [examined, open]] of calls.entries()) {
      expect(examined).toBe(128 * (i + 1));
      expect(open).toBeGreaterThanOrEqual(1);
    }
  });
});
