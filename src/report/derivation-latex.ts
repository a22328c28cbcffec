// LaTeX of a checked derivation: an align* of the chain, each step `&\leq e_i && \text{(interval, proven)}`
// with its justification and the checker's verdict, then one sentence on what the chain establishes.

import type { CheckedStep, DerivationResult, Justification, StepStatus } from '../check/index.js';
import { derivationFragment, escapeText } from './latex-fragment.js';
import type { Notation } from './notation.js';

export interface DerivationLatexOptions {
  /** Printed as "Derivation \texttt{name}:" above the block; none when absent or null. */
  readonly name?: string | null;
  /** LaTeX for symbol names (e.g. { alpha: '\\alpha^*' }). */
  readonly notation?: Notation;
  /** Whether each step's \text{} carries the verdict after the justification (default true). */
  readonly status?: boolean;
  /** Whether a sentence on the chain's conclusion follows the block (default true). */
  readonly conclusion?: boolean;
}

const statusText: Record<StepStatus, string> = {
  proven: 'proven',
  'verified-numerically': 'verified numerically, not proven',
  refuted: 'refuted',
  undecided: 'undecided',
};

function justificationWords(j: Justification): string {
  switch (j.kind) {
    case 'algebra':
    case 'monotone':
    case 'interval':
      return j.kind;
    case 'theorem':
      return `theorem ${j.id}`;
    case 'known':
      return `known ${j.name}`;
  }
}

function stepText(s: CheckedStep, withStatus: boolean): string {
  return withStatus ? `${justificationWords(s.justification)}, ${statusText[s.result.status]}` : justificationWords(s.justification);
}

const relationWords = { '=': 'equals', '<=': 'is at most', '<': 'is less than', '>=': 'is at least', '>': 'is greater than' } as const;

function conclusionSentence(result: DerivationResult): string {
  const s = result.summary;
  if (s.relation === undefined) return 'The chain mixes $\\leq$ with $\\geq$, so it has no conclusion.';
  if (s.established) return `Every step is proven: the first expression ${relationWords[s.relation]} the last.`;
  const open = result.steps.length - s.proven;
  const parts = [s.verified > 0 ? `${s.verified} verified numerically` : '', s.refuted > 0 ? `${s.refuted} refuted` : '', s.undecided > 0 ? `${s.undecided} undecided` : ''].filter((x) => x !== '');
  return `Not established: ${open} of ${result.steps.length} steps ${open === 1 ? 'is' : 'are'} not proven (${escapeText(parts.join(', '))}).`;
}

/** The derivation as an align* fragment (R's derivationFragment), each step justified in \text{}. */
export function derivationLatex(result: DerivationResult, options: DerivationLatexOptions = {}): string {
  const withStatus = options.status ?? true;
  const block = derivationFragment(
    {
      kind: 'derivation',
      name: options.name ?? null,
      start: result.first,
      steps: result.steps.map((s) => ({ relation: s.rel, expr: s.rhs, justification: stepText(s, withStatus) })),
    },
    options.notation ?? {},
  );
  return options.conclusion === false ? block : `${block}\n${conclusionSentence(result)}`;
}
