// The text report of a checked derivation: one line per step (status, relation, reason), the
// counterexample or open boxes beneath it, and the chain's conclusion.

import { toText } from '../expr/print/text.js';
import type { Rational } from '../expr/rational.js';
import type { CheckedStep, DerivationResult } from './check-derivation.js';
import type { Box, Justification, StepStatus } from './step.js';

const label: Record<StepStatus, string> = {
  proven: 'proven',
  'verified-numerically': 'verified numerically (not proven)',
  refuted: 'REFUTED',
  undecided: 'undecided',
};

export function justificationText(j: Justification): string {
  switch (j.kind) {
    case 'algebra':
      return 'by algebra';
    case 'interval':
      return `by interval for ${j.box.map((r) => (r.upper ? `${r.variable} in [${r.lower}, ${r.upper}]` : `${r.variable} >= ${r.lower}`)).join(', ')}`;
    case 'theorem':
      return `by theorem ${j.id}(${j.args.map(toText).join(', ')})`;
    case 'monotone':
      return 'by monotone';
    case 'known':
      return `by known ${j.name}`;
  }
}

function decimal(q: Rational): string {
  const x = q.toNumber();
  return Number.isFinite(x) ? x.toPrecision(12).replace(/\.?0+(e|$)/, '$1') : q.toString();
}

function boxText(box: Box): string {
  return [...box].map(([k, r]) => (r.hi === undefined ? `${k} >= ${decimal(r.lo)}` : `${k} in [${decimal(r.lo)}, ${decimal(r.hi)}]`)).join(', ');
}

export function stepLines(s: CheckedStep): string[] {
  const head = `step ${s.index + 1}: ${toText(s.lhs)} ${s.rel} ${toText(s.rhs)}  [${justificationText(s.justification)}]`;
  const lines = [head, `  ${label[s.result.status]}: ${s.result.reason}`];
  const r = s.result;
  if (r.status === 'refuted') {
    const c = r.counterexample;
    const point = [...c.point].map(([k, v]) => `${k} = ${v.toString()}`).join(', ');
    const how = c.precision === 'exact' ? 'exact' : `${c.precision}-bit enclosures`;
    lines.push(`  counterexample: ${point || '(no variables)'}: lhs in [${decimal(c.lhs.lo)}, ${decimal(c.lhs.hi)}], rhs in [${decimal(c.rhs.lo)}, ${decimal(c.rhs.hi)}] (${how})`);
  }
  if (r.status === 'undecided' && r.remaining && r.remaining.length > 0) {
    for (const box of r.remaining.slice(0, 5)) lines.push(`  open box: ${boxText(box)}`);
    if (r.remaining.length > 5) lines.push(`  ... and ${r.remaining.length - 5} more open boxes`);
  }
  return lines;
}

export function renderDerivationText(d: DerivationResult): string {
  const lines = d.steps.flatMap(stepLines);
  const s = d.summary;
  lines.push(`summary: ${s.proven} proven, ${s.verified} verified numerically, ${s.refuted} refuted, ${s.undecided} undecided; ${s.message}`);
  return lines.join('\n') + '\n';
}
