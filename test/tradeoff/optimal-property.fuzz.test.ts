// The tradeoff.optimal property on many random settings (FUZZ_SCALE multiplies the runs).
import { it } from 'vitest';
import { checkOptimalProperty } from './optimal-property.js';

it('eps* <= eta and E(eps*) <= E(eps) on a dense grid, for random settings', async () => {
  await checkOptimalProperty(8 * Number(process.env.FUZZ_SCALE ?? '1'), 16);
}, 1_800_000);
