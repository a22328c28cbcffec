// The corpus of THEORY.md manipulations: no false step is ever proven or verified, no true step is
// refuted or left undecided. The counts are printed for the record.

import { describe, expect, it } from 'vitest';
import { checkStep } from '../../src/check/check-derivation.js';
import type { StepStatus } from '../../src/check/step.js';
import { loadCorpus, stepOf } from './corpus.js';

const corpus = loadCorpus();

describe('derivation corpus', () => {
  it('has at least 60 steps, about half of them false', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    const falseSteps = corpus.filter((e) => !e.truth).length;
    expect(falseSteps).toBeGreaterThanOrEqual(30);
    expect(corpus.length - falseSteps).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((e) => e.id)).size).toBe(corpus.length);
  });

  it('never proves or verifies a false step, and decides every true one', async () => {
    const counts = { true: new Map<StepStatus, number>(), false: new Map<StepStatus, number>() };
    const wrong: string[] = [];
    for (const e of corpus) {
      const { step, assumptions, theoremSetting } = stepOf(e);
      const r = await checkStep(step, { assumptions, ...(theoremSetting ? { theoremSetting } : {}) });
      const key = e.truth ? 'true' : 'false';
      counts[key].set(r.status, (counts[key].get(r.status) ?? 0) + 1);
      const okStatus = e.truth ? r.status === 'proven' || r.status === 'verified-numerically' : r.status === 'refuted' || r.status === 'undecided';
      if (!okStatus) wrong.push(`${e.id} (${e.truth ? 'true' : 'false'}): ${r.status}: ${r.reason}`);
      if (r.status === 'refuted') expect(e.truth, `${e.id} refuted at a certified counterexample but marked true`).toBe(false);
    }
    const show = (m: Map<StepStatus, number>) => (['proven', 'verified-numerically', 'refuted', 'undecided'] as const).map((s) => `${s} ${m.get(s) ?? 0}`).join(', ');
    console.log(`corpus: true steps: ${show(counts.true)}; false steps: ${show(counts.false)}`);
    expect(wrong).toEqual([]);
  });
});
