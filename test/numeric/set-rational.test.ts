// MpfrArena.setRational rounds every rational correctly in both directions, on both of its paths (small
// fractions by mpq_set_si, the rest through hex text), for small, dyadic and 700-bit values: the two
// roundings are adjacent floats around q, or both q exactly, with MPFR's ternary value saying which.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rational } from '../../src/expr/rational.js';
import { loadMpfr, MpfrArena, RNDD, RNDU } from '../../src/numeric/mpfr.js';

let arena: MpfrArena;
beforeAll(async () => {
  arena = new MpfrArena(await loadMpfr(), 200);
});
afterAll(() => arena.destroy());

const big = fc.bigInt({ min: -(1n << 700n), max: 1n << 700n });
const rationals = fc.oneof(
  fc.tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 1000n })),
  fc.tuple(big, fc.integer({ min: 0, max: 900 }).map((k) => 1n << BigInt(k))),
  fc.tuple(big, fc.bigInt({ min: 1n, max: 1n << 400n })),
).map(([n, d]) => Rational.of(n, d));

describe('setRational', () => {
  it('RNDD and RNDU bracket q with adjacent floats, or both equal q when it is a float', () => {
    const b = arena.mpfr.binding;
    fc.assert(
      fc.property(rationals, (q) => {
        const lo = arena.take();
        const hi = arena.take();
        const tLo = arena.setRational(lo, q, RNDD);
        const tHi = arena.setRational(hi, q, RNDU);
        const l = arena.toRational(lo)!;
        const h = arena.toRational(hi)!;
        if (tLo === 0) {
          expect(tHi).toBe(0);
          expect(l.equals(q) && h.equals(q)).toBe(true);
        } else {
          expect(l.lt(q) && q.lt(h)).toBe(true);
          b.mpfr_nextabove(lo);
          expect(b.mpfr_equal_p(lo, hi)).not.toBe(0);
        }
        arena.release();
      }),
      { numRuns: 2000 },
    );
  });
});
