// The property of tradeoff.optimal for random settings (cube [-1, 1]^d under sign flips, small d, n, eta, L):
// eps* <= eta, and the certified minimum is below E on a dense grid of [0, 2 eta], E(eps*) within its bracket.
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rational } from '../../src/expr/rational.js';
import { buildContext } from '../../src/theory/context.js';
import { value } from '../../src/theory/setting.js';
import { approxGamma } from '../../src/theory/theorems/approx.js';
import { optimalEquivarianceError } from '../../src/theory/theorems/tradeoff-certificate.js';
import { q, section6 } from '../theory/fixtures.js';

const arbitrarySetting = fc.record({
  d: fc.integer({ min: 1, max: 3 }),
  n: fc.integer({ min: 50, max: 200_000 }),
  eta: fc.integer({ min: 1, max: 60 }).map((k) => q(k, 100)),
  L: fc.constantFrom(q(1, 2), q(1), q(2)),
});

export async function checkOptimalProperty(runs: number, gridCells: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrarySetting, async ({ d, n, eta, L }) => {
      const base = section6(d, { n: value(q(n)), eta: value(eta) });
      const ctx = await buildContext({ ...base, hypothesisClass: { ...base.hypothesisClass, L: value(L) } });
      if (!ctx.ok) throw new Error(ctx.diagnostics[0]!.message);
      const c = await optimalEquivarianceError(ctx.value, eta, { digits: 15, cells: 8, depth: 5 });
      if (!c.ok) throw new Error(c.diagnostics[0]!.message);
      const v = c.value;
      expect(v.best.eps.le(eta)).toBe(true);
      expect(v.minimiserHi.le(eta)).toBe(true);
      const gap = v.best.E.hi.sub(v.minLower);
      for (let i = 0; i <= gridCells; i++) {
        const eps = eta.mul(Rational.of(2 * i, gridCells));
        const a = await approxGamma(ctx.value, eps, 15);
        if (!a.ok) throw new Error(a.diagnostics[0]!.message);
        const E = eta.sub(eps).max(Rational.ZERO).add(a.value.gamma.hi.mul(Rational.TWO));
        // The certified lower bound of min E is below E everywhere; E(eps*) is within the bracket of it.
        expect(v.minLower.le(E), `eps = ${eps}`).toBe(true);
        expect(v.best.E.lo.le(E.add(gap)), `eps = ${eps}`).toBe(true);
        // Fact 1: beyond eta, E is at least E(eta).
        if (eps.compare(eta) > 0) expect(E.add(Rational.of(1, 10n ** 12n)).compare(v.points[v.points.length - 1]!.E.lo) >= 0).toBe(true);
      }
    }),
    { numRuns: runs, seed: Number(process.env.EB_SEED ?? 20260523), endOnFailure: true },
  );
}
