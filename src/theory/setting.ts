// The theory model's plain-data input: a learning setting (space, group, class, loss, sample) with
// exact rational parameters or free ones with a domain. The CLI maps the language's checked model into it.

import type { Domain } from '../expr/domains.js';
import { positiveReal } from '../expr/domains.js';
import type { Rational } from '../expr/rational.js';
import type { Expr } from '../expr/types.js';

/** A parameter: an exact value, or a free symbol restricted to a domain (default: positive reals). */
export type Param = { readonly value: Rational } | { readonly free: Domain };

export const value = (q: Rational): Param => Object.freeze({ value: q });
export const free = (domain: Domain = positiveReal): Param => Object.freeze({ free: domain });

export function valueOf(p: Param | undefined): Rational | undefined {
  return p !== undefined && 'value' in p ? p.value : undefined;
}

/** A covering-number assumption supplied by the user, valid for 0 < r <= r0. */
export type CoveringAssumption =
  /** N(S, r) <= A r^(-d) (cover.power). */
  | { readonly kind: 'power'; readonly A: Rational; readonly d: Rational; readonly r0: Rational }
  /** N(S, r) <= formula, an expression in the symbol `r` (and setting parameters). */
  | { readonly kind: 'formula'; readonly formula: Expr; readonly r0: Rational; readonly dimension?: Rational };

/** The spaces of the catalog; `dim` is the topological dimension. */
export type SpaceSpec =
  /** [lower, upper]^dim with the sup metric. */
  | { readonly kind: 'cube'; readonly lower: Rational; readonly upper: Rational; readonly dim: number }
  /** The closed Euclidean ball of the given radius in R^dim (centred at 0). */
  | { readonly kind: 'ball'; readonly radius: Rational; readonly dim: number }
  /** The unit circle S^1 (circumference 2 pi) with the geodesic metric. */
  | { readonly kind: 'circle' }
  /** The unit sphere S^dim in R^(dim+1), geodesic metric: no catalog covering, needs an assumption. */
  | { readonly kind: 'sphere'; readonly dim: number }
  /** The flat torus (S^1)^dim, each factor of circumference 2 pi, with the sup of the geodesic metrics. */
  | { readonly kind: 'torus'; readonly dim: number }
  /** The sorted cone {lower <= x_1 <= ... <= x_dim <= upper} with the sup metric. */
  | { readonly kind: 'sorted-cone'; readonly lower: Rational; readonly upper: Rational; readonly dim: number }
  /** An arc (or a segment) of the given length with its intrinsic metric; length may involve pi. */
  | { readonly kind: 'arc'; readonly length: Expr }
  /** A space known only through a covering assumption. */
  | { readonly kind: 'assumed'; readonly name: string; readonly dim: number; readonly covering: CoveringAssumption };

/** Groups of the catalog, each with the spaces it is known to act on by isometries. */
export type GroupSpec =
  | { readonly kind: 'trivial' }
  /** Rotations by multiples of 2 pi / m of the circle. */
  | { readonly kind: 'cyclic'; readonly m: number }
  /** Rotations and reflections of the circle, order 2m. */
  | { readonly kind: 'dihedral'; readonly m: number }
  /** {+1, -1}^d acting coordinatewise on a cube symmetric about 0. */
  | { readonly kind: 'signflips'; readonly d: number }
  /** S_d permuting coordinates of a cube. */
  | { readonly kind: 'permutations'; readonly d: number }
  /** Rotations of a disc (2-dimensional ball) about its centre; a Lie group of dimension 1. */
  | { readonly kind: 'SO2' }
  /** A user-declared finite group with a declared fundamental domain. `isometric` must be asserted. */
  | { readonly kind: 'finite'; readonly name: string; readonly order: bigint; readonly fundamentalDomain: SpaceSpec; readonly isometric: boolean; readonly freeUpToNullSet?: boolean };

/** An element of the dihedral group D_m (cyclic: flip = 0): rotation by 2 pi rot/m, then a reflection if flip. */
export interface DihedralElement {
  readonly rot: number;
  readonly flip: 0 | 1;
}

/** A set T of transformations of the circle (partial.words); need not be a group. */
export type TransformationSetSpec =
  | { readonly kind: 'cyclic'; readonly m: number; readonly generators: readonly number[] }
  | { readonly kind: 'dihedral'; readonly m: number; readonly generators: readonly DihedralElement[] };

/** The hypothesis class Lip(L, M) into B^k_M, its equivariance constraint, and its Lipschitz constant L. */
export interface ClassSpec {
  readonly L: Param;
  readonly M: Param;
  /** Output dimension k (a positive integer). */
  readonly k: number;
  /** exact: Lip_G; approximate: Lip_{G, eps} with eps the model equivariance error. */
  readonly equivariance: 'none' | 'exact' | 'approximate';
}

export type LossSpec =
  /** |y' - y| with labels |y| <= M: lambda = 1, B = 2M. */
  | { readonly kind: 'absolute' }
  /** (y' - y)^2 with |y|, |y'| <= M: lambda = 4M, B = 4M^2. */
  | { readonly kind: 'squared' }
  /** max(0, 1 - y y') for labels y in {-1, 1}: lambda = 1, B = 1 + M. */
  | { readonly kind: 'hinge' }
  /** Any loss lambda-Lipschitz in its first argument with values in [0, B]. */
  | { readonly kind: 'lipschitz'; readonly lambda: Param; readonly B: Param };

export interface Setting {
  readonly space: SpaceSpec;
  readonly group: GroupSpec;
  /** A covering assumption for X that replaces the catalog covering. */
  readonly spaceCovering?: CoveringAssumption;
  /** A covering assumption for the fundamental domain X0. */
  readonly domainCovering?: CoveringAssumption;
  readonly transformations?: TransformationSetSpec;
  readonly hypothesisClass: ClassSpec;
  readonly loss: LossSpec;
  readonly n: Param;
  readonly delta: Param;
  /** Model equivariance error eps. */
  readonly eps?: Param;
  /** Data equivariance error eta = ee_G(f*). */
  readonly eta?: Param;
  /** Lipschitz constant L* of the target f*. */
  readonly Lstar?: Param;
  /** L^2(mu) distance eta_2 = ||f* - Q f*|| (approx.l2). */
  readonly eta2?: Param;
  /** The input law is G-invariant (approx.l2). */
  readonly invariantInputLaw?: boolean;
}
