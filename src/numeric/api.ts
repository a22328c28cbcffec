// The numeric engine's contract, fixed before its implementations so that quadrature, the CAS wall
// and the theory model can be written against it. Implementations: mpfr-field.ts (gmp-wasm, the
// engine for printed digits and proofs) and decimal-field.ts (decimal.js, the independent check).

import type { Rational } from '../expr/rational.js';

/** A floating-point field at a fixed precision. Values are opaque; never mix values of two fields. */
export interface Field<R> {
  readonly engine: 'mpfr' | 'decimal';
  /** Working precision in bits (decimal.js: digits * log2(10), rounded up). */
  readonly precisionBits: number;
  /** Nearest value to q (round to nearest). */
  rational(q: Rational): R;
  add(a: R, b: R): R;
  sub(a: R, b: R): R;
  mul(a: R, b: R): R;
  div(a: R, b: R): R;
  neg(a: R): R;
  abs(a: R): R;
  sqrt(a: R): R;
  log(a: R): R;
  exp(a: R): R;
  pow(a: R, b: R): R;
  floor(a: R): R;
  ceil(a: R): R;
  min(a: R, b: R): R;
  max(a: R, b: R): R;
  pi(): R;
  cmp(a: R, b: R): -1 | 0 | 1;
  /** False for NaN and infinities. */
  isFinite(a: R): boolean;
  isZero(a: R): boolean;
  /** The exact rational value of a finite float. */
  toRational(a: R): Rational;
  /** `digits` significant decimal digits, round to nearest, as "1.2345e-3"-free plain or scientific text. */
  toDecimal(a: R, digits: number): string;
  /** Frees what this field allocated (MPFR objects live in WebAssembly memory). Idempotent. */
  destroy(): void;
}

/** A certified evaluation: `lower <= true value <= upper`, and `digits` rendered from it. */
export interface Approximation {
  /** The value rounded to the requested significant digits (correctly rounded when `correctlyRounded`). */
  readonly text: string;
  readonly lower: Rational;
  readonly upper: Rational;
  /** Present when the value is rational and was computed exactly. */
  readonly exact?: Rational;
  /** True when the enclosure determined every printed digit (the usual case); otherwise the last digit may be off by one ulp, and the text says so. */
  readonly correctlyRounded: boolean;
}
