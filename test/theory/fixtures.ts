// Settings shared by the theory tests: THEORY §6 and one per catalog group.
import { Rational } from '../../src/expr/rational.js';
import { value, type Setting } from '../../src/theory/setting.js';

export const q = (n: bigint | number, d: bigint | number = 1) => Rational.of(n, d);

/** THEORY §6: X = [-1, 1]^d, sign flips, k = 1, absolute loss, M = L = 1, n = 10^6, delta = 1/100. */
export function section6(d = 4, overrides: Partial<Setting> = {}): Setting {
  return {
    space: { kind: 'cube', lower: q(-1), upper: q(1), dim: d },
    group: { kind: 'signflips', d },
    hypothesisClass: { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'exact' },
    loss: { kind: 'absolute' },
    n: value(q(10n ** 6n)),
    delta: value(q(1, 100)),
    ...overrides,
  };
}
