// The numeric engine's contract, fixed before its implementations so that quadrature, the CAS wall
// and the theory model can be written against it. Implementations: mpfr-field.ts (gmp-wasm, the
// engine for printed digits and proofs), decimal-field.ts (decimal.js, the independent check) and
// float64-field.ts (doubles, for the cheap first steps of iterations only).

import type { Rational } from '../expr/rational.js';

/** A floating-point field at a fixed precision. Values are opaque; never mix values of two fields. */
export interface Field<R> {
  readonly engine: 'mpfr' | 'decimal' | 'float64';
  /** Working precision in bits (decimal.js: digits * log2(10), rounded up). */
  readonly precisionBits: number;
  /** Nearest value to q (round to nearest). */
  rational(q: Rational): R;
  add(a: R, b: R): R;
  sub(a: R, b: R): R;
  mul(a: R, b: R): R;
  div(a: R, b: R): R;
  /** a·k for an integer |k| < 2^31: cheaper than mul at high precision (one rounding). */
  mulInt(a: R, k: number): R;
  /** a/k for an integer 0 < |k| < 2^31: cheaper than div at high precision (one rounding). */
  divInt(a: R, k: number): R;
  neg(a: R): R;
  abs(a: R): R;
  sqrt(a: R): R;
  log(a: R): R;
  exp(a: R): R;
  pow(a: R, b: R): R;
  /** The real k-th root of a for an integer 2 <= k < 2^31 (NaN for a < 0 and even k): cheaper than pow(a, 1/k). */
  root(a: R, k: number): R;
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
  /** A value of q (round to nearest) that lives until destroy(): release() never frees it. For cached constants. */
  constant(q: Rational): R;
  /** A copy of a that lives until destroy(), like constant(): for values cached per field. */
  persist(a: R): R;
  /**
   * A position in the order values were created, for release(). Long computations (quadrature nodes,
   * Newton steps) take a mark, work, then release to it, so memory stays bounded by what is kept.
   */
  mark(): number;
  /**
   * Frees every value created since `mark` except those in `keep`, which stay valid (and now belong
   * to whatever mark encloses this one). Using a freed value afterwards is a bug (MPFR: it throws).
   */
  release(mark: number, ...keep: R[]): void;
  /** Values created and not yet released (MPFR: registers in use; decimal.js: 0, the GC owns them). */
  liveValues(): number;
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

/** The k of Field.root: an integer 2 <= k < 2^31 (MPFR's unsigned long), else RangeError. */
export function checkRootIndex(k: number): number {
  if (!Number.isInteger(k) || k < 2 || k >= 2 ** 31) throw new RangeError(`root index ${k} is not an integer in [2, 2^31)`);
  return k;
}
