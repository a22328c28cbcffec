// gcd's shortcut for powers of two (interval endpoints' denominators) agrees with Euclid everywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcd } from '../../src/expr/rational.js';

function euclid(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

describe('gcd', () => {
  it('agrees with Euclid on powers of two times odd numbers, signs and zeros', () => {
    const num = fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 400 }), fc.boolean()).map(([m, k, pow]) => (pow ? (m < 0n ? -1n : 1n) << BigInt(k) : m << BigInt(k % 5)));
    fc.assert(fc.property(num, num, (a, b) => gcd(a, b) === euclid(a, b)), { numRuns: 3000 });
  });
  it('handles the edge cases', () => {
    expect(gcd(0n, 8n)).toBe(8n);
    expect(gcd(8n, 0n)).toBe(8n);
    expect(gcd(-12n, 8n)).toBe(4n);
    expect(gcd(1n << 3000n, 3n << 2999n)).toBe(1n << 2999n);
    expect(gcd(1n, 1n)).toBe(1n);
  });
});
