// log of an exact rational by multi-prime reduction (2, 3, 5, 7 cached, one atanh series for the rest):
// the enclosure must contain the logarithm computed by MPFR at 3x the precision and be as narrow as
// promised, for integers, fractions, smooth numbers, values near 1 and large exponents; the interval
// evaluator must use it (no MPFR logarithm) for exact arguments at high precision.

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { enclose } from '../../src/numeric/interval.js';
import { atanhFixed, logRationalFixed } from '../../src/numeric/log-rational.js';
import { loadMpfr, MpfrArena, RNDD, RNDU, type Mpfr } from '../../src/numeric/mpfr.js';
import { primeLog } from '../../src/numeric/prime-logs.js';

let mpfr: Mpfr;
let arena: MpfrArena;
beforeAll(async () => {
  mpfr = await loadMpfr();
  arena = new MpfrArena(mpfr, 64);
  return () => arena.destroy();
});

/** Bounds on f(q) at `bits` bits, f = log or atanh: f(q rounded down) rounded down, and up. */
function reference(f: 'log' | 'atanh', q: Rational, bits: number): { lo: Rational; hi: Rational } {
  const a = new MpfrArena(mpfr, bits);
  try {
    const x = a.take();
    const r = a.take();
    const out: Rational[] = [];
    for (const rnd of [RNDD, RNDU]) {
      a.setRational(x, q, rnd); // f is increasing: rounding q the same way keeps the bound
      mpfr.binding[`mpfr_${f}`](r, x, rnd);
      out.push(a.toRational(r)!);
    }
    return { lo: out[0]!, hi: out[1]! };
  } finally {
    a.destroy();
  }
}

const fixed = (m: bigint, scale: number) => Rational.of(m, 1n << BigInt(scale));
const log = (q: Rational, bits: number) => logRationalFixed(q, bits, (p, s) => primeLog(arena, p, s));

/** Rationals of the kinds bounds produce: small fractions, smooth numbers, near 1, large powers. */
const rationals = fc.oneof(
  fc.record({ n: fc.bigInt({ min: 1n, max: 1n << 40n }), d: fc.bigInt({ min: 1n, max: 1n << 40n }) }).map(({ n, d }) => Rational.of(n, d)),
  fc.record({ n: fc.integer({ min: 1, max: 10_000 }), d: fc.integer({ min: 1, max: 1000 }) }).map(({ n, d }) => Rational.of(n, d)),
  fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: -20, max: 20 }), fc.integer({ min: -12, max: 12 }), fc.integer({ min: -10, max: 10 }))
    .map(([i, j, k, l]) => [Rational.of(2), Rational.of(3), Rational.of(5), Rational.of(7)].reduce((acc, p, idx) => acc.mul(p.powInt(BigInt([i, j, k, l][idx]!))!), Rational.ONE)),
  fc.record({ k: fc.integer({ min: 1, max: 60 }), sign: fc.boolean() }).map(({ k, sign }) => Rational.ONE.add(Rational.of(sign ? 1n : -1n, 1n << BigInt(k)))),
);

describe('logRationalFixed', () => {
  for (const bits of [200, 1100, 3400]) {
    it(`contains log q (MPFR at 3x) with relative width <= 2^-bits, at ${bits} bits`, () => {
      let used = 0;
      fc.assert(
        fc.property(rationals, (q) => {
          const enc = log(q, bits);
          if (enc === undefined) return;
          used++;
          const ref = reference('log', q, 3 * bits);
          const lo = fixed(enc.lo, enc.scale);
          const hi = fixed(enc.hi, enc.scale);
          expect(lo.le(ref.lo) && ref.hi.le(hi)).toBe(true);
          if (q.isOne()) return;
          const width = hi.sub(lo);
          const small = lo.abs().min(hi.abs());
          expect(width.mul(Rational.of(1n << BigInt(bits))).le(small)).toBe(true);
        }),
        { numRuns: bits > 2000 ? 60 : 200 },
      );
      // Below 1500 bits only smooth rationals take this path (no series); above, most do.
      expect(used).toBeGreaterThan(bits > 2000 ? 25 : 30);
    });
  }

  it('applies to the logarithms of the §6 bound and to fractions near 1 at 3400 bits, and to smooth ones at 256', () => {
    for (const q of [Rational.of(200), Rational.of(41), Rational.of(1, 50), Rational.of(1000, 999), Rational.of(1001, 1000), Rational.of(13)]) {
      expect(log(q, 3400), q.toString()).toBeDefined();
    }
    expect(log(Rational.of(200), 256)).toBeDefined();
    expect(log(Rational.of(41), 256)).toBeUndefined();
  });

  it('declines what it cannot do well: q <= 0, long numbers, slow series, values too close to 1 for doubles', () => {
    expect(log(Rational.of(123456789, 1000003), 3400)).toBeUndefined();
    expect(log(Rational.ZERO, 1000)).toBeUndefined();
    expect(log(Rational.of(-3), 1000)).toBeUndefined();
    expect(log(Rational.of((1n << 200n) + 1n, 3n), 1000)).toBeUndefined();
    expect(log(Rational.of((1n << 90n) + 1n, 1n << 90n), 1000)).toBeUndefined();
  });
});

describe('atanhFixed', () => {
  it('F <= atanh(u/v) <= F + 2 at the scale, against MPFR at twice the bits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 16, max: 1 << 20 }),
        fc.constantFrom(64, 333, 1000, 3400),
        (u, k, scale) => {
          const v = BigInt(u) * BigInt(k) + BigInt(k % 7);
          const f = atanhFixed(BigInt(u), v, scale);
          const ref = reference('atanh', Rational.of(BigInt(u), v), 2 * scale + 64);
          expect(fixed(f, scale).le(ref.lo) && ref.hi.le(fixed(f + 2n, scale))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses arguments above 1/16, where its term count would be wrong', () => {
    expect(() => atanhFixed(1n, 15n, 100)).toThrow(RangeError);
  });
});

describe('the interval evaluator on log of an exact rational', () => {
  const countLogs = <T,>(f: () => T): { value: T; calls: number } => {
    const bn = mpfr.binding;
    const original = bn.mpfr_log;
    let calls = 0;
    bn.mpfr_log = (rop: number, op: number, rnd: number) => (calls++, original(rop, op, rnd));
    try {
      return { value: f(), calls };
    } finally {
      bn.mpfr_log = original;
    }
  };

  for (const [text, arg] of [
    ['log(200)', b.log(b.num(200))],
    ['log(1 + 4/a) at a = 1/10', b.log(b.add(b.ONE, b.div(b.num(4), b.sym('a'))))],
  ] as const) {
    it(`${text} at 3354 bits: no MPFR logarithm once the primes are cached, and the value enclosed`, () => {
      const box = new Map([['a', { lo: Rational.of(1, 10), hi: Rational.of(1, 10) }]]);
      enclose(arg, box, 3354); // warms the prime cache at this scale
      const { value: r, calls } = countLogs(() => enclose(arg, box, 3354));
      expect(calls).toBe(0);
      if (r.kind !== 'bounded') throw new Error(r.kind);
      const q = text === 'log(200)' ? Rational.of(200) : Rational.of(41);
      const ref = reference('log', q, 3 * 3354);
      expect(r.lo.le(ref.lo) && ref.hi.le(r.hi)).toBe(true);
      expect(r.hi.sub(r.lo).mul(Rational.of(1n << 3350n)).le(r.lo)).toBe(true);
    });
  }

  it('below 1000 bits the MPFR logarithm is used, as before', () => {
    const { calls } = countLogs(() => enclose(b.log(b.num(41)), new Map(), 300));
    expect(calls).toBe(1);
  });
});
