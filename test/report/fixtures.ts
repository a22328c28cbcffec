// Fragments the examples do not produce yet (bounds, derivations, long and scientific values), built
// from plain data as the theory layer and the checker will fill them.
import { readExpr } from '../../src/expr/read.js';
import type { Expr } from '../../src/expr/types.js';
import type { FragmentData } from '../../src/report/index.js';

export function expr(text: string): Expr {
  const r = readExpr(text);
  if (!r.ok) throw new Error(`bad expression ${text}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value;
}

/** 1000 digits of a made-up value: the rows must split it. */
export const longDigits = `1.${'2503948171'.repeat(99)}123456789`;

export const powerBound = '2*(4*alpha + (12/sqrt(n))*sqrt(k*A*log(1 + 4*lambda*M/alpha))*(2*lambda*L)^(d/2)*alpha^(1 - d/2)/(d/2 - 1)) + B*sqrt(log(2/delta)/(2*n))';

export function syntheticFragments(): FragmentData[] {
  return [
    {
      kind: 'bound',
      name: 'equiv',
      theoremId: 'gen.exact.power',
      hypotheses: ['\\textbf{cover.power} with $A = 1$, $d = 4$', '$\\alpha \\in (0, \\min(B/2, 2\\lambda L r_0)]$'],
      bound: expr(powerBound),
      value: longDigits,
    },
    { kind: 'bound', name: null, theoremId: 'gen.exact', hypotheses: [], bound: expr('16*d*lambda*L/(d - 2)*(9*k*A*ell0/n)^(1/d)'), value: '5.25', valueExact: true, vacuous: true },
    { kind: 'show', name: 'tiny', expr: expr('exp(-100)'), values: [{ kind: 'decimal', text: '3.720075976020835962959696e-44', exact: false, certified: true }] },
    { kind: 'show', name: null, expr: expr('log(2)'), values: [{ kind: 'decimal', text: '0.69314718055994530942 (last digit uncertain)', exact: false, certified: false }], note: 'a note' },
    {
      kind: 'derivation',
      name: 'rate',
      start: expr('sqrt(log(2/delta)/(2*n))'),
      steps: [
        { relation: '=', expr: expr('sqrt(log(200)/2000000)'), justification: 'delta = 1/100, n = 10^6' },
        { relation: '<=', expr: expr('1/500'), justification: 'log 200 < 8' },
      ],
    },
  ];
}
