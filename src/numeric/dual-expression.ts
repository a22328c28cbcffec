// f and f' together on a Field's floats (forward-mode differentiation): one logarithm, root or power
// per node, where f and a separately compiled symbolic f' each take their own. For Newton steps, whose
// results a certificate checks independently, so the slope needs no proof of its own.

import { Rational } from '../expr/rational.js';
import { freeSymbols } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { Field } from './api.js';
import { compileExpr, integerPower } from './quadrature-expression.js';

/** A value and its derivative with respect to the variable. */
export interface Dual<R> {
  readonly v: R;
  readonly d: R;
}

export interface CompiledDual {
  bind<R>(F: Field<R>): (x: R) => Dual<R>;
}

/** Per binding: the field, its 0 and 1, and the values of the constant subtrees. */
interface Ctx<R> {
  readonly F: Field<R>;
  readonly zero: R;
  readonly one: R;
  readonly k: readonly R[];
}

type Node = <R>(c: Ctx<R>, x: R) => Dual<R>;

/**
 * Compiles e for values with derivatives, or undefined when a node depending on the variable is not
 * smooth in general (abs, ceil, floor, min, max, ...) or not supported: the caller then differentiates
 * symbolically, where kinks are checked.
 */
export function compileDual(e: Expr, variable: string): CompiledDual | undefined {
  const constants: Expr[] = [];
  let refused = false;
  const varies = (x: Expr) => freeSymbols(x).has(variable);
  const go = (e: Expr): Node => {
    if (!varies(e)) {
      // Constant subtrees (log 200, say) are evaluated once per binding; their derivative is 0.
      const i = constants.push(e) - 1;
      return (c) => ({ v: c.k[i]!, d: c.zero });
    }
    switch (e.kind) {
      case 'sym':
        return (c, x) => ({ v: x, d: c.one });
      case 'add': {
        const ts = e.terms.map(go);
        return (c, x) => {
          let s = ts[0]!(c, x);
          for (let i = 1; i < ts.length; i++) {
            const t = ts[i]!(c, x);
            s = { v: c.F.add(s.v, t.v), d: c.F.add(s.d, t.d) };
          }
          return s;
        };
      }
      case 'mul': {
        const fs = e.factors.map(go);
        return (c, x) => {
          const F = c.F;
          let s = fs[0]!(c, x);
          for (let i = 1; i < fs.length; i++) {
            const t = fs[i]!(c, x);
            s = { v: F.mul(s.v, t.v), d: F.add(F.mul(s.d, t.v), F.mul(s.v, t.d)) };
          }
          return s;
        };
      }
      case 'pow':
        return varies(e.exponent) ? generalPower(go(e.base), go(e.exponent)) : constantPower(go(e.base), e.exponent, constants);
      case 'apply': {
        if (e.args.length !== 1) break;
        const a = go(e.args[0]!);
        if (e.fn === 'log') {
          return (c, x) => {
            const u = a(c, x);
            return { v: c.F.log(u.v), d: c.F.div(u.d, u.v) };
          };
        }
        if (e.fn === 'exp') {
          return (c, x) => {
            const u = a(c, x);
            const v = c.F.exp(u.v);
            return { v, d: c.F.mul(v, u.d) };
          };
        }
        break;
      }
    }
    refused = true;
    return (c, x) => ({ v: x, d: c.zero });
  };
  const root = go(e);
  if (refused) return undefined;
  const parts = constants.map((c) => compileExpr(c, variable));
  if (parts.some((p) => !p.ok)) return undefined;
  return {
    bind<R>(F: Field<R>): (x: R) => Dual<R> {
      const zero = F.rational(Rational.ZERO);
      const c: Ctx<R> = { F, zero, one: F.rational(Rational.ONE), k: parts.map((p) => (p.ok ? p.value.bind(F)(zero) : zero)) };
      return (x: R) => root(c, x);
    },
  };
}

/** b^r for a constant r: the value by the same root and powers as compileExpr, d = r·b^(r-1)·b'. */
function constantPower(base: Node, exponent: Expr, constants: Expr[]): Node {
  const r = exponent.kind === 'num' ? exponent.value : undefined;
  if (r !== undefined && r.isInteger() && r.n >= -64n && r.n <= 64n) {
    const n = Number(r.n);
    return (c, x) => {
      const b = base(c, x);
      const below = integerPower(c.F, b.v, n - 1, c.one); // b^(n-1), also at b = 0 for n >= 1
      return { v: c.F.mul(below, b.v), d: c.F.mul(c.F.mulInt(below, n), b.d) };
    };
  }
  if (r !== undefined && r.n >= -64n && r.n <= 64n && r.d < 2n ** 31n) {
    const p = Number(r.n);
    const q = Number(r.d);
    return (c, x) => {
      const b = base(c, x);
      const v = integerPower(c.F, c.F.root(b.v, q), p, c.one);
      // r·v/b·b', with r = p/q applied as integers.
      return { v, d: c.F.divInt(c.F.mulInt(c.F.div(c.F.mul(v, b.d), b.v), p), q) };
    };
  }
  const i = constants.push(exponent) - 1;
  return (c, x) => {
    const b = base(c, x);
    const v = c.F.pow(b.v, c.k[i]!);
    return { v, d: c.F.div(c.F.mul(c.F.mul(c.k[i]!, v), b.d), b.v) };
  };
}

/** b^y with both varying: v = b^y, d = v(y' log b + y b'/b). */
function generalPower(base: Node, exponent: Node): Node {
  return (c, x) => {
    const F = c.F;
    const b = base(c, x);
    const y = exponent(c, x);
    const v = F.pow(b.v, y.v);
    return { v, d: F.mul(v, F.add(F.mul(y.d, F.log(b.v)), F.div(F.mul(y.v, b.d), b.v))) };
  };
}
