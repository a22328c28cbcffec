// Every result the wall accepts equals its input at fresh points: 200 random cases (2,000 in the fuzz run).
import { describe, expect, it } from 'vitest';
import { runWallProperty } from './wall-property.js';

describe('the wall (property)', () => {
  it('accepted simplify/expand/diff results equal their input at independent points, 200 cases', async () => {
    const stats = await runWallProperty(200, 20240601);
    const rejectedShare = stats.byStatus.rejected / stats.cases;
    console.log(`wall property: ${JSON.stringify(stats)}; rejected share ${(100 * rejectedShare).toFixed(1)}%`);
    expect(stats.cases).toBe(200);
    // The property is not vacuous: most cases produce an accepted result that was re-checked.
    expect(stats.independentlyChecked).toBeGreaterThan(100);
  }, 300_000);
});
