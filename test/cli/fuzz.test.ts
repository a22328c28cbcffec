// Random token soups and mutated examples through the CLI: never an exception past main, never an
// internal error, always exit 0, 1 or 2. The long run is fuzz.fuzz.test.ts (npm run fuzz).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { cliSurvives, mutatedExample, tokenSoup } from './fuzz-cases.js';

const scale = Number(process.env.FUZZ_SCALE ?? '1');

describe('CLI fuzz', () => {
  it('token soups', async () => {
    await fc.assert(fc.asyncProperty(tokenSoup, (t) => cliSurvives(t)), { numRuns: 300 * scale });
  });
  it('mutated examples', async () => {
    await fc.assert(fc.asyncProperty(mutatedExample, (t) => cliSurvives(t)), { numRuns: 200 * scale });
  });
  it('mutated examples through latex and check', async () => {
    await fc.assert(fc.asyncProperty(mutatedExample, fc.constantFrom('latex' as const, 'check' as const), (t, c) => cliSurvives(t, c)), { numRuns: 100 * scale });
  });
});
