// The derivation checker's public face: steps, their verdicts, the chain checker and its text report.
export type { BoxRange, Box, CheckBudget, CheckContext, Counterexample, Justification, ProofMethod, Relation, Step, StepResult, StepStatus, TheoremStepChecker, TheoremStepOutcome } from './step.js';
export { DEFAULT_BUDGET } from './step.js';
export { chainResult, checkDerivation, checkStep, composeRelations, type Chain, type ChainLink, type CheckedStep, type DerivationResult, type DerivationSummary } from './check-derivation.js';
export { checkAlgebra } from './algebra.js';
export { proveOverBox } from './interval-prover.js';
export { checkKnown, knownFact, knownFacts, type KnownFact } from './known.js';
export { checkMonotone } from './monotone.js';
export { renderDerivationText, stepLines, justificationText } from './report-text.js';
