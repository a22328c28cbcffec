import { describe, expect, it } from 'vitest';
import { checkSoundness } from './soundness.js';

describe('interval prover soundness', () => {
  it('never proves an inequality that dense 60-digit sampling violates', async () => {
    const { proven } = await checkSoundness(120, 20240601);
    console.log(`soundness: ${proven} of 120 random steps proven, none violated`);
    expect(proven).toBeGreaterThan(5); // the property is not vacuous
  });
});
