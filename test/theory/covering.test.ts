import { describe, expect, it } from 'vitest';
import * as b from '../../src/expr/build.js';
import { substitute } from '../../src/expr/traverse.js';
import type { Expr } from '../../src/expr/types.js';
import { assumedCovering, coveringNumber } from '../../src/theory/covering.js';
import { q } from './fixtures.js';

const at = (e: Expr, r: [number, number]) => {
  const v = substitute(e, new Map([['r', b.num(q(r[0], r[1]))]]));
  if (v.kind !== 'num') throw new Error('not a number');
  return v.value.toString();
};

function ok<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error('refused');
  return r.value;
}

/** Number of non-decreasing index tuples in {1..K}^d, by brute force. */
function nonDecreasing(K: number, d: number): number {
  if (d === 0) return 1;
  let count = 0;
  const rec = (pos: number, min: number) => {
    if (pos === d) return void count++;
    for (let i = min; i <= K; i++) rec(pos + 1, i);
  };
  rec(0, 1);
  return count;
}

describe('cover.*', () => {
  it('cube: ceil(a/(2r))^d exactly, with the power envelope a^d r^-d for r <= a', () => {
    const c = ok(coveringNumber({ kind: 'cube', lower: q(-1), upper: q(1), dim: 4 }));
    expect(c.theorem).toBe('cover.cube');
    expect(c.exact).toBe(true);
    expect(at(c.expr, [1, 3])).toBe('81'); // ceil(3)^4
    expect(at(c.expr, [2, 7])).toBe('256'); // ceil(7/2)^4 = 4^4
    expect(at(c.expr, [1, 1])).toBe('1');
    expect((c.envelope!.A as { value: { toString(): string } }).value.toString()).toBe('16');
    // The envelope dominates the exact count on (0, r0].
    for (const [n, d] of [[1, 1], [1, 2], [2, 3], [1, 7], [3, 100]] as const) expect(Number(at(c.expr, [n, d]))).toBeLessThanOrEqual(16 / (n / d) ** 4);
  });

  it('sorted cone: C(K + d - 1, d) equals the count of non-decreasing grid cells', () => {
    const c = ok(coveringNumber({ kind: 'sorted-cone', lower: q(0), upper: q(1), dim: 3 }));
    expect(c.theorem).toBe('cover.simplex');
    for (const K of [1, 2, 3, 5, 8]) expect(at(c.expr, [1, 2 * K])).toBe(String(nonDecreasing(K, 3)));
  });

  it('sorted cone: the envelope (d+1)(a/2)^d r^-d dominates on (0, a/2], tight just below r = a/2', () => {
    for (const d of [2, 3, 5]) {
      const c = ok(coveringNumber({ kind: 'sorted-cone', lower: q(0), upper: q(2), dim: d }));
      const A = c.envelope!.A.kind === 'num' ? c.envelope!.A.value.toNumber() : NaN;
      expect(A).toBe(d + 1); // a = 2
      // Left limits at the jumps r = a/(2(K-1)) are the worst points; check them and a grid.
      for (let K = 2; K < 60; K++) {
        const r: [number, number] = [1_000_000, 1_000_000 * (K - 1) + 1]; // just below 1/(K-1)
        expect(Number(at(c.expr, r))).toBeLessThanOrEqual(A * (r[1] / r[0]) ** d);
      }
      expect(at(c.expr, [1, 1])).toBe('1');
    }
  });

  it('arc and circle: ceil(l/(2r)); the circle jumps at multiples of pi', () => {
    const a = ok(coveringNumber({ kind: 'arc', length: b.num(q(3)) }));
    expect(at(a.expr, [1, 2])).toBe('3');
    expect(at(a.expr, [2, 5])).toBe('4');
    const c = ok(coveringNumber({ kind: 'circle' }));
    expect(c.theorem).toBe('cover.arc');
    const v = substitute(c.expr, new Map([['r', b.num(q(1))]]));
    expect(v.kind).toBe('apply'); // ceil(pi): kept exact, not rounded
  });

  it('ball: (1 + 2R/r)^k', () => {
    const c = ok(coveringNumber({ kind: 'ball', radius: q(1), dim: 2 }));
    expect(c.theorem).toBe('cover.ball');
    expect(at(c.expr, [1, 2])).toBe('25');
  });

  it('power and formula assumptions keep their range', () => {
    const p = assumedCovering({ kind: 'power', A: q(5), d: q(3), r0: q(1, 2) });
    expect(p.theorem).toBe('cover.power');
    expect(at(p.expr, [1, 2])).toBe('40');
    expect(p.r0 && p.r0.kind === 'num' && p.r0.value.toString()).toBe('1/2');
  });

  it('refuses the sphere without an assumption (EB6017)', () => {
    const r = coveringNumber({ kind: 'sphere', dim: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.code).toBe('EB6017');
  });
});
