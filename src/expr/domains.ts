// Declared domains of symbols. Bound parameters are positive reals unless declared otherwise.

import { Rational } from './rational.js';

export interface Endpoint {
  readonly value: Rational;
  readonly open: boolean;
}

/** A real interval (possibly unbounded), optionally restricted to integers. */
export interface Domain {
  readonly integer: boolean;
  readonly lower?: Endpoint;
  readonly upper?: Endpoint;
}

export const real: Domain = Object.freeze({ integer: false });
export const positiveReal: Domain = Object.freeze({ integer: false, lower: { value: Rational.ZERO, open: true } });
export const nonnegativeReal: Domain = Object.freeze({ integer: false, lower: { value: Rational.ZERO, open: false } });
export const integer: Domain = Object.freeze({ integer: true });
export const positiveInteger: Domain = Object.freeze({ integer: true, lower: { value: Rational.ONE, open: false } });

export function interval(lo: Rational, hi: Rational, opts: { integer?: boolean; openLower?: boolean; openUpper?: boolean } = {}): Domain {
  return Object.freeze({
    integer: opts.integer ?? false,
    lower: { value: lo, open: opts.openLower ?? false },
    upper: { value: hi, open: opts.openUpper ?? false },
  });
}

export function atLeast(lo: Rational, opts: { integer?: boolean; open?: boolean } = {}): Domain {
  return Object.freeze({ integer: opts.integer ?? false, lower: { value: lo, open: opts.open ?? false } });
}

/** Domains of the symbols in scope; symbols not listed get the default (positive real). */
export class Assumptions {
  constructor(
    private readonly domains: ReadonlyMap<string, Domain> = new Map(),
    readonly fallback: Domain = positiveReal,
  ) {}

  domainOf(name: string): Domain {
    return this.domains.get(name) ?? this.fallback;
  }

  with(name: string, domain: Domain): Assumptions {
    return new Assumptions(new Map([...this.domains, [name, domain]]), this.fallback);
  }

  static readonly positive = new Assumptions();
  static readonly real = new Assumptions(new Map(), real);
}

export function contains(d: Domain, q: Rational): boolean {
  if (d.integer && !q.isInteger()) return false;
  if (d.lower) {
    const c = q.compare(d.lower.value);
    if (c < 0 || (c === 0 && d.lower.open)) return false;
  }
  if (d.upper) {
    const c = q.compare(d.upper.value);
    if (c > 0 || (c === 0 && d.upper.open)) return false;
  }
  return true;
}
