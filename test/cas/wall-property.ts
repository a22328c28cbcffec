// The wall's property, shared by `npm test` (200 cases) and `npm run fuzz` (2,000): random expressions
// go through simplify, expand and differentiate; every ACCEPTED result must equal its input at fresh
// random points (a generator and seed independent of the wall's). Returns the share of each status.

import fc from 'fast-check';
import { expect } from 'vitest';
import * as cas from '../../src/cas/index.js';
import type { CasOutcome } from '../../src/cas/outcome.js';
import * as b from '../../src/expr/build.js';
import { Rational } from '../../src/expr/rational.js';
import { freeSymbols, substitute } from '../../src/expr/traverse.js';
import type { Expr } from '../../src/expr/types.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { exprArbitrary } from '../expr/arbitrary.js';
import { evaluatePoint } from './evaluator.js';

export type Op = 'simplify' | 'expand' | 'differentiate';

export interface WallStats {
  readonly cases: number;
  readonly byStatus: Record<CasOutcome['status'], number>;
  readonly byOperation: Record<Op, Record<CasOutcome['status'], number>>;
  readonly codes: Record<string, number>;
  /** Accepted results checked at fresh points (at least one defined point). */
  readonly independentlyChecked: number;
}

const DIGITS = 60;
const H = Rational.of(1n, 10n ** 20n);

async function at(e: Expr, env: ReadonlyMap<string, Rational>): Promise<{ lower: Rational; upper: Rational } | undefined> {
  const r = await evaluate(e, env, { digits: DIGITS });
  return r.ok ? r.value : undefined;
}

const mid = (x: { lower: Rational; upper: Rational }) => x.lower.add(x.upper).mul(Rational.HALF);

function close(x: Rational, y: Rational, rel: Rational): boolean {
  const scale = x.abs().max(y.abs()).max(Rational.of(1n, 10n ** 30n));
  return x.sub(y).abs().le(rel.mul(scale));
}

/** Fresh points: uniform rationals p/97 in (0, 12), from fast-check's own generator. */
const freshPoint = (names: readonly string[]) => fc.array(fc.integer({ min: 1, max: 1164 }), { minLength: names.length, maxLength: names.length });

/** The independent comparison of an accepted result with its input at `point`. */
async function agreesAt(op: Op, input: Expr, output: Expr, point: ReadonlyMap<string, Rational>): Promise<boolean | undefined> {
  if (op !== 'differentiate') {
    const x = await at(input, point);
    const y = await at(output, point);
    if (!x || !y) return undefined;
    return close(mid(x), mid(y), Rational.of(1n, 10n ** 40n));
  }
  // d/dx by a central difference of the input at 60 digits: error about h^2, 20 digits lost to cancellation.
  const xv = point.get('x')!;
  const plus = await at(substitute(input, new Map([['x', b.num(xv.add(H))]])), point);
  const minus = await at(substitute(input, new Map([['x', b.num(xv.sub(H))]])), point);
  const y = await at(output, point);
  if (!plus || !minus || !y) return undefined;
  const diff = mid(plus).sub(mid(minus)).div(H.mul(Rational.TWO));
  // Rounding noise of the difference quotient: |f| 10^-(digits-2) / h. Where it swamps the
  // derivative (huge f, e.g. (pi d)^exp(n)), this point says nothing and is skipped.
  const size = mid(plus).abs().max(mid(minus).abs());
  const noise = size.mul(Rational.of(1n, 10n ** BigInt(DIGITS - 2))).div(H);
  const scale = mid(y).abs().max(diff.abs());
  if (noise.mul(Rational.of(10n ** 20n)).compare(scale) > 0) return undefined;
  return close(diff, mid(y), Rational.of(1n, 10n ** 15n));
}

export async function runWallProperty(numRuns: number, seed: number): Promise<WallStats> {
  const zero = () => ({ exact: 0, 'numerically-verified': 0, rejected: 0, failed: 0 });
  const byStatus = zero();
  const byOperation: Record<Op, Record<CasOutcome['status'], number>> = { simplify: zero(), expand: zero(), differentiate: zero() };
  const codes: Record<string, number> = {};
  let independentlyChecked = 0;
  let cases = 0;
  const names = ['a', 'b', 'x', 'n', 'd', 't', 'eps'];
  await fc.assert(
    fc.asyncProperty(
      exprArbitrary({ maxDepth: 3, binders: false }),
      fc.constantFrom<Op>('simplify', 'expand', 'differentiate'),
      fc.array(freshPoint(names), { minLength: 4, maxLength: 4 }),
      async (e, op, points) => {
        cases++;
        const options = { evaluate: evaluatePoint, timeoutMs: 1000 };
        const o = op === 'differentiate' ? await cas.differentiate(e, 'x', options) : await cas[op](e, options);
        byStatus[o.status]++;
        byOperation[op][o.status]++;
        if (o.status === 'failed' || o.status === 'rejected') for (const d of o.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
        if (o.status !== 'exact' && o.status !== 'numerically-verified') return;
        const used = [...new Set([...freeSymbols(e), ...freeSymbols(o.expr), 'x'])];
        let defined = 0;
        for (const p of points) {
          const point = new Map(names.map((n, i) => [n, Rational.of(BigInt(p[i]!), 97n)] as const).filter(([n]) => used.includes(n)));
          const verdict = await agreesAt(op, e, o.expr, point);
          if (verdict === undefined) continue;
          defined++;
          expect(verdict, `${op} accepted a result that differs from its input at a fresh point`).toBe(true);
        }
        if (defined > 0) independentlyChecked++;
      },
    ),
    { numRuns, seed, endOnFailure: true },
  );
  return { cases, byStatus, byOperation, codes, independentlyChecked };
}

export function scaled(n: number): number {
  const f = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(f) && f > 0 ? f : 1)));
}
