import { defineConfig } from 'vitest/config';

// The long property runs: `npm run fuzz`. FUZZ_SCALE multiplies the case counts of `npm test`.
export default defineConfig({
  test: {
    include: ['test/**/*.fuzz.test.ts'],
    testTimeout: 1_800_000,
    pool: 'forks',
  },
});
