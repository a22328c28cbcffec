// The CAS boundary: the only module that talks to nerdamer-prime. Every result passes the wall.
export type { Accepted, CasOptions, CasOutcome, Check, CheckMethod, Domain, Enclosure, Failed, Operation, PointEvaluator, Rejected, SolveOutcome, Witness } from './outcome.js';
export { isAccepted } from './outcome.js';
export { definiteIntegral, differentiate, expand, expandedTerms, factor, integrate, limit, prefactor, simplify, solve } from './operations.js';
export { checkAntiderivative, checkEquality, checkLimit, checkRoot, wallSettings, type Verdict, type WallSettings } from './wall.js';
export { derivative } from './derivative.js';
export { isNerdamerLoaded, loadNerdamer } from './engine.js';
