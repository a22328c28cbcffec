import { describe, expect, it } from 'vitest';
import { groupAction } from '../../src/theory/groups.js';
import type { GroupSpec, SpaceSpec } from '../../src/theory/setting.js';
import { q } from './fixtures.js';

const cube = (lo: number, hi: number, dim: number): SpaceSpec => ({ kind: 'cube', lower: q(lo), upper: q(hi), dim });

function action(g: GroupSpec, s: SpaceSpec) {
  const r = groupAction(g, s);
  if (!r.ok) throw new Error(r.diagnostics[0]!.message);
  return r.value;
}

function code(g: GroupSpec, s: SpaceSpec) {
  const r = groupAction(g, s);
  return r.ok ? 'ok' : r.diagnostics[0]!.code;
}

describe('group catalog', () => {
  it('sign flips on [-a, a]^d: order 2^d, X0 = [0, a]^d', () => {
    const a = action({ kind: 'signflips', d: 3 }, cube(-2, 2, 3));
    expect(a.order).toBe(8n);
    expect(a.fundamentalDomain).toMatchObject({ kind: 'cube', dim: 3 });
    if (a.fundamentalDomain.kind === 'cube') expect([a.fundamentalDomain.lower.toString(), a.fundamentalDomain.upper.toString()]).toEqual(['0', '2']);
  });
  it('permutations S_d on a cube: order d!, X0 = the sorted cone', () => {
    const a = action({ kind: 'permutations', d: 4 }, cube(0, 1, 4));
    expect(a.order).toBe(24n);
    expect(a.fundamentalDomain.kind).toBe('sorted-cone');
  });
  it('C_m and D_m on the circle: arcs of length 2 pi/m and pi/m', () => {
    expect(action({ kind: 'cyclic', m: 5 }, { kind: 'circle' })).toMatchObject({ order: 5n, fundamentalDomain: { kind: 'arc' } });
    expect(action({ kind: 'dihedral', m: 5 }, { kind: 'circle' }).order).toBe(10n);
  });
  it('SO(2) on the disc: a Lie group of dimension 1, X0 = the radius segment (dimension 2 -> 1)', () => {
    const a = action({ kind: 'SO2' }, { kind: 'ball', radius: q(3), dim: 2 });
    expect(a.order).toBeUndefined();
    expect(a.dimension).toBe(1);
    expect(a.fundamentalDomain.kind).toBe('arc');
  });
  it('refuses actions that are not by isometries (EB6010) and combinations outside the catalog (EB6011)', () => {
    expect(code({ kind: 'signflips', d: 2 }, cube(0, 1, 2))).toBe('EB6010'); // not symmetric about 0
    expect(code({ kind: 'signflips', d: 3 }, cube(-1, 1, 2))).toBe('EB6010');
    expect(code({ kind: 'SO2' }, cube(-1, 1, 2))).toBe('EB6010');
    expect(code({ kind: 'cyclic', m: 3 }, cube(-1, 1, 2))).toBe('EB6010');
    expect(code({ kind: 'permutations', d: 2 }, { kind: 'ball', radius: q(1), dim: 2 })).toBe('EB6011');
    expect(code({ kind: 'SO2' }, { kind: 'sphere', dim: 2 })).toBe('EB6011');
    expect(code({ kind: 'finite', name: 'H', order: 4n, fundamentalDomain: cube(0, 1, 2), isometric: false }, cube(-1, 1, 2))).toBe('EB6010');
  });
});
