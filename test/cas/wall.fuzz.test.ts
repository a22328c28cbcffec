// The wall's property at fuzz scale (`npm run fuzz`): 2,000 random simplify/expand/diff cases.
import { describe, expect, it } from 'vitest';
import { runWallProperty, scaled } from './wall-property.js';

describe('the wall (fuzz)', () => {
  it('accepted results equal their input at independent points, 2,000 cases', async () => {
    const n = scaled(2_000);
    const stats = await runWallProperty(n, Number(process.env.FUZZ_SEED ?? 1729));
    const share = stats.byStatus.rejected / stats.cases;
    console.log(`wall fuzz: ${JSON.stringify(stats)}; rejected share ${(100 * share).toFixed(1)}%`);
    expect(stats.cases).toBe(n);
    expect(stats.independentlyChecked).toBeGreaterThan(n / 2);
  }, 1_800_000);
});
