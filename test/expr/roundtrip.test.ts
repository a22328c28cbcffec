import { describe, it } from 'vitest';
import { checkCanonicalIdempotent, checkReadTotal, checkTextRoundTrip, scaled } from './roundtrip.js';

describe('text round trip', () => {
  it('readExpr(toText(e)) equals e for random canonical expressions', () => {
    checkTextRoundTrip(scaled(1500));
  });
  it('canonical form is idempotent: rebuilding through the constructors gives an equal node', () => {
    checkCanonicalIdempotent(scaled(1000));
  });
  it('readExpr is total on random strings', () => {
    checkReadTotal(scaled(2000));
  });
});
