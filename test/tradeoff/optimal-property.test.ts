// A few random settings in npm test; optimal-property.fuzz.test.ts runs many more.
import { it } from 'vitest';
import { checkOptimalProperty } from './optimal-property.js';

it('eps* <= eta and E(eps*) <= E(eps) on a dense grid, for random settings', async () => {
  await checkOptimalProperty(3, 8);
}, 60_000);
