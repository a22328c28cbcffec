// The expression core's public face.
export * from './types.js';
export * from './build.js';
export * from './traverse.js';
export { Rational } from './rational.js';
export { functions, fnByName, Precedence } from './operators.js';
export { derivative } from './derivative.js';
export { solvePowerEquation, stationaryPoint, type PowerEquation, type PowerRoot } from './solve-power.js';
export { invertEquation } from './invert.js';
