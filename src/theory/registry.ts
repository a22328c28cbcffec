// The theorem registry: every result of THEORY.md as data (statement, named hypotheses, constants,
// proof sketch, source). The data lives in theorems/*.eqb, written in our language; the build compiles
// it into generated/theorem-data.ts (scripts/build-theorems.mjs), so an id the code implements but the
// files lack, or the reverse, is a compile error here.

import { theoremData, theoremIds } from './generated/theorem-data.js';

export { theoremIds };

export type TheoremId = (typeof theoremIds)[number];

export interface HypothesisSpec {
  readonly name: string;
  readonly statement: string;
}

export interface TheoremSpec {
  readonly id: TheoremId;
  /** The theorem file that states it, e.g. theorems/exact.eqb. */
  readonly file: string;
  readonly section: string;
  readonly title: string;
  readonly hypotheses: readonly HypothesisSpec[];
  readonly statement: string;
  readonly constants: readonly string[];
  readonly proofSketch: string;
  readonly uses: readonly TheoremId[];
  readonly source: string;
}

export const registry: Readonly<Record<TheoremId, TheoremSpec>> = Object.freeze(
  Object.fromEntries(theoremData.map((d) => [d.id, Object.freeze({ ...d })])) as Record<TheoremId, TheoremSpec>,
);

export function isTheoremId(id: string): id is TheoremId {
  return (theoremIds as readonly string[]).includes(id);
}
