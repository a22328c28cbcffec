// Sign inference from declared domains: the set of signs an expression can take where it is
// defined, as a mask over {negative, zero, positive}. Rewrites that need positivity ask here.

import * as b from './build.js';
import { Assumptions, nonnegativeReal, real, type Domain } from './domains.js';
import { Rational } from './rational.js';
import type { Expr } from './types.js';

export type SignMask = number;
export const NEG = 1;
export const ZER = 2;
export const POS = 4;
export const ANY = NEG | ZER | POS;

function ofRational(q: Rational): SignMask {
  return q.sign < 0 ? NEG : q.sign > 0 ? POS : ZER;
}

function ofDomain(d: Domain): SignMask {
  let mask = ANY;
  if (d.lower) {
    const c = d.lower.value.sign;
    if (c > 0 || (c === 0 && d.lower.open)) mask &= POS;
    else if (c === 0) mask &= ZER | POS;
  }
  if (d.upper) {
    const c = d.upper.value.sign;
    if (c < 0 || (c === 0 && d.upper.open)) mask &= NEG;
    else if (c === 0) mask &= NEG | ZER;
  }
  if (d.integer && d.lower && d.upper && d.lower.value.equals(Rational.ZERO) && d.upper.value.equals(Rational.ZERO)) mask &= ZER;
  return mask === 0 ? ANY : mask;
}

function each(mask: SignMask): SignMask[] {
  return [NEG, ZER, POS].filter((s) => mask & s);
}

function addMasks(a: SignMask, c: SignMask): SignMask {
  let out = 0;
  for (const x of each(a))
    for (const y of each(c)) {
      if (x === ZER) out |= y;
      else if (y === ZER || x === y) out |= x;
      else out |= ANY;
    }
  return out;
}

function mulMasks(a: SignMask, c: SignMask): SignMask {
  let out = 0;
  for (const x of each(a))
    for (const y of each(c)) {
      if (x === ZER || y === ZER) out |= ZER;
      else out |= x === y ? POS : NEG;
    }
  return out;
}

function abs(mask: SignMask): SignMask {
  return (mask & (NEG | POS) ? POS : 0) | (mask & ZER);
}

function powMask(base: SignMask, exponent: Expr, a: Assumptions): SignMask {
  if (exponent.kind === 'num' && exponent.value.isInteger()) {
    const k = exponent.value;
    const zero = k.sign > 0 ? base & ZER : 0; // 0^negative is undefined, so not a possible value
    const even = k.n % 2n === 0n;
    const nonzero = base & (NEG | POS);
    if (even) return (nonzero ? POS : 0) | zero || POS;
    return (base & (NEG | POS)) | zero || POS;
  }
  // Non-integer or symbolic exponent: defined for base >= 0 only (base > 0 for a negative exponent).
  const expMask = signOf(exponent, a);
  const zero = base & ZER && !(expMask & (NEG | ZER)) ? ZER : 0;
  return POS | zero;
}

function variableDomain(lower: Expr, a: Assumptions): Domain {
  const m = signOf(lower, a);
  return (m & NEG) === 0 ? nonnegativeReal : real;
}

export function signOf(e: Expr, a: Assumptions = Assumptions.positive): SignMask {
  switch (e.kind) {
    case 'num':
      return ofRational(e.value);
    case 'sym':
      return ofDomain(a.domainOf(e.name));
    case 'const':
      return POS;
    case 'add':
      return e.terms.map((t) => signOf(t, a)).reduce(addMasks);
    case 'mul':
      return e.factors.map((f) => signOf(f, a)).reduce(mulMasks);
    case 'pow':
      return powMask(signOf(e.base, a), e.exponent, a);
    case 'apply': {
      const args = e.args.map((x) => signOf(x, a));
      const m = args[0] ?? ANY;
      switch (e.fn) {
        case 'exp':
        case 'factorial':
          return POS;
        case 'log':
          return signOf(b.sub(e.args[0]!, b.ONE), a);
        case 'abs':
          return abs(m);
        case 'pos':
          return (m & POS) | (m & (ZER | NEG) ? ZER : 0);
        case 'ceil':
          return (m & POS) | (m & ZER) | (m & NEG ? NEG | ZER : 0);
        case 'floor':
          return (m & POS ? POS | ZER : 0) | (m & ZER) | (m & NEG);
        case 'min':
          if (args.every((x) => x === POS)) return POS;
          if (args.some((x) => x === NEG)) return NEG;
          return args.reduce((x, y) => x | y);
        case 'max':
          if (args.every((x) => x === NEG)) return NEG;
          if (args.some((x) => x === POS)) return POS;
          return args.reduce((x, y) => x | y);
        case 'binomial':
          return POS | ZER;
      }
      return ANY;
    }
    case 'integral': {
      const width = signOf(b.sub(e.upper, e.lower), a);
      const body = signOf(e.body, a.with(e.variable, variableDomain(e.lower, a)));
      if ((width & NEG) === 0 && (body & NEG) === 0) return width === POS && body === POS ? POS : POS | ZER;
      if ((width & NEG) === 0 && (body & POS) === 0) return width === POS && body === NEG ? NEG : NEG | ZER;
      return ANY;
    }
    case 'extremum': {
      const body = signOf(e.body, a.with(e.variable, variableDomain(e.lower, a)));
      if (body === POS) return e.which === 'sup' ? POS : POS | ZER;
      if (body === NEG) return e.which === 'inf' ? NEG : NEG | ZER;
      return body;
    }
    case 'sum': {
      const body = signOf(e.body, a.with(e.index, { integer: true }));
      return body | ZER; // an empty sum is 0
    }
    case 'limit': {
      const body = signOf(e.body, a);
      return body & POS ? body | ZER : body & NEG ? body | ZER : body;
    }
  }
}

export const isPositive = (e: Expr, a?: Assumptions): boolean => signOf(e, a) === POS;
export const isNonnegative = (e: Expr, a?: Assumptions): boolean => (signOf(e, a) & NEG) === 0;
export const isNegative = (e: Expr, a?: Assumptions): boolean => signOf(e, a) === NEG;
export const isNonpositive = (e: Expr, a?: Assumptions): boolean => (signOf(e, a) & POS) === 0;
