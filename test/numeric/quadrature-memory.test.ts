// Quadrature releases what it no longer needs after every node, Newton step, rule and piece: the MPFR
// field's count of live values is back where it started when a quadrature returns and stays small on
// the way, WebAssembly memory does not grow with the digits, and a released value cannot be used.

import { beforeAll, describe, expect, test } from 'vitest';
import { add, ceil, div, log, mul, num, pow, sqrt, sym } from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import { formatDecimal } from '../../src/numeric/format.js';
import { pieces } from '../../src/numeric/jumps.js';
import { mpfrField, MpfrValue, type MpfrField } from '../../src/numeric/mpfr-field.js';
import { loadMpfr, type Mpfr } from '../../src/numeric/mpfr.js';
import { integrate, integratePieces, quadratureBits } from '../../src/numeric/quadrature.js';
import { compileExpr } from '../../src/numeric/quadrature-expression.js';

let mpfr: Mpfr;
let initialBytes = 0;
beforeAll(async () => {
  mpfr = await loadMpfr();
  initialBytes = mpfr.memoryBytes();
});

const t = sym('t');
const entropy = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));
// mpmath quad at 70 digits on the same pieces (bench/quadrature_mpmath.py --references).
const REFERENCE = '24.2395497809558697134505206231195261652020666666824066466763';

function compiledPieces(body: Expr, lo: Rational, hi: Rational) {
  const split = pieces(body, 't', lo, hi, new Map());
  if (!split.ok) throw new Error('pieces');
  return split.value.map((p) => {
    const c = compileExpr(p.expr, 't');
    if (!c.ok) throw new Error('compile');
    return { lo: p.lo, hi: p.hi, f: c.value };
  });
}

/** F behind a proxy that records the peak of live values after every call and counts values created. */
function watched(F: MpfrField) {
  const stats = { peak: F.liveValues(), created: 0 };
  const proxy = new Proxy(F, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        const r = (v as (...a: unknown[]) => unknown).apply(target, args);
        if (r instanceof MpfrValue) stats.created++;
        stats.peak = Math.max(stats.peak, target.liveValues());
        return r;
      };
    },
  });
  return { F: proxy, stats };
}

describe('quadrature memory', () => {
  // First in the file, so that nothing else has grown this worker's WebAssembly memory yet.
  test('a 100-digit quadrature of the §6 integral grows WebAssembly memory by less than 2 MiB (it grew by 31 MiB when every value lived to the end)', async () => {
    const r = await integrate(entropy, 't', Rational.of(1, 12), Rational.ONE, new Map(), { digits: 100 });
    expect(r.ok).toBe(true);
    expect(mpfr.memoryBytes() - initialBytes).toBeLessThan(2 * 2 ** 20);
  });

  test('the live-value count returns to its start, and its peak stays tiny against the values created', async () => {
    const digits = 60;
    const compiled = compiledPieces(entropy, Rational.of(1, 12), Rational.ONE);
    const bits = quadratureBits(digits, compiled.length);
    // Gauss rules are computed once per precision (their recurrences are what they are) and cached:
    // warm the cache, so that what is watched below is the steady state of many nodes.
    const warm = await mpfrField(bits);
    integratePieces(warm, compiled, digits, 1_000_000);
    warm.destroy();
    const field = await mpfrField(bits);
    try {
      const callers = field.rational(Rational.of(7, 3)); // a value of the caller's: it must survive
      const before = field.liveValues();
      const { F, stats } = watched(field);
      const r = integratePieces(F, compiled, digits, 1_000_000);
      if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
      expect(formatDecimal(r.value.value, digits)).toBe(formatDecimal(Rational.parseDecimal(REFERENCE)!, digits));
      expect(field.liveValues()).toBe(before);
      expect(field.toDecimal(callers, 5)).toBe('2.3333');
      expect(stats.created).toBeGreaterThan(10_000);
      // What stays alive: the 11 pieces' ends and integrand constants, the sums, one node's temporaries.
      expect(stats.peak - before).toBeLessThan(200);
    } finally {
      field.destroy();
    }
  });

  test('release frees what was created after the mark except what is kept; a freed value throws', async () => {
    const F = await mpfrField(64);
    try {
      const one = F.rational(Rational.ONE);
      const m = F.mark();
      const kept = F.add(one, one);
      const dropped = F.mul(kept, kept);
      const c = F.constant(Rational.of(5));
      const p = F.persist(dropped);
      F.release(m, kept);
      expect(F.liveValues()).toBe(2); // one, kept
      expect(F.toRational(kept)).toEqual(Rational.of(2));
      expect(F.toRational(c)).toEqual(Rational.of(5));
      expect(F.toRational(p)).toEqual(Rational.of(4));
      expect(() => F.add(dropped, one)).toThrow(/after release/);
      // A released register is reused, not leaked.
      const again = F.sub(kept, one);
      expect(F.toRational(again)).toEqual(Rational.ONE);
    } finally {
      F.destroy();
    }
  });
});
