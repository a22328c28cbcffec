// On a point argument an interval operator makes one MPFR call and takes the upper end as the next float
// above the lower one when MPFR reports the result inexact. Both ends must equal MPFR's own RNDD and RNDU
// results exactly, inexact and exact cases alike (log 1, sqrt 4, 2^-3).

import { beforeAll, describe, expect, test } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { enclose, pointOf } from '../../src/numeric/interval.js';
import { loadMpfr, MpfrArena, RNDD, RNDU, type Mpfr, type MpfrPtr } from '../../src/numeric/mpfr.js';

let mpfr: Mpfr;
beforeAll(async () => {
  mpfr = await loadMpfr();
});

const x = b.sym('x');
const q = (n: number | bigint, d: number | bigint = 1) => Rational.of(n, d);
type Reference = (bn: Mpfr['binding'], arena: MpfrArena, rop: MpfrPtr, op: MpfrPtr, rnd: number) => void;

/** The enclosure of e at x = v must be exactly [ref rounded down, ref rounded up]. */
function expectDirected(e: Expr, v: Rational, bits: number, ref: Reference): void {
  const r = enclose(e, new Map([['x', pointOf(v)]]), bits);
  if (r.kind !== 'bounded') throw new Error(`expected bounded, got ${r.kind}`);
  const arena = new MpfrArena(mpfr, bits);
  try {
    const op = arena.take();
    expect(arena.setRational(op, v, RNDD)).toBe(0); // the argument is a float: the one-call path applies
    const lo = arena.take();
    const hi = arena.take();
    ref(mpfr.binding, arena, lo, op, RNDD);
    ref(mpfr.binding, arena, hi, op, RNDU);
    expect(r.lo.equals(arena.toRational(lo)!)).toBe(true);
    expect(r.hi.equals(arena.toRational(hi)!)).toBe(true);
  } finally {
    arena.destroy();
  }
}

const points = [q(3), q(41), q(7, 8), q(1), q(4), q(1000001), q(-5), q(1, 1024)];
const precisions = [24, 53, 200, 3354];

describe('one MPFR call on a point, both directed roundings exact', () => {
  for (const bits of precisions) {
    test(`log, exp and sqrt at ${bits} bits`, () => {
      for (const v of points) {
        if (v.sign > 0) expectDirected(b.log(x), v, bits, (bn, _a, rop, op, rnd) => bn.mpfr_log(rop, op, rnd));
        if (v.lt(q(1000))) expectDirected(b.exp(x), v, bits, (bn, _a, rop, op, rnd) => bn.mpfr_exp(rop, op, rnd));
        if (v.sign > 0) expectDirected(b.sqrt(x), v, bits, (bn, _a, rop, op, rnd) => bn.mpfr_sqrt(rop, op, rnd));
      }
    });
    test(`integer powers (odd, even, negative) at ${bits} bits`, () => {
      for (const v of points) {
        for (const k of [3, 4, -1, -3, -4, 37]) {
          expectDirected(b.pow(x, b.num(k)), v, bits, (bn, _a, rop, op, rnd) => bn.mpfr_pow_si(rop, op, k, rnd));
        }
      }
    });
    test(`a power with a float exponent that is no small rational (x^(2^-40)) at ${bits} bits`, () => {
      const r = q(1n, 1n << 40n);
      for (const v of points) {
        if (v.sign <= 0) continue;
        expectDirected(b.pow(x, b.num(r)), v, bits, (bn, a, rop, op, rnd) => {
          const y = a.take();
          a.setRational(y, r, RNDD);
          bn.mpfr_pow(rop, op, y, rnd);
        });
      }
    });
  }
  test('exact results give a zero-width enclosure', () => {
    for (const [e, v, value] of [
      [b.log(x), q(1), q(0)],
      [b.sqrt(x), q(4), q(2)],
      [b.exp(x), q(0), q(1)],
      [b.pow(x, b.num(-3)), q(2), q(1, 8)],
    ] as const) {
      const r = enclose(e, new Map([['x', pointOf(v)]]), 64);
      expect(r.kind === 'bounded' && r.lo.equals(value) && r.hi.equals(value)).toBe(true);
    }
  });
});
