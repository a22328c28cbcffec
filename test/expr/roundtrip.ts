// The round-trip properties shared by roundtrip.test.ts (npm test) and roundtrip.fuzz.test.ts (npm run fuzz).

import fc from 'fast-check';
import katex from 'katex';
import { expect } from 'vitest';
import * as b from '../../src/expr/build.js';
import { toLatex } from '../../src/expr/print/latex.js';
import { toText } from '../../src/expr/print/text.js';
import { readExpr } from '../../src/expr/read.js';
import { children, rebuild } from '../../src/expr/traverse.js';
import { equals, type Expr } from '../../src/expr/types.js';
import { exprArbitrary } from './arbitrary.js';

/** FUZZ_SCALE multiplies case counts (default 1). */
export function scaled(runs: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(runs * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Every node rebuilt through the constructors, leaves included. */
export function rebuildDeep(e: Expr): Expr {
  if (e.kind === 'num') return b.num(e.value);
  if (e.kind === 'sym') return b.sym(e.name);
  if (e.kind === 'const') return b.constant(e.name);
  return rebuild(e, children(e).map(rebuildDeep));
}

function describe(e: Expr): string {
  return JSON.stringify(e, (k, v) => (k === 'hash' ? undefined : typeof v === 'bigint' ? v.toString() : v));
}

export function checkTextRoundTrip(numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(exprArbitrary({ maxDepth: 4 }), (e) => {
      const text = toText(e);
      const back = readExpr(text);
      if (!back.ok) throw new Error(`toText gave ${JSON.stringify(text)}, which does not read back: ${back.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
      expect(equals(back.value, e), `${text}\n  read back as ${toText(back.value)}\n  original ${describe(e)}`).toBe(true);
      expect(toText(back.value)).toBe(text);
    }),
    { numRuns, ...(seed !== undefined ? { seed } : {}) },
  );
}

export function checkCanonicalIdempotent(numRuns: number): void {
  fc.assert(
    fc.property(exprArbitrary({ maxDepth: 4 }), (e) => {
      const again = rebuildDeep(e);
      expect(equals(again, e), `${toText(e)} rebuilt as ${toText(again)}`).toBe(true);
    }),
    { numRuns },
  );
}

/** Arbitrary strings never make readExpr throw. */
export function checkReadTotal(numRuns: number): void {
  const alphabet = fc.constantFrom(...'x1+-*/^!().,e _ab2log sqrt integral( t, 0, 1)//\n/*0'.split(''), '(', ')', '->', 'sum(', 'limit(', '10^');
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join(''))), (s) => {
      const r = readExpr(s);
      expect(typeof r.ok).toBe('boolean');
      if (!r.ok) expect(r.diagnostics.length).toBeGreaterThan(0);
    }),
    { numRuns },
  );
}

/** toLatex output is accepted by KaTeX. */
export function checkLatexRenders(numRuns: number): void {
  fc.assert(
    fc.property(exprArbitrary({ maxDepth: 4 }), (e) => {
      katex.renderToString(toLatex(e), { throwOnError: true });
    }),
    { numRuns },
  );
}
