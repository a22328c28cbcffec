// npm run fuzz: at least 100,000 cases through the CLI, in chunks (FUZZ_SCALE multiplies them).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { cliSurvives, mutatedExample, tokenSoup } from './fuzz-cases.js';

const scale = Number(process.env.FUZZ_SCALE ?? '1');
const chunks = 10;
const perChunk = 10_000 * scale;

describe('CLI fuzz, long run', () => {
  for (let i = 0; i < chunks; i++) {
    it(`chunk ${i + 1} of ${chunks}: ${perChunk} cases`, async () => {
      await fc.assert(fc.asyncProperty(fc.oneof(tokenSoup, mutatedExample), (t) => cliSurvives(t)), { numRuns: perChunk, seed: 0x5eed + i });
    });
  }
});
