// Only the prover modules may mint a `proven` verdict: they alone import src/check/proof.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/check/', import.meta.url);
const provers = new Set(['algebra.ts', 'interval-prover.ts', 'known.ts', 'monotone.ts', 'theorem-instance.ts', 'check-derivation.ts']);

describe('checker architecture', () => {
  it('imports proof.ts only from the provers, and nothing from later stages', () => {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      if (/from '\.\/proof\.js'/.test(text)) expect(provers.has(f), `${f} imports proof.ts`).toBe(true);
      expect(text).not.toMatch(/from '\.\.\/(syntax|semantics|report|cli)\//);
      if (f !== 'proof.ts' && f !== 'step.ts') expect(text, `${f} builds a proven verdict by hand`).not.toMatch(/status: 'proven'/);
    }
  });
});
