// The theory model's public face: settings, coverings, groups, word radii, the theorem registry and instantiate().
export * from './setting.js';
export { coveringNumber, assumedCovering, type Covering, type CoveringTheorem, type PowerEnvelope } from './covering.js';
export { groupAction, groupName, spaceName, type GroupAction } from './groups.js';
export { wordLengths, cyclicWordRadius, type Subgroup, type WordAnalysis } from './words.js';
export { registry, theoremIds, isTheoremId, type TheoremId, type TheoremSpec, type HypothesisSpec } from './registry.js';
export type { Instantiation, InstantiateArgs, BoundValue, CheckedHypothesis, HowChecked } from './instantiation.js';
export { findValue } from './instantiation.js';
export { instantiate, DEFAULT_DIGITS } from './instantiate.js';
export { renderInstantiation } from './render.js';
