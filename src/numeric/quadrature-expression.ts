// An expression in one variable turned into a function on a Field's floats, for quadrature nodes and
// root or minimum iterations. Constants are converted once per field; a domain error gives NaN.

import { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';
import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import type { Field } from './api.js';

type Node = <R>(F: Field<R>, x: R, k: readonly R[]) => R;

/** A compiled expression: bind it to a field once, then call it on that field's values. */
export interface Compiled {
  bind<R>(F: Field<R>): (x: R) => R;
}

/** Compiles `e`, whose only free symbol may be `variable`; EB5004 for other symbols, EB5001 for unsupported nodes. */
export function compileExpr(e: Expr, variable: string): Result<Compiled> {
  const constants: Rational[] = [];
  const problems: string[] = [];
  const constIndex = (q: Rational): number => {
    constants.push(q);
    return constants.length - 1;
  };
  const go = (e: Expr): Node => {
    switch (e.kind) {
      case 'num': {
        const i = constIndex(e.value);
        return (_F, _x, k) => k[i]!;
      }
      case 'sym':
        if (e.name !== variable) problems.push(`free symbol ${e.name}`);
        return (_F, x) => x;
      case 'const':
        if (e.name === 'pi') return (F) => F.pi();
        problems.push('infinity inside an integrand');
        return (_F, x) => x;
      case 'add': {
        const ts = e.terms.map(go);
        return (F, x, k) => {
          let s = ts[0]!(F, x, k);
          for (let i = 1; i < ts.length; i++) s = F.add(s, ts[i]!(F, x, k));
          return s;
        };
      }
      case 'mul': {
        const fs = e.factors.map(go);
        return (F, x, k) => {
          let s = fs[0]!(F, x, k);
          for (let i = 1; i < fs.length; i++) s = F.mul(s, fs[i]!(F, x, k));
          return s;
        };
      }
      case 'pow':
        return powNode(go(e.base), e.exponent, go, constIndex);
      case 'apply': {
        const as = e.args.map(go);
        const a0 = as[0]!;
        switch (e.fn) {
          case 'log':
            return (F, x, k) => F.log(a0(F, x, k));
          case 'exp':
            return (F, x, k) => F.exp(a0(F, x, k));
          case 'abs':
            return (F, x, k) => F.abs(a0(F, x, k));
          case 'ceil':
            return (F, x, k) => F.ceil(a0(F, x, k));
          case 'floor':
            return (F, x, k) => F.floor(a0(F, x, k));
          case 'pos': {
            const z = constIndex(Rational.ZERO);
            return (F, x, k) => F.max(a0(F, x, k), k[z]!);
          }
          case 'min':
          case 'max': {
            const fn = e.fn;
            return (F, x, k) => {
              let s = a0(F, x, k);
              for (let i = 1; i < as.length; i++) s = fn === 'min' ? F.min(s, as[i]!(F, x, k)) : F.max(s, as[i]!(F, x, k));
              return s;
            };
          }
          default:
            problems.push(`${e.fn} of a non-constant argument`);
            return a0;
        }
      }
      default:
        problems.push(`a nested ${e.kind}`);
        return (_F, x) => x;
    }
  };
  const root = go(e);
  if (problems.length > 0) {
    const sym = problems.find((p) => p.startsWith('free symbol'));
    return fail(error(sym ? 'EB5004' : 'EB5001', `cannot evaluate pointwise: ${[...new Set(problems)].join('; ')}`));
  }
  return ok({
    bind<R>(F: Field<R>): (x: R) => R {
      const k = constants.map((q) => F.rational(q));
      return (x: R) => root(F, x, k);
    },
  });
}

function powNode(base: Node, exponent: Expr, go: (e: Expr) => Node, constIndex: (q: Rational) => number): Node {
  if (exponent.kind === 'num') {
    const r = exponent.value;
    const one = constIndex(Rational.ONE);
    if (r.isInteger() && r.n >= -64n && r.n <= 64n) {
      const n = Number(r.n);
      return (F, x, k) => integerPower(F, base(F, x, k), n, k[one]!);
    }
    // p/q with a small numerator: the real q-th root (odd q: of a negative base too), then the power.
    if (r.n >= -64n && r.n <= 64n && r.d < 2n ** 31n) {
      const p = Number(r.n);
      const q = Number(r.d);
      return (F, x, k) => integerPower(F, F.root(base(F, x, k), q), p, k[one]!);
    }
    // Odd denominator: a real root of a negative base exists; sign from the numerator's parity.
    const e = constIndex(r);
    const oddDen = r.d % 2n === 1n;
    const oddNum = (r.n < 0n ? -r.n : r.n) % 2n === 1n;
    return (F, x, k) => {
      const b = base(F, x, k);
      if (!F.isFinite(b)) return b;
      const zero = F.sub(b, b);
      if (oddDen && F.cmp(b, zero) < 0) {
        const m = F.pow(F.neg(b), k[e]!);
        return oddNum ? F.neg(m) : m;
      }
      return F.pow(b, k[e]!);
    };
  }
  const ex = go(exponent);
  return (F, x, k) => F.pow(base(F, x, k), ex(F, x, k));
}

/** b^n for |n| <= 64 by repeated squaring (1/b^|n| for n < 0; b^0 = one). */
export function integerPower<R>(F: Field<R>, b: R, n: number, one: R): R {
  if (n === 1) return b;
  let acc = one;
  let sq = b;
  for (let m = Math.abs(n); m > 0; m >>= 1) {
    if (m & 1) acc = F.mul(acc, sq);
    if (m > 1) sq = F.mul(sq, sq);
  }
  return n < 0 ? F.div(one, acc) : acc;
}
