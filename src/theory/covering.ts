// Covering numbers N(S, r) for the space catalog (THEORY §1, cover.*): each an expression in the
// symbol r with its validity range, whether it is exact, the theorem it comes from, and a power envelope.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { Rational } from '../expr/rational.js';
import { substitute } from '../expr/traverse.js';
import type { Expr } from '../expr/types.js';
import type { CoveringAssumption, SpaceSpec } from './setting.js';

export type CoveringTheorem = 'cover.cube' | 'cover.ball' | 'cover.simplex' | 'cover.arc' | 'cover.power' | 'cover.formula';

/** An envelope N(S, r) <= A r^(-d) for 0 < r <= r0 (the hypothesis of cover.power), with how it follows. */
export interface PowerEnvelope {
  readonly A: Expr;
  readonly d: Rational;
  readonly r0: Expr;
  readonly derivation: string;
}

export interface Covering {
  readonly theorem: CoveringTheorem;
  /** N(S, r), or an upper bound for it, as an expression in the symbol `r`. */
  readonly expr: Expr;
  /** True when expr is N(S, r) itself, not only an upper bound. */
  readonly exact: boolean;
  /** Valid for 0 < r <= r0; undefined: for every r > 0. */
  readonly r0?: Expr;
  /** Covering dimension: expr ~ leading * r^(-dimension) as r -> 0. */
  readonly dimension?: Rational;
  /** The constant c of expr ~ c r^(-dimension) as r -> 0, when known exactly. */
  readonly leading?: Expr;
  readonly envelope?: PowerEnvelope;
  readonly statement: string;
}

export const R = b.sym('r');

const q = (x: Rational) => b.num(x);
const int = (n: number) => b.num(BigInt(n));

function cube(side: Rational, dim: number): Covering {
  const a = q(side);
  return {
    theorem: 'cover.cube',
    expr: b.pow(b.ceil(b.div(a, b.mul(b.TWO, R))), int(dim)),
    exact: true,
    dimension: Rational.of(dim),
    leading: b.pow(b.div(a, b.TWO), int(dim)),
    // ceil(x) <= 2x for x >= 1/2, so ceil(a/(2r))^d <= (a/r)^d for r <= a.
    envelope: { A: b.pow(a, int(dim)), d: Rational.of(dim), r0: a, derivation: 'ceil(x) <= 2x for x >= 1/2, so ceil(a/(2r))^d <= (a/r)^d for r <= a' },
    statement: `N([0, ${side}]^${dim}, r) = ceil(${side}/(2r))^${dim} in the sup metric`,
  };
}

function sortedCone(side: Rational, dim: number): Covering {
  const a = q(side);
  const K = b.ceil(b.div(a, b.mul(b.TWO, R)));
  return {
    theorem: 'cover.simplex',
    // C(K + d - 1, d) written as K (K + 1) ... (K + d - 1)/d!, a polynomial in the step K (so quadrature can split at its jumps).
    expr: b.div(b.mul(...Array.from({ length: dim }, (_, j) => b.add(K, int(j)))), b.factorial(int(dim))),
    exact: false,
    dimension: Rational.of(dim),
    leading: b.div(b.pow(b.div(a, b.TWO), int(dim)), b.factorial(int(dim))),
    // On a/(2K) <= r < a/(2(K-1)): C(K+d-1, d) <= (d+1) (K-1)^d <= (d+1) (a/2)^d r^(-d), because
    // C(K+d-1, d)/(K-1)^d = prod_j (K+j-1)/(j (K-1)) decreases in K >= 2 and is d + 1 at K = 2; K = 1 at r = a/2.
    envelope: {
      A: b.mul(int(dim + 1), b.pow(b.div(a, b.TWO), int(dim))),
      d: Rational.of(dim),
      r0: b.div(a, b.TWO),
      derivation: 'C(K+d-1, d)/(K-1)^d decreases in K >= 2 with value d+1 at K = 2, so C(K+d-1, d) <= (d+1)(a/2)^d r^(-d) for r <= a/2',
    },
    statement: `N(sorted cone of side ${side} in dimension ${dim}, r) <= C(K + ${dim - 1}, ${dim}), K = ceil(${side}/(2r))`,
  };
}

function arc(length: Expr, what: string): Covering {
  return {
    theorem: 'cover.arc',
    expr: b.ceil(b.div(length, b.mul(b.TWO, R))),
    exact: true,
    dimension: Rational.ONE,
    leading: b.div(length, b.TWO),
    envelope: { A: length, d: Rational.ONE, r0: length, derivation: 'ceil(x) <= 2x for x >= 1/2, so ceil(l/(2r)) <= l/r for r <= l' },
    statement: `N(${what}, r) = ceil(l/(2r)) with l = ${what === 'arc' ? 'its length' : 'the circumference'} (geodesic metric)`,
  };
}

function ball(radius: Rational, dim: number): Covering {
  const Rr = q(radius);
  return {
    theorem: 'cover.ball',
    expr: b.pow(b.add(b.ONE, b.div(b.mul(b.TWO, Rr), R)), int(dim)),
    exact: false,
    dimension: Rational.of(dim),
    leading: b.pow(b.mul(b.TWO, Rr), int(dim)),
    envelope: { A: b.pow(b.mul(b.num(3), Rr), int(dim)), d: Rational.of(dim), r0: Rr, derivation: '1 + 2R/r <= 3R/r for r <= R' },
    statement: `N(B^${dim}_${radius}, r) <= (1 + 2*${radius}/r)^${dim} (volumetric)`,
  };
}

function torus(dim: number): Covering {
  const factor = b.ceil(b.div(b.PI, R));
  return {
    theorem: 'cover.arc',
    expr: b.pow(factor, int(dim)),
    exact: false,
    dimension: Rational.of(dim),
    leading: b.pow(b.PI, int(dim)),
    envelope: { A: b.pow(b.mul(b.TWO, b.PI), int(dim)), d: Rational.of(dim), r0: b.PI, derivation: 'ceil(pi/r) <= 2 pi/r for r <= pi, in each factor' },
    statement: `N((S^1)^${dim}, r) <= ceil(pi/r)^${dim}: products of nets of the circle (cover.arc) in the sup metric`,
  };
}

/** The covering given by a user assumption (cover.power, or a formula in r). */
export function assumedCovering(c: CoveringAssumption): Covering {
  if (c.kind === 'power') {
    const A = q(c.A);
    return {
      theorem: 'cover.power',
      expr: b.mul(A, b.pow(R, q(c.d.neg()))),
      exact: false,
      r0: q(c.r0),
      dimension: c.d,
      leading: A,
      envelope: { A, d: c.d, r0: q(c.r0), derivation: 'assumed' },
      statement: `assumption: N(X0, r) <= ${c.A} r^(-${c.d}) for 0 < r <= ${c.r0}`,
    };
  }
  return {
    theorem: 'cover.formula',
    expr: c.formula,
    exact: false,
    r0: q(c.r0),
    ...(c.dimension ? { dimension: c.dimension } : {}),
    statement: `assumption: N(X0, r) <= (user formula) for 0 < r <= ${c.r0}`,
  };
}

/** The catalog covering of a space, refused (EB6017) for a space the catalog does not cover. */
export function coveringNumber(space: SpaceSpec): Result<Covering> {
  switch (space.kind) {
    case 'cube':
      if (!space.lower.lt(space.upper) || space.dim < 1) return fail(error('EB6022', 'a cube needs lower < upper and dimension >= 1'));
      return ok(cube(space.upper.sub(space.lower), space.dim));
    case 'sorted-cone':
      if (!space.lower.lt(space.upper) || space.dim < 1) return fail(error('EB6022', 'a sorted cone needs lower < upper and dimension >= 1'));
      return ok(sortedCone(space.upper.sub(space.lower), space.dim));
    case 'ball':
      if (space.radius.sign <= 0 || space.dim < 1) return fail(error('EB6022', 'a ball needs a positive radius and dimension >= 1'));
      return ok(ball(space.radius, space.dim));
    case 'circle':
      return ok(arc(b.mul(b.TWO, b.PI), 'the circle S^1'));
    case 'arc':
      return ok(arc(space.length, 'arc'));
    case 'torus':
      return ok(torus(space.dim));
    case 'sphere':
      return fail(error('EB6017', `no covering theorem of THEORY.md covers the sphere S^${space.dim}: missing hypothesis "a covering assumption for the sphere (cover.power or a formula)"`));
    case 'assumed':
      return ok(assumedCovering(space.covering));
  }
}

/** Which cover.* theorem a space falls under, for instantiating a cover.* id directly. */
export function coveringTheoremOf(space: SpaceSpec): CoveringTheorem | undefined {
  const r = coveringNumber(space);
  return r.ok ? r.value.theorem : undefined;
}

/** N(S, r) at a given scale expression (e.g. r = t/(2 lambda L)). */
export function coveringAt(c: Covering, scale: Expr): Expr {
  return substitute(c.expr, new Map([['r', scale]]));
}

/** The power envelope of a covering, when it has one. */
export function powerEnvelope(c: Covering): PowerEnvelope | undefined {
  return c.envelope;
}
