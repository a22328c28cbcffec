// A rigorous proof of `small <= large` (or `<`) over a box: branch and bound on g = large - small with
// outward-rounded MPFR interval enclosures. A box is closed when the enclosure of g is >= 0 (> 0);
// a coordinate in which g is provably monotone on a box is fixed at its minimising end; a box whose
// enclosure is < 0 yields a candidate point, reported only after a certified evaluation at that point.
//
// Half-lines x >= a are reparametrised as x = a - 1 + 1/u with u in (0, 1]: a bijection onto [a, oo),
// so g(x) >= 0 on [a, oo) iff g(a - 1 + 1/u) >= 0 on (0, 1]. Boxes containing u = 0 are trusted only
// after every side condition of the expression (definedness.ts) is shown to hold on them, since the
// evaluator encloses values over the defined points of a box and u = 0 itself lies outside the domain.

import { derivative } from '../cas/derivative.js';
import * as b from '../expr/build.js';
import { expand } from '../expr/expand.js';
import { Rational } from '../expr/rational.js';
import { freeSymbols, substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import { IntervalEvaluator, type DefinedIntervalResult, type RationalInterval } from '../numeric/interval.js';
import { loadMpfr } from '../numeric/mpfr.js';
import { guardsOf, type Guard } from './definedness.js';
import { comparePoint, counterexampleOf, pointText, type Point } from './point-check.js';
import { proven } from './proof.js';
import { rationalOf, seededRandom } from './sampling.js';
import type { Box, BoxRange, StepResult } from './step.js';

export interface IntervalOptions {
  readonly boxes: number;
  readonly timeMs: number;
  /** Precision of the box enclosures in bits (default 128). */
  readonly bits?: number;
  /** Digits of the point checks that certify a counterexample (default 60). */
  readonly digits?: number;
  /** Told every PROGRESS_EVERY boxes how many were examined and how many are open (for a progress bar). */
  readonly onProgress?: (examined: number, open: number) => void;
}

const PROGRESS_EVERY = 128;

interface Coordinate {
  /** The symbol of the step. */
  readonly name: string;
  /** The symbol the boxes range over: the same, or u for a half-line. */
  readonly working: string;
  readonly integer: boolean;
  /** Half-line start a (x = a - 1 + 1/u), for tail coordinates. */
  readonly tail?: Rational;
}

type WorkBox = RationalInterval[];

interface Partial {
  readonly expr: Expr;
  readonly guards: Guard[] | undefined;
  /** Forms with the sign of expr where the tail coordinate is positive (see specialisation()). */
  readonly scaled: readonly Expr[];
}

interface Specialisation {
  readonly g: Expr;
  readonly guards: Guard[] | undefined;
  readonly partials: readonly (Partial | undefined)[];
}

const MAX_REMAINING_REPORTED = 50;

/** Lower ends of a defined enclosure (undefined: -oo). */
const lower = (r: DefinedIntervalResult): Rational | undefined => (r.kind === 'bounded' || r.kind === 'unbounded-above' ? r.lo : undefined);
const upper = (r: DefinedIntervalResult): Rational | undefined => (r.kind === 'bounded' || r.kind === 'unbounded-below' ? r.hi : undefined);

function freshName(base: string, taken: Set<string>): string {
  let name = `${base}_u`;
  for (let i = 1; taken.has(name); i++) name = `${base}_u${i}`;
  taken.add(name);
  return name;
}

/** x from u: a - 1 + 1/u. */
function fromTail(a: Rational, u: Rational): Rational {
  return a.sub(Rational.ONE).add(u.inverse());
}

/** The rational with the smallest denominator in [a, b] (a < b), by continued fractions. */
export function simplestBetween(a: Rational, b: Rational): Rational {
  if (a.sign <= 0 && b.sign >= 0) return Rational.ZERO;
  if (b.sign < 0) return simplestBetween(b.neg(), a.neg()).neg();
  const c = a.ceil();
  if (c.le(b)) return c;
  const f = a.floor();
  // a and b lie strictly between f and f + 1.
  return f.add(simplestBetween(b.sub(f).inverse(), a.sub(f).inverse()).inverse());
}

export class IntervalProver {
  private readonly g: Expr;
  private readonly coords: Coordinate[];
  private readonly tails: Set<string>;
  private readonly specialised = new Map<string, Specialisation>();

  private constructor(
    readonly small: Expr,
    readonly rel: '<=' | '<',
    readonly large: Expr,
    coords: Coordinate[],
    private readonly ev: IntervalEvaluator,
    private readonly opts: Required<Omit<IntervalOptions, 'onProgress'>> & Pick<IntervalOptions, 'onProgress'>,
  ) {
    this.coords = coords;
    const env = new Map<string, Expr>();
    for (const c of coords) {
      if (c.tail) env.set(c.name, b.add(b.num(c.tail.sub(Rational.ONE)), b.pow(b.sym(c.working), b.MINUS_ONE)));
    }
    this.g = substitute(b.sub(large, small), env);
    this.tails = new Set(coords.filter((c) => c.tail).map((c) => c.working));
  }

  /**
   * g with the box's point coordinates substituted (the builder then cancels what it can, e.g. the
   * two equal sides at a tangency), with its side conditions and partial derivatives. For a tail
   * coordinate u the partial is also given as expand(u^k * dg/du), k = 1..3: the same sign for u > 0,
   * often without the poles at u = 0 that make the plain enclosure useless there.
   */
  private specialisation(w: WorkBox): Specialisation {
    const fixed = this.coords.map((c, i) => (w[i]!.lo.equals(w[i]!.hi) ? `${i}:${w[i]!.lo.toString()}` : '')).join('|');
    const hit = this.specialised.get(fixed);
    if (hit) return hit;
    const env = new Map<string, Expr>();
    this.coords.forEach((c, i) => {
      if (w[i]!.lo.equals(w[i]!.hi) && !(c.tail && w[i]!.lo.sign === 0)) env.set(c.working, b.num(w[i]!.lo));
    });
    const g = substitute(this.g, env);
    const partials = this.coords.map((c) => {
      if (env.has(c.working)) return undefined;
      const d = derivative(g, c.working);
      if (!d.ok) return undefined;
      const scaled: Expr[] = [];
      if (c.tail) {
        for (let k = 1; k <= 3; k++) {
          try {
            scaled.push(expand(b.mul(b.pow(b.sym(c.working), b.num(k)), d.value)));
          } catch (err) {
            if (!(err instanceof RangeError)) throw err;
          }
        }
      }
      return { expr: d.value, guards: guardsOf(d.value), scaled };
    });
    const out: Specialisation = { g, guards: guardsOf(g), partials };
    if (this.specialised.size < 2000) this.specialised.set(fixed, out);
    return out;
  }

  /** Validates the box against the step's symbols; a diagnostic text when it does not fit. */
  static async create(small: Expr, rel: '<=' | '<', large: Expr, box: readonly BoxRange[], opts: IntervalOptions): Promise<IntervalProver | string> {
    const free = new Set([...freeSymbols(small), ...freeSymbols(large)]);
    const names = new Set(box.map((r) => r.variable));
    if (names.size !== box.length) return 'a symbol has two ranges in the box';
    const missing = [...free].filter((s) => !names.has(s));
    if (missing.length > 0) return `no range for ${missing.join(', ')} in the box`;
    const taken = new Set([...free, ...names]);
    const coords: Coordinate[] = [];
    for (const r of box) {
      if (!free.has(r.variable)) continue;
      if (r.upper && r.upper.lt(r.lower)) return `the range of ${r.variable} is empty`;
      if (r.integer && r.upper && r.lower.ceil().compare(r.upper.floor()) > 0) return `the range of ${r.variable} holds no integer`;
      const lo = r.integer ? r.lower.ceil() : r.lower;
      coords.push(r.upper ? { name: r.variable, working: r.variable, integer: r.integer ?? false } : { name: r.variable, working: freshName(r.variable, taken), integer: r.integer ?? false, tail: lo });
    }
    const mpfr = await loadMpfr();
    const full = { bits: 128, digits: 60, ...opts };
    return new IntervalProver(small, rel, large, coords, new IntervalEvaluator(full.bits, mpfr), full);
  }

  private initialBox(box: readonly BoxRange[]): WorkBox {
    return this.coords.map((c) => {
      const r = box.find((x) => x.variable === c.name)!;
      if (c.tail) return { lo: Rational.ZERO, hi: Rational.ONE };
      return c.integer ? { lo: r.lower.ceil(), hi: r.upper!.floor() } : { lo: r.lower, hi: r.upper! };
    });
  }

  private env(w: WorkBox): Map<string, RationalInterval> {
    return new Map(this.coords.map((c, i) => [c.working, w[i]!]));
  }

  /** The original point for a working point; integer coordinates rounded into range. */
  private pointOf(values: readonly Rational[], box: readonly BoxRange[]): Point {
    const p = new Map<string, Rational>();
    this.coords.forEach((c, i) => {
      let x = c.tail ? fromTail(c.tail, values[i]!) : values[i]!;
      if (c.integer) {
        const r = box.find((y) => y.variable === c.name)!;
        x = x.floor();
        if (x.lt(r.lower.ceil())) x = r.lower.ceil();
        if (r.upper && r.upper.floor().lt(x)) x = r.upper.floor();
      }
      p.set(c.name, x);
    });
    return p;
  }

  /** Encloses e over the box, trusting the result only where e is shown defined on all of it. */
  /**
   * With `faces`, a condition x > 0 or x != 0 on a coordinate x whose range ends at 0 is waived: e is
   * then known defined on the box minus that face, which is all a monotonicity argument needs when g
   * itself is defined, hence continuous in x, on the closed box.
   */
  private trusted(e: Expr, guards: Guard[] | undefined, env: Map<string, RationalInterval>, faces = false): DefinedIntervalResult | undefined {
    const r = this.ev.enclose(e, env);
    if (r.kind === 'unsupported' || r.kind === 'empty') return undefined;
    if (!r.undefinedPossible) return r;
    if (!guards) return undefined;
    for (const g of guards) {
      if (g.expr.kind === 'sym' && this.tails.has(g.expr.name)) continue; // u > 0 on the domain
      if (faces && g.expr.kind === 'sym' && g.need !== 'nonnegative') {
        const x = env.get(g.expr.name);
        if (x && !x.lo.equals(x.hi) && (x.lo.sign === 0 || x.hi.sign === 0)) continue;
      }
      const s = this.ev.enclose(g.expr, env);
      if (s.kind === 'unsupported' || s.kind === 'empty') return undefined;
      const lo = lower(s);
      const hi = upper(s);
      const ok = g.need === 'positive' ? lo !== undefined && lo.sign > 0 : g.need === 'nonnegative' ? lo !== undefined && lo.sign >= 0 : (lo !== undefined && lo.sign > 0) || (hi !== undefined && hi.sign < 0);
      if (!ok) return undefined;
    }
    return r;
  }

  private closed(r: DefinedIntervalResult): boolean {
    const lo = lower(r);
    return lo !== undefined && (this.rel === '<' ? lo.sign > 0 : lo.sign >= 0);
  }

  private failing(r: DefinedIntervalResult): boolean {
    const hi = upper(r);
    return hi !== undefined && (this.rel === '<' ? hi.sign <= 0 : hi.sign < 0);
  }

  private async violationAt(values: readonly Rational[], box: readonly BoxRange[]): Promise<StepResult | undefined> {
    const point = this.pointOf(values, box);
    const c = await comparePoint(this.small, this.rel, this.large, point, this.opts.digits);
    if (c.verdict !== 'violated') return undefined;
    const counterexample = counterexampleOf(point, c.comparison)!;
    return { status: 'refuted', reason: `fails at ${pointText(point)}`, code: 'EB7001', counterexample };
  }

  /** Corners, centre and random points of the box, checked before any subdivision. */
  private async quickRefutation(start: WorkBox, box: readonly BoxRange[]): Promise<StepResult | undefined> {
    const rng = seededRandom(0xc0ffee);
    const candidates: Rational[][] = [];
    const ends = start.map((r, i) => (this.coords[i]!.tail ? [Rational.ONE, Rational.of(1, 10), Rational.of(1, 1000), Rational.of(1, 1_000_000)] : [r.lo, r.hi]));
    if (this.coords.length <= 4) {
      let corners: Rational[][] = [[]];
      for (const e of ends) corners = corners.flatMap((c) => e.map((x) => [...c, x]));
      candidates.push(...corners);
    }
    candidates.push(start.map((r) => r.lo.add(r.hi).mul(Rational.HALF)));
    for (let k = 0; k < 24; k++) {
      candidates.push(
        start.map((r, i) => {
          if (this.coords[i]!.tail) return rationalOf(Math.exp(-rng() * 14)); // x up to about 1e6
          return r.lo.add(r.hi.sub(r.lo).mul(rationalOf(rng())));
        }),
      );
    }
    for (const v of candidates) {
      if (v.some((x, i) => this.coords[i]!.tail && x.sign <= 0)) continue;
      const hit = await this.violationAt(v, box);
      if (hit) return hit;
    }
    return undefined;
  }

  private remainingBox(w: WorkBox): Box {
    return new Map(
      this.coords.map((c, i) => {
        const r = w[i]!;
        if (!c.tail) return [c.name, { lo: r.lo, hi: r.hi }];
        return [c.name, { lo: fromTail(c.tail, r.hi), hi: r.lo.sign > 0 ? fromTail(c.tail, r.lo) : undefined }];
      }),
    );
  }

  /** Splits at a rational near the midpoint with a small denominator; integers split between integers. */
  private split(w: WorkBox, i: number): [WorkBox, WorkBox] | undefined {
    const r = w[i]!;
    if (r.hi.equals(r.lo)) return undefined;
    let left: RationalInterval;
    let right: RationalInterval;
    if (this.coords[i]!.integer && !this.coords[i]!.tail) {
      const m = r.lo.add(r.hi).mul(Rational.HALF).floor();
      left = { lo: r.lo, hi: m };
      right = { lo: m.add(Rational.ONE), hi: r.hi };
    } else {
      // The simplest rational of the middle half: splits land on integers and fractions 1/k, where
      // steps jump and tangencies sit, instead of approaching them forever by bisection.
      const quarter = r.hi.sub(r.lo).mul(Rational.of(1, 4));
      const m = simplestBetween(r.lo.add(quarter), r.hi.sub(quarter));
      left = { lo: r.lo, hi: m };
      right = { lo: m, hi: r.hi };
    }
    const a = [...w];
    const c = [...w];
    a[i] = left;
    c[i] = right;
    return [a, c];
  }

  async prove(box: readonly BoxRange[]): Promise<StepResult> {
    const deadline = Date.now() + this.opts.timeMs;
    const start = this.initialBox(box);
    const quick = await this.quickRefutation(start, box);
    if (quick) return quick;
    const initialWidths = start.map((r) => r.hi.sub(r.lo));
    const stack: WorkBox[] = [start];
    let examined = 0;
    let monotoneFixes = 0;
    while (stack.length > 0) {
      if (examined >= this.opts.boxes || Date.now() > deadline) {
        const why = examined >= this.opts.boxes ? `the budget of ${this.opts.boxes} boxes` : `the time limit of ${this.opts.timeMs} ms`;
        return {
          status: 'undecided',
          code: 'EB7002',
          reason: `${stack.length} box(es) remain open after ${why}`,
          remaining: stack.slice(-MAX_REMAINING_REPORTED).map((w) => this.remainingBox(w)),
        };
      }
      const w = stack.pop()!;
      examined++;
      if (examined % PROGRESS_EVERY === 0) this.opts.onProgress?.(examined, stack.length + 1);
      const env = this.env(w);
      const sp = this.specialisation(w);
      const r = this.trusted(sp.g, sp.guards, env);
      if (r && this.closed(r)) continue;
      if (r && this.failing(r)) {
        const mid = w.map((x, i) => (this.coords[i]!.tail && x.lo.sign === 0 ? x.hi : x.lo.add(x.hi).mul(Rational.HALF)));
        const hit = await this.violationAt(mid, box);
        if (hit) return hit;
        const hitLo = await this.violationAt(w.map((x, i) => (this.coords[i]!.tail && x.lo.sign === 0 ? x.hi : x.lo)), box);
        if (hitLo) return hitLo;
      }
      // Monotone coordinates: fix them at the end where g is smallest (only once g is known defined on
      // the whole box, so that g is differentiable there with the derivative enclosed).
      let fixed = false;
      const scores: number[] = [];
      for (let i = 0; i < this.coords.length; i++) {
        const x = w[i]!;
        const p = sp.partials[i];
        if (x.lo.equals(x.hi) || !p || !r) {
          scores.push(x.lo.equals(x.hi) ? -1 : Number.POSITIVE_INFINITY);
          continue;
        }
        const d = this.trusted(p.expr, p.guards, env, true);
        if (!d) {
          scores.push(Number.POSITIVE_INFINITY);
          continue;
        }
        let lo = lower(d);
        let hi = upper(d);
        // The derivative is defined on the box; its scaled forms share its sign and may enclose tighter.
        for (const f of p.scaled) {
          if ((lo !== undefined && lo.sign >= 0) || (hi !== undefined && hi.sign <= 0)) break;
          const e = this.trusted(f, guardsOf(f), env, true);
          if (!e) continue;
          const flo = lower(e);
          const fhi = upper(e);
          if (flo !== undefined && flo.sign >= 0) lo = Rational.ZERO;
          if (fhi !== undefined && fhi.sign <= 0) hi = Rational.ZERO;
        }
        if (lo !== undefined && lo.sign >= 0 && !(this.coords[i]!.tail && x.lo.sign === 0)) {
          w[i] = { lo: x.lo, hi: x.lo };
          fixed = true;
          break;
        }
        if (hi !== undefined && hi.sign <= 0) {
          w[i] = { lo: x.hi, hi: x.hi };
          fixed = true;
          break;
        }
        const mag = lo === undefined || hi === undefined ? Number.POSITIVE_INFINITY : Math.max(Math.abs(lo.toNumber()), Math.abs(hi.toNumber()));
        scores.push(mag * x.hi.sub(x.lo).toNumber());
      }
      if (fixed) {
        monotoneFixes++;
        stack.push(w);
        continue;
      }
      // Split the most influential coordinate (width times slope); without slopes, the relatively widest.
      let best = -1;
      const finite = scores.every((s) => s < Number.POSITIVE_INFINITY);
      let bestScore = -1;
      for (let i = 0; i < this.coords.length; i++) {
        const x = w[i]!;
        if (x.lo.equals(x.hi)) continue;
        const s = finite ? scores[i]! : x.hi.sub(x.lo).div(initialWidths[i]!).toNumber();
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      }
      const parts = best >= 0 ? this.split(w, best) : undefined;
      if (!parts) {
        // A single point that the enclosure could not decide: check it at high precision.
        const v = w.map((x) => x.lo);
        if (v.some((x, i) => this.coords[i]!.tail && x.sign === 0)) {
          return { status: 'undecided', code: 'EB7002', reason: 'the behaviour at infinity could not be bounded', remaining: [this.remainingBox(w)] };
        }
        const point = this.pointOf(v, box);
        const c = await comparePoint(this.small, this.rel, this.large, point, this.opts.digits);
        if (c.verdict === 'holds') continue;
        if (c.verdict === 'violated') return { status: 'refuted', code: 'EB7001', reason: `fails at ${pointText(point)}`, counterexample: counterexampleOf(point, c.comparison)! };
        return { status: 'undecided', code: 'EB7002', reason: `undecidable at the point ${pointText(point)} (${c.verdict})`, remaining: [this.remainingBox(w)] };
      }
      stack.push(parts[1], parts[0]);
    }
    const tailNote = this.coords.filter((c) => c.tail).map((c) => `${c.name} = ${c.tail!.sub(Rational.ONE).toString()} + 1/u, u in (0, 1]`);
    const note = tailNote.length > 0 ? `; half-lines reparametrised as ${tailNote.join(', ')}` : '';
    return proven('interval', `interval branch and bound closed ${examined} box(es)${monotoneFixes > 0 ? `, ${monotoneFixes} by monotonicity` : ''}${note}`);
  }

  destroy(): void {
    this.ev.destroy();
  }
}

/** Proves `small rel large` over the box by interval branch and bound; see the module comment. */
export async function proveOverBox(small: Expr, rel: '<=' | '<', large: Expr, box: readonly BoxRange[], opts: IntervalOptions): Promise<StepResult> {
  const prover = await IntervalProver.create(small, rel, large, box, opts);
  if (typeof prover === 'string') return { status: 'undecided', code: 'EB7005', reason: prover };
  try {
    return await prover.prove(box);
  } finally {
    prover.destroy();
  }
}
