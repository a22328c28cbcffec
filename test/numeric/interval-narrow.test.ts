// log, exp and sqrt of a narrow interval (an inexact point's enclosure) take one MPFR call and bound
// the other end by concavity (log, sqrt) or by e^w <= 1 + 2w (exp). The enclosure must contain the true values at
// both ends, checked at 3x the precision, and be at most twice as wide as the two-call enclosure (plus
// a few ulps): both bounds overestimate the width by at most a factor 2.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { enclose } from '../../src/numeric/interval.js';
import { loadMpfr, MpfrArena, RNDD, RNDU, type Mpfr } from '../../src/numeric/mpfr.js';

let mpfr: Mpfr;
beforeAll(async () => {
  mpfr = await loadMpfr();
});

const x = b.sym('x');

/** [f(lo) down, f(hi) up] at `bits` bits, the two-call reference. */
function reference(f: 'log' | 'exp' | 'sqrt', lo: Rational, hi: Rational, bits: number): { lo: Rational; hi: Rational } {
  const arena = new MpfrArena(mpfr, bits);
  try {
    const a = arena.take();
    const r = arena.take();
    const bn = mpfr.binding;
    arena.setRational(a, lo, RNDD);
    bn[`mpfr_${f}`](r, a, RNDD);
    const down = arena.toRational(r)!;
    arena.setRational(a, hi, RNDU);
    bn[`mpfr_${f}`](r, a, RNDU);
    return { lo: down, hi: arena.toRational(r)! };
  } finally {
    arena.destroy();
  }
}

/** A narrow interval of floats at `bits` bits: [m 2^e, (m + k) 2^e] with m of exactly `bits` bits. */
const narrow = (bits: number) =>
  fc.record({
    m: fc.bigInt({ min: 1n << BigInt(bits - 1), max: (1n << BigInt(bits)) - 1n }),
    k: fc.bigInt({ min: 1n, max: 5n }),
    e: fc.integer({ min: -bits - 8, max: -bits + 12 }),
  }).map(({ m, k, e }) => {
    const s = 1n << BigInt(-e);
    return { lo: Rational.of(m, s), hi: Rational.of(m + k, s) };
  });

describe('narrow log, exp and sqrt', () => {
  for (const bits of [64, 200, 1000]) {
    for (const f of ['log', 'exp', 'sqrt'] as const) {
      it(`${f} at ${bits} bits contains the true ends and is at most twice as wide as the two-call enclosure`, () => {
        fc.assert(
          fc.property(narrow(bits), ({ lo, hi }) => {
            const e = f === 'log' ? b.log(x) : f === 'exp' ? b.exp(x) : b.sqrt(x);
            const bn = mpfr.binding;
            const original = bn[`mpfr_${f}`];
            let calls = 0;
            bn[`mpfr_${f}`] = (rop: number, op: number, rnd: number) => (calls++, original(rop, op, rnd));
            let r;
            try {
              r = enclose(e, new Map([['x', { lo, hi }]]), bits);
            } finally {
              bn[`mpfr_${f}`] = original;
            }
            expect(calls).toBe(1);
            if (r.kind !== 'bounded') throw new Error(r.kind);
            const truth = reference(f, lo, hi, 3 * bits);
            expect(r.lo.le(truth.lo)).toBe(true);
            expect(truth.hi.le(r.hi)).toBe(true);
            const two = reference(f, lo, hi, bits);
            expect(r.lo.equals(two.lo)).toBe(true);
            const ulps = Rational.of(1n, 1n << BigInt(bits)).mul(two.hi.abs()).mul(Rational.of(4n));
            expect(r.hi.sub(r.lo).le(two.hi.sub(two.lo).mul(Rational.TWO).add(ulps))).toBe(true);
          }),
          { numRuns: bits === 1000 ? 60 : 300 },
        );
      });
    }
  }
});
