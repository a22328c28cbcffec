// Loads gmp-wasm (GMP + MPFR compiled to WebAssembly) once, lazily, and owns the low-level pieces
// every MPFR user shares: rounding modes, a register arena freed in one call, exact conversions.

import gmp from 'gmp-wasm';
import type { GMPFunctions, GMPLib } from 'gmp-wasm';
import { Rational } from '../expr/rational.js';

export type MpfrBinding = GMPFunctions;
/** A pointer to an initialised mpfr_t in WebAssembly memory. */
export type MpfrPtr = number;

/** MPFR rounding modes (mpfr_rnd_t). */
export const RNDN = 0;
export const RNDZ = 1;
export const RNDU = 2;
export const RNDD = 3;
export type Rounding = typeof RNDN | typeof RNDZ | typeof RNDU | typeof RNDD;

export const MIN_PRECISION_BITS = 8;
/** mpfr_prec_t is a 32-bit long here; far below it, a sane ceiling for this tool. */
export const MAX_PRECISION_BITS = 1 << 22;

export interface Mpfr {
  readonly lib: GMPLib;
  readonly binding: MpfrBinding;
  /** Bytes of WebAssembly linear memory (grows, never shrinks): the leak detector of the tests. */
  memoryBytes(): number;
}

let loading: Promise<Mpfr> | undefined;
let loaded: Mpfr | undefined;

/** Initialises gmp-wasm on first call (about 50-120 ms); later calls return the same instance. */
export function loadMpfr(): Promise<Mpfr> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= gmp.init().then((lib) => {
    const binding = lib.binding;
    loaded = Object.freeze({ lib, binding, memoryBytes: () => binding.mem.buffer.byteLength });
    return loaded;
  });
  return loading;
}

export function isMpfrLoaded(): boolean {
  return loaded !== undefined;
}

/** The loaded instance; calling it before `await loadMpfr()` is a programming error. */
export function mpfrSync(): Mpfr {
  if (!loaded) throw new Error('MPFR is not loaded: await loadMpfr() first');
  return loaded;
}

export function checkPrecision(bits: number): number {
  if (!Number.isInteger(bits) || bits < MIN_PRECISION_BITS || bits > MAX_PRECISION_BITS) {
    throw new RangeError(`MPFR precision must be an integer in [${MIN_PRECISION_BITS}, ${MAX_PRECISION_BITS}] bits, got ${bits}`);
  }
  return bits;
}

const INT32_MAX = 2 ** 31 - 1;
const INT32_MAX_N = BigInt(INT32_MAX);

/**
 * Owns mpfr_t registers of one precision plus scratch GMP integers. `take()` reuses released
 * registers, `release()` returns all taken registers to the pool, `destroy()` frees everything.
 */
export class MpfrArena {
  readonly b: MpfrBinding;
  private readonly free: MpfrPtr[] = [];
  private readonly taken: MpfrPtr[] = [];
  private readonly permanent: MpfrPtr[] = [];
  private readonly mpz: number;
  private readonly mpq: number;
  private destroyed = false;

  constructor(
    readonly mpfr: Mpfr,
    readonly precisionBits: number,
  ) {
    checkPrecision(precisionBits);
    this.b = mpfr.binding;
    this.mpz = this.b.mpz_t();
    this.b.mpz_init(this.mpz);
    this.mpq = this.b.mpq_t();
    this.b.mpq_init(this.mpq);
  }

  private alloc(): MpfrPtr {
    if (this.destroyed) throw new Error('MpfrArena used after destroy()');
    const p = this.b.mpfr_t();
    this.b.mpfr_init2(p, this.precisionBits);
    return p;
  }

  /** A register (value unspecified) valid until the next release(). */
  take(): MpfrPtr {
    const p = this.free.pop() ?? this.alloc();
    this.taken.push(p);
    return p;
  }

  /** A register valid until destroy(): for cached constants. */
  takePermanent(): MpfrPtr {
    const p = this.alloc();
    this.permanent.push(p);
    return p;
  }

  release(): void {
    for (let i = this.taken.length - 1; i >= 0; i--) this.free.push(this.taken[i]!);
    this.taken.length = 0;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.release();
    for (const p of this.free) {
      this.b.mpfr_clear(p);
      this.b.mpfr_t_free(p);
    }
    for (const p of this.permanent) {
      this.b.mpfr_clear(p);
      this.b.mpfr_t_free(p);
    }
    this.free.length = 0;
    this.permanent.length = 0;
    this.b.mpz_clear(this.mpz);
    this.b.mpz_t_free(this.mpz);
    this.b.mpq_clear(this.mpq);
    this.b.mpq_t_free(this.mpq);
    this.destroyed = true;
  }

  /** rop := q rounded in direction rnd (correctly rounded); returns MPFR's ternary value (0 when exact). */
  setRational(rop: MpfrPtr, q: Rational, rnd: number): number {
    const small = q.n >= -INT32_MAX_N && q.n <= INT32_MAX_N;
    if (small && q.d === 1n) return this.b.mpfr_set_si(rop, Number(q.n), rnd);
    if (small && q.d <= INT32_MAX_N) {
      // Already reduced, as mpq_t requires: no text round trip for the common small fractions.
      this.b.mpq_set_si(this.mpq, Number(q.n), Number(q.d));
      return this.b.mpfr_set_q(rop, this.mpq, rnd);
    }
    this.b.mpq_set_string(this.mpq, q.d === 1n ? q.n.toString(16) : `${q.n.toString(16)}/${q.d.toString(16)}`, 16);
    return this.b.mpfr_set_q(rop, this.mpq, rnd);
  }

  /** rop := m·2^e correctly rounded in direction rnd; returns the ternary value. */
  setScaled(rop: MpfrPtr, m: bigint, e: number, rnd: number): number {
    this.b.mpz_set_string(this.mpz, m.toString(16), 16);
    return this.b.mpfr_set_z_2exp(rop, this.mpz, e, rnd);
  }

  /** rop := base^k for an exact integer k, correctly rounded in direction rnd; returns the ternary value. */
  powInteger(rop: MpfrPtr, base: MpfrPtr, k: bigint, rnd: number): number {
    if (k >= -BigInt(INT32_MAX) && k <= BigInt(INT32_MAX)) return this.b.mpfr_pow_si(rop, base, Number(k), rnd);
    this.b.mpz_set_string(this.mpz, k.toString(16), 16);
    return this.b.mpfr_pow_z(rop, base, this.mpz, rnd);
  }

  /** The exact value of a finite float; undefined for NaN and infinities. */
  toRational(x: MpfrPtr): Rational | undefined {
    const b = this.b;
    if (b.mpfr_number_p(x) === 0) return undefined;
    if (b.mpfr_zero_p(x) !== 0) return Rational.ZERO;
    const e = b.mpfr_get_z_2exp(this.mpz, x);
    const hex = b.mpz_to_string(this.mpz, 16);
    const m = hex.startsWith('-') ? -BigInt('0x' + hex.slice(1)) : BigInt('0x' + hex);
    return e >= 0 ? Rational.of(m << BigInt(e), 1n) : Rational.of(m, 1n << BigInt(-e));
  }

  /** The binary exponent of a regular float (value in [2^(e-1), 2^e)). */
  exponent(x: MpfrPtr): number {
    return this.b.mpfr_get_exp(x);
  }
}
