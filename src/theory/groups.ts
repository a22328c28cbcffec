// The group catalog: order, Lie dimension and fundamental domain of each group on each space it acts
// on by isometries. A combination outside the catalog is refused with the hypothesis it lacks.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';
import * as b from '../expr/build.js';
import { Rational } from '../expr/rational.js';
import type { GroupSpec, SpaceSpec } from './setting.js';

export interface GroupAction {
  readonly name: string;
  /** |G| for a finite group; undefined for a Lie group of positive dimension. */
  readonly order?: bigint;
  /** dim G (0 for a finite group). */
  readonly dimension: number;
  /** A fundamental domain X0 meeting every orbit, as a space of the catalog. */
  readonly fundamentalDomain: SpaceSpec;
  /** The action is free up to a null set (so A_G = A_1/|G| for power envelopes, gain.finite). */
  readonly freeUpToNullSet: boolean;
  /** How the hypotheses "acts by isometries" and "X0 meets every orbit" were established. */
  readonly justification: string;
}

export function groupName(g: GroupSpec): string {
  switch (g.kind) {
    case 'trivial':
      return 'the trivial group';
    case 'cyclic':
      return `C_${g.m}`;
    case 'dihedral':
      return `D_${g.m}`;
    case 'signflips':
      return `{+1,-1}^${g.d}`;
    case 'permutations':
      return `S_${g.d}`;
    case 'SO2':
      return 'SO(2)';
    case 'finite':
      return g.name;
  }
}

export function spaceName(s: SpaceSpec): string {
  switch (s.kind) {
    case 'cube':
      return `[${s.lower}, ${s.upper}]^${s.dim}`;
    case 'ball':
      return `the ball of radius ${s.radius} in R^${s.dim}`;
    case 'circle':
      return 'the circle S^1';
    case 'sphere':
      return `the sphere S^${s.dim}`;
    case 'torus':
      return `the torus (S^1)^${s.dim}`;
    case 'sorted-cone':
      return `the sorted cone in [${s.lower}, ${s.upper}]^${s.dim}`;
    case 'arc':
      return 'an arc';
    case 'assumed':
      return s.name;
  }
}

function factorial(n: number): bigint {
  let r = 1n;
  for (let i = 2n; i <= BigInt(n); i++) r *= i;
  return r;
}

const notIsometric = (g: GroupSpec, s: SpaceSpec, why: string) =>
  fail<GroupAction>(error('EB6010', `${groupName(g)} does not act by isometries on ${spaceName(s)}: missing hypothesis "G acts on X by isometries" (${why})`));

const notInCatalog = (g: GroupSpec, s: SpaceSpec) =>
  fail<GroupAction>(
    error('EB6011', `no fundamental domain is known for ${groupName(g)} on ${spaceName(s)}: missing hypothesis "a fundamental domain X0 with a covering number" (declare a finite group with its fundamental domain)`),
  );

/** The action of a catalog group on a space, or the diagnostic naming the missing hypothesis. */
export function groupAction(g: GroupSpec, s: SpaceSpec): Result<GroupAction> {
  const name = groupName(g);
  switch (g.kind) {
    case 'trivial':
      return ok({ name, order: 1n, dimension: 0, fundamentalDomain: s, freeUpToNullSet: true, justification: 'the trivial group: X0 = X' });
    case 'cyclic':
    case 'dihedral': {
      if (!Number.isInteger(g.m) || g.m < 1) return fail(error('EB6022', `${name} needs an integer m >= 1`));
      if (s.kind !== 'circle') {
        // Rotations about the centre (and reflections) are isometries of a ball, and of the square when m | 4;
        // those actions exist, but their fundamental domains (sectors) have no covering in the catalog.
        const square = s.kind === 'cube' && s.dim === 2 && 4 % g.m === 0 && s.lower.equals(s.upper.neg());
        if (s.kind === 'ball' || square) return notInCatalog(g, s);
        if (s.kind === 'cube' || s.kind === 'sorted-cone' || s.kind === 'arc') return notIsometric(g, s, 'rotations of the circle are not maps of this space');
        return notInCatalog(g, s);
      }
      const order = g.kind === 'cyclic' ? BigInt(g.m) : 2n * BigInt(g.m);
      const length = g.kind === 'cyclic' ? b.div(b.mul(b.TWO, b.PI), b.num(BigInt(g.m))) : b.div(b.PI, b.num(BigInt(g.m)));
      return ok({
        name,
        order,
        dimension: 0,
        fundamentalDomain: { kind: 'arc', length },
        freeUpToNullSet: true,
        justification: `rotations${g.kind === 'dihedral' ? ' and reflections' : ''} are isometries of the geodesic metric; an arc of length ${g.kind === 'cyclic' ? '2 pi/m' : 'pi/m'} meets every orbit`,
      });
    }
    case 'signflips': {
      if (s.kind !== 'cube') return s.kind === 'ball' ? notInCatalog(g, s) : notIsometric(g, s, 'sign flips act on cubes [-a, a]^d');
      if (s.dim !== g.d) return notIsometric(g, s, `the group has ${g.d} coordinates and the cube ${s.dim}`);
      if (!s.lower.equals(s.upper.neg())) return notIsometric(g, s, 'the cube is not symmetric about 0, so sign flips do not map it to itself');
      return ok({
        name,
        order: 1n << BigInt(g.d),
        dimension: 0,
        fundamentalDomain: { kind: 'cube', lower: Rational.ZERO, upper: s.upper, dim: s.dim },
        freeUpToNullSet: true,
        justification: 'coordinate sign flips are isometries of the sup metric on [-a, a]^d; [0, a]^d meets every orbit',
      });
    }
    case 'permutations': {
      if (s.kind !== 'cube') return notInCatalog(g, s);
      if (s.dim !== g.d) return notIsometric(g, s, `the group permutes ${g.d} coordinates and the cube has ${s.dim}`);
      return ok({
        name,
        order: factorial(g.d),
        dimension: 0,
        fundamentalDomain: { kind: 'sorted-cone', lower: s.lower, upper: s.upper, dim: s.dim },
        freeUpToNullSet: true,
        justification: 'permuting coordinates is an isometry of the sup metric; the sorted cone meets every orbit',
      });
    }
    case 'SO2': {
      if (s.kind === 'ball' && s.dim === 2)
        return ok({
          name,
          dimension: 1,
          fundamentalDomain: { kind: 'arc', length: b.num(s.radius) },
          freeUpToNullSet: true,
          justification: 'rotations about the centre are Euclidean isometries of the disc; the radius segment [0, R] meets every orbit (dimension 2 -> 1, stabilisers trivial off the centre)',
        });
      if (s.kind === 'cube') return notIsometric(g, s, 'rotations do not preserve a cube in the sup metric');
      return notInCatalog(g, s);
    }
    case 'finite': {
      if (g.order < 1n) return fail(error('EB6022', `${name} needs an order >= 1`));
      if (!g.isometric) return notIsometric(g, s, 'the declaration does not assert it');
      return ok({
        name,
        order: g.order,
        dimension: 0,
        fundamentalDomain: g.fundamentalDomain,
        freeUpToNullSet: g.freeUpToNullSet ?? false,
        justification: 'declared by the user: acts by isometries, with the given fundamental domain',
      });
    }
  }
}
