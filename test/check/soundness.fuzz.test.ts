import { describe, expect, it } from 'vitest';
import { checkSoundness } from './soundness.js';

const scale = Number(process.env.FUZZ_SCALE ?? '1');

describe('interval prover soundness (fuzz)', () => {
  it('never proves an inequality that dense 60-digit sampling violates', async () => {
    const runs = Math.round(2000 * scale);
    const { proven } = await checkSoundness(runs, Date.now() & 0x7fffffff);
    console.log(`soundness fuzz: ${proven} of ${runs} random steps proven, none violated`);
    expect(proven).toBeGreaterThan(0);
  });
});
