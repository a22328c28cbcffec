import { describe, it } from 'vitest';
import { checkCanonicalIdempotent, checkLatexRenders, checkReadTotal, checkTextRoundTrip, scaled } from './roundtrip.js';

describe('text round trip (fuzz)', () => {
  it('readExpr(toText(e)) equals e, 10,000 cases', () => {
    checkTextRoundTrip(scaled(10_000));
  });
  it('canonical form is idempotent, 10,000 cases', () => {
    checkCanonicalIdempotent(scaled(10_000));
  });
  it('readExpr is total on random strings, 20,000 cases', () => {
    checkReadTotal(scaled(20_000));
  });
});

describe('LaTeX (fuzz)', () => {
  it('every random expression renders in KaTeX, 2,000 cases', () => {
    checkLatexRenders(scaled(2_000));
  });
});
