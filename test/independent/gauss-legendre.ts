// Gauss–Legendre nodes and weights in plain decimal.js, for the tests' independent computations (written
// from the textbook recurrence, sharing no code with src/).
import type { Decimal } from 'decimal.js';

/** Nodes and weights of the n-point rule on [-1, 1] in the Decimal class D, Newton to 10^tolExponent. */
export function gaussLegendre<T extends Decimal>(D: new (v: number | string | Decimal) => T, n: number, tolExponent: number): { x: T[]; w: T[] } {
  const x: T[] = [];
  const w: T[] = [];
  const one = new D(1);
  const tol = new D(10).pow(tolExponent);
  for (let i = 1; i <= n; i++) {
    let z = new D(Math.cos((Math.PI * (i - 0.25)) / (n + 0.5)));
    let dp: Decimal = new D(0);
    for (let it = 0; it < 100; it++) {
      let p0: Decimal = one;
      let p1: Decimal = z;
      for (let k = 2; k <= n; k++) {
        const p2 = z.mul(p1).mul(2 * k - 1).sub(p0.mul(k - 1)).div(k);
        p0 = p1;
        p1 = p2;
      }
      dp = p0.sub(z.mul(p1)).mul(n).div(one.sub(z.mul(z)));
      const dz = p1.div(dp);
      z = new D(z.sub(dz));
      if (dz.abs().lt(tol)) break;
    }
    x.push(z);
    w.push(new D(new D(2).div(one.sub(z.mul(z)).mul(dp.mul(dp)))));
  }
  return { x, w };
}
