// Mangled derivation blocks never crash the front end: every mutation of a valid derivation ends in
// exit 0 or 2 with diagnostics, never an internal error (70) or a stack trace. FUZZ_SCALE scales the runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const base = `setting s {
  param d integer in [3, 40] = 4
  param alpha in (0, 1]
  param t in (0, 1]
  let B = 2
}

derivation chain in s {
  2*(4*alpha + alpha^(1 - d/2))
    = 8*alpha + 2*alpha^(1 - d/2)              by algebra
    <= 8*alpha + 2*alpha^(1 - d/2) + B         by interval for alpha in [1/100, 1], d integer in [3, 6]
    < 8*alpha + 2*alpha^(1 - d/2) + B + 1      by known am-gm
    >= 0                                       by theorem gen.exact.power(s, alpha)
}
`;

const tokens = ['...', 'by', 'interval', 'for', 'in', '[', ']', ',', '>=', '<=', '=', '==', '<', '>', 'known', 'theorem', 'monotone', 'algebra', 'integer', '{', '}', 'derivation', 'x', 'alpha', '1/0', '(', ')'];
const scale = Number(process.env.FUZZ_SCALE ?? 1);

describe('derivation blocks under mutation', () => {
  it('the base text is accepted', async () => {
    const r = await runCli(['run', '-'], { stdin: base });
    expect(r.code).toBe(0);
  });

  it('deleting, duplicating or inserting tokens gives diagnostics, not crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(base.length - 1), fc.nat(20), fc.constantFrom(...tokens), fc.constantFrom('delete', 'insert', 'duplicate'), async (at, len, token, how) => {
        const text = how === 'delete' ? base.slice(0, at) + base.slice(at + len) : how === 'insert' ? `${base.slice(0, at)} ${token} ${base.slice(at)}` : base.slice(0, at + len) + base.slice(at);
        const r = await runCli(['run', '-'], { stdin: text });
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/EB9003|\n\s+at .*:\d+:\d+\)?\n|node:internal/);
        if (r.code === 2) expect(r.stderr).toMatch(/^error\[EB\d{4}\]/m);
      }),
      { numRuns: Math.round(150 * scale), seed: 20261123 },
    );
  });
});
