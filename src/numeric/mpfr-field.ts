// Field<R> over MPFR at one precision and one rounding mode (round to nearest for plain evaluation).
// Values live in the field's arena until release() to an earlier mark recycles them, or destroy().

import type { Rational } from '../expr/rational.js';
import { checkRootIndex, type Field } from './api.js';
import { formatDecimal } from './format.js';
import { loadMpfr, MpfrArena, mpfrSync, RNDN, type Mpfr, type MpfrPtr, type Rounding } from './mpfr.js';

const RELEASED = -1;

/** An MPFR value of one field: opaque outside this module. */
export class MpfrValue {
  /** @internal */
  constructor(
    /** @internal RELEASED once its register went back to the pool. */
    public register: MpfrPtr,
    readonly owner: MpfrField,
  ) {}

  get ptr(): MpfrPtr {
    if (this.register === RELEASED) throw new Error('MPFR value used after release()');
    return this.register;
  }
}

export class MpfrField implements Field<MpfrValue> {
  readonly engine = 'mpfr' as const;
  private readonly arena: MpfrArena;
  private piValue: MpfrValue | undefined;
  private destroyed = false;
  /** Values not yet released, in creation order (a stack that release() cuts back to a mark). */
  private readonly live: MpfrValue[] = [];
  /** Registers of released values, reused before new ones are allocated. */
  private readonly pool: MpfrPtr[] = [];

  constructor(
    mpfr: Mpfr,
    readonly precisionBits: number,
    readonly rounding: Rounding = RNDN,
  ) {
    this.arena = new MpfrArena(mpfr, precisionBits);
  }

  private get b() {
    return this.arena.b;
  }

  private fresh(): MpfrValue {
    if (this.destroyed) throw new Error('MpfrField used after destroy()');
    // Registers are held by the arena until destroy(); the pool only recycles them.
    const v = new MpfrValue(this.pool.pop() ?? this.arena.takePermanent(), this);
    this.live.push(v);
    return v;
  }

  mark(): number {
    return this.live.length;
  }

  release(mark: number, ...keep: MpfrValue[]): void {
    let w = mark;
    for (let i = mark; i < this.live.length; i++) {
      const v = this.live[i]!;
      if (keep.includes(v)) this.live[w++] = v;
      else {
        this.pool.push(v.register);
        v.register = RELEASED;
      }
    }
    this.live.length = Math.min(w, this.live.length);
  }

  liveValues(): number {
    return this.live.length;
  }

  constant(q: Rational): MpfrValue {
    if (this.destroyed) throw new Error('MpfrField used after destroy()');
    const v = new MpfrValue(this.arena.takePermanent(), this);
    this.arena.setRational(v.register, q, this.rounding);
    return v;
  }

  persist(a: MpfrValue): MpfrValue {
    const from = this.own(a);
    const v = new MpfrValue(this.arena.takePermanent(), this);
    this.b.mpfr_set(v.register, from, this.rounding); // same precision: exact
    return v;
  }

  private own(a: MpfrValue): MpfrPtr {
    if (a.owner !== this) throw new Error('MPFR value from another field');
    return a.ptr;
  }

  private unary(a: MpfrValue, f: (rop: MpfrPtr, op: MpfrPtr, rnd: Rounding) => unknown): MpfrValue {
    const r = this.fresh();
    f(r.ptr, this.own(a), this.rounding);
    return r;
  }

  private binary(a: MpfrValue, c: MpfrValue, f: (rop: MpfrPtr, x: MpfrPtr, y: MpfrPtr, rnd: Rounding) => unknown): MpfrValue {
    const r = this.fresh();
    f(r.ptr, this.own(a), this.own(c), this.rounding);
    return r;
  }

  rational(q: Rational): MpfrValue {
    const r = this.fresh();
    this.arena.setRational(r.ptr, q, this.rounding);
    return r;
  }
  add(a: MpfrValue, c: MpfrValue): MpfrValue {
    return this.binary(a, c, this.b.mpfr_add);
  }
  sub(a: MpfrValue, c: MpfrValue): MpfrValue {
    return this.binary(a, c, this.b.mpfr_sub);
  }
  mul(a: MpfrValue, c: MpfrValue): MpfrValue {
    return this.binary(a, c, this.b.mpfr_mul);
  }
  div(a: MpfrValue, c: MpfrValue): MpfrValue {
    return this.binary(a, c, this.b.mpfr_div);
  }
  mulInt(a: MpfrValue, k: number): MpfrValue {
    const r = this.fresh();
    this.b.mpfr_mul_si(r.ptr, this.own(a), checkSmallInt(k), this.rounding);
    return r;
  }
  divInt(a: MpfrValue, k: number): MpfrValue {
    const r = this.fresh();
    this.b.mpfr_div_si(r.ptr, this.own(a), checkSmallInt(k), this.rounding);
    return r;
  }
  pow(a: MpfrValue, c: MpfrValue): MpfrValue {
    return this.binary(a, c, this.b.mpfr_pow);
  }
  root(a: MpfrValue, k: number): MpfrValue {
    if (k === 2) return this.sqrt(a);
    const r = this.fresh();
    this.b.mpfr_rootn_ui(r.ptr, this.own(a), checkRootIndex(k), this.rounding);
    return r;
  }
  min(a: MpfrValue, c: MpfrValue): MpfrValue {
    return this.binary(a, c, this.b.mpfr_min);
  }
  max(a: MpfrValue, c: MpfrValue): MpfrValue {
    return this.binary(a, c, this.b.mpfr_max);
  }
  neg(a: MpfrValue): MpfrValue {
    return this.unary(a, this.b.mpfr_neg);
  }
  abs(a: MpfrValue): MpfrValue {
    return this.unary(a, this.b.mpfr_abs);
  }
  sqrt(a: MpfrValue): MpfrValue {
    return this.unary(a, this.b.mpfr_sqrt);
  }
  log(a: MpfrValue): MpfrValue {
    return this.unary(a, this.b.mpfr_log);
  }
  exp(a: MpfrValue): MpfrValue {
    return this.unary(a, this.b.mpfr_exp);
  }
  floor(a: MpfrValue): MpfrValue {
    return this.unary(a, this.b.mpfr_rint_floor);
  }
  ceil(a: MpfrValue): MpfrValue {
    return this.unary(a, this.b.mpfr_rint_ceil);
  }
  pi(): MpfrValue {
    if (!this.piValue) {
      this.piValue = new MpfrValue(this.arena.takePermanent(), this);
      this.b.mpfr_const_pi(this.piValue.ptr, this.rounding);
    }
    return this.piValue;
  }
  cmp(a: MpfrValue, c: MpfrValue): -1 | 0 | 1 {
    const x = this.own(a);
    const y = this.own(c);
    if (this.b.mpfr_nan_p(x) || this.b.mpfr_nan_p(y)) throw new RangeError('comparison with NaN');
    const r = this.b.mpfr_cmp(x, y);
    return r < 0 ? -1 : r > 0 ? 1 : 0;
  }
  isFinite(a: MpfrValue): boolean {
    return this.b.mpfr_number_p(this.own(a)) !== 0;
  }
  isZero(a: MpfrValue): boolean {
    return this.b.mpfr_zero_p(this.own(a)) !== 0;
  }
  toRational(a: MpfrValue): Rational {
    const q = this.arena.toRational(this.own(a));
    if (!q) throw new RangeError('toRational of NaN or infinity');
    return q;
  }
  toDecimal(a: MpfrValue, digits: number): string {
    const x = this.own(a);
    if (this.b.mpfr_nan_p(x)) return 'NaN';
    if (this.b.mpfr_inf_p(x)) return this.b.mpfr_sgn(x) < 0 ? '-Infinity' : 'Infinity';
    return formatDecimal(this.toRational(a), digits);
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const v of this.live) v.register = RELEASED;
    this.live.length = 0;
    this.pool.length = 0;
    this.arena.destroy();
  }
}

function checkSmallInt(k: number): number {
  if (!Number.isInteger(k) || Math.abs(k) > 2 ** 31 - 1) throw new RangeError(`not a 32-bit integer: ${k}`);
  return k;
}

/** A field after `await loadMpfr()`. */
export function mpfrFieldSync(precisionBits: number, rounding: Rounding = RNDN): MpfrField {
  return new MpfrField(mpfrSync(), precisionBits, rounding);
}

export async function mpfrField(precisionBits: number, rounding: Rounding = RNDN): Promise<MpfrField> {
  return new MpfrField(await loadMpfr(), precisionBits, rounding);
}
