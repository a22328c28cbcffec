import { describe, expect, it } from 'vitest';
import { ok } from '../../src/diagnostics/diagnostic.js';
import { error, fail } from '../../src/diagnostics/diagnostic.js';
import { leastInteger } from '../../src/numeric/integer-search.js';

describe('least integer with a monotone predicate', () => {
  it('least n in [1, 10^30] with n^2 >= 10^40 + 1 is 10^20 + 1, with evidence at n − 1 and n', async () => {
    const target = 10n ** 40n + 1n;
    const r = await leastInteger(1n, 10n ** 30n, (n) => ok({ holds: n * n >= target, evidence: n * n }));
    if (!r.ok) throw new Error(r.diagnostics[0]!.message);
    expect(r.value.n).toBe(10n ** 20n + 1n);
    expect(r.value.atN).toBe((10n ** 20n + 1n) ** 2n);
    expect(r.value.atPrevious).toBe(10n ** 40n);
    expect(r.value.evaluations).toBeLessThan(200);
  });
  it('returns lo when the predicate already holds there', async () => {
    const r = await leastInteger(5n, 100n, () => ok({ holds: true, evidence: 'yes' }));
    expect(r.ok && r.value.n).toBe(5n);
    expect(r.ok && r.value.atPrevious).toBeUndefined();
  });
  it('finds the threshold at the upper end', async () => {
    const r = await leastInteger(0n, 1000n, (n) => ok({ holds: n >= 1000n, evidence: null }));
    expect(r.ok && r.value.n).toBe(1000n);
  });
  it('reports a predicate that never holds (EB5107)', async () => {
    const r = await leastInteger(0n, 10n ** 30n, () => ok({ holds: false, evidence: null }));
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5107');
  });
  it('stops at its budget (EB5105)', async () => {
    const r = await leastInteger(0n, 10n ** 30n, (n) => ok({ holds: n >= 10n ** 29n, evidence: null }), { maxEvaluations: 20 });
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5105');
  });
  it('passes on a predicate that cannot decide (e.g. EB5104)', async () => {
    const r = await leastInteger(0n, 100n, (n) => (n === 8n ? fail(error('EB5104', 'undecided')) : ok({ holds: n > 50n, evidence: null })));
    // 8 is probed by galloping (0, 1, 2, 4, 8, ...).
    expect(r.ok ? 'ok' : r.diagnostics[0]!.code).toBe('EB5104');
  });
});
