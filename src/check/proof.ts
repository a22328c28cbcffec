// The one place a `proven` verdict is made. Only the prover modules import it (a test in
// test/check/architecture.test.ts keeps it so): everything else can read a proof, never mint one.

import type { ProofMethod, Proven } from './step.js';

export function proven(method: ProofMethod, reason: string, used?: readonly string[]): Proven {
  return Object.freeze({ status: 'proven', method, reason, ...(used && used.length > 0 ? { used: [...used] } : {}) }) as Proven;
}
