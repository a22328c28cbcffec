// `show table of … for SWEEP`: the swept parameter, its values and each row's program, with codes and spans.
import { describe, expect, it } from 'vitest';
import { check, errors } from './check-text.js';
import { toText } from '../../src/expr/print/text.js';
import type { Rational } from '../../src/expr/rational.js';
import type { Expr } from '../../src/expr/types.js';
import type { Model } from '../../src/semantics/model.js';

function model(text: string): Model<Expr, Rational> {
  const r = check(text);
  if (!r.ok) throw new Error(`check failed: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return r.value;
}

const signs = `setting s {
  param d integer = 4
  param n integer >= 1 = 10^6
  param delta in (0, 1) = 1/100
  space X = cube(side = 2, dim = d, metric = sup)
  group G = signflips(d) acting on X
  class F = lipschitz(L = 1, M = 1) on X equivariant to G
  loss absolute
  model eps in [0, 1]
  let confidence = 2*sqrt(log(2/delta)/(2*n))
  let m = n - 10
}
bound equiv = gen.exact(s)
`;

describe('the swept parameter', () => {
  it('is a parameter of the settings of the bounds (a top-level table)', () => {
    const m = model(signs + 'show table of equiv for n in [10^3, 10^4]\n');
    const t = m.shows[0]!.table!;
    expect(t.parameter).toBe('n');
    expect(t.rows.map((r) => r.value.toString())).toEqual(['1000', '10000']);
    const row = t.rows[1]!.settings.get('s')!;
    expect(row.parameters.get('n')!.exact!.toString()).toBe('10000');
    expect(toText(row.lets.get('m')!.value)).toBe('9990');
    // The model outside the table keeps the declared value.
    expect(m.settings.get('s')!.parameters.get('n')!.exact!.toString()).toBe('1000000');
  });
  it('gives the row values to the items, and a value to a free parameter', () => {
    const m = model(signs + 'show table of equiv for eps in [0, 1/20]\n');
    expect(m.shows[0]!.table!.rows[1]!.settings.get('s')!.parameters.get('eps')!.exact!.toString()).toBe('1/20');
    const inside = model(signs.replace('  let m = n - 10\n', '  let m = n - 10\n  show table of m, confidence for n in [100]\n'));
    expect(inside.shows[0]!.table!.rows[0]!.items.map((e) => toText(e))).toEqual(['90', expect.stringContaining('sqrt')]);
  });
  it('an unknown name is EB2040 at the name, with a did-you-mean', () => {
    const r = check(signs + 'show table of equiv for dleta in [1/10]\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics.map((d) => d.code)).toEqual(['EB2040']);
      expect(r.diagnostics[0]!.hint).toContain('`delta`');
    }
    expect(errors(signs + 'show table of equiv for dleta in [1/10]\n')).toEqual([{ code: 'EB2040', at: 'dleta' }]);
  });
  it('a let is not a parameter', () => {
    expect(errors(signs + 'show table of equiv for confidence in [1/10]\n')).toEqual([{ code: 'EB2040', at: 'confidence' }]);
  });
  it('a bound that fixes the parameter by its argument is EB2044', () => {
    expect(errors(signs + 'bound other = gen.exact(s, n = 100)\nshow table of other for n in [10, 20]\n')).toEqual([{ code: 'EB2044', at: 'n' }]);
  });
  it('"NAME" of X needs a bound', () => {
    expect(errors('param q = 1\nshow table of "x" of q for q in [2]\n')).toEqual([{ code: 'EB2003', at: 'q' }]);
  });
});

describe('the values', () => {
  it('an empty list is EB2041 at the sweep', () => {
    expect(errors(signs + 'show table of equiv for n in []\n')).toEqual([{ code: 'EB2041', at: 'n in []' }]);
  });
  it('a value outside the domain is EB2007 at that value', () => {
    expect(errors(signs + 'show table of equiv for delta in [1/10, 2, 1/1000]\n')).toEqual([{ code: 'EB2007', at: '2' }]);
  });
  it('a fraction for an integer parameter is EB2008 at that value', () => {
    expect(errors(signs + 'show table of equiv for n in [10, 21/2]\n')).toEqual([{ code: 'EB2008', at: '21/2' }]);
  });
  it('a value that breaks a catalog entry is reported at the value', () => {
    const r = errors(signs + 'show table of equiv for d in [3, 5/2]\n');
    expect(r).toEqual([{ code: 'EB2008', at: '5/2' }]);
    expect(errors(signs + 'show table of equiv for d in [3, -1]\n')).toEqual([{ code: 'EB2007', at: '-1' }]);
  });
  it('a dependent parameter leaving its domain is reported at the value', () => {
    const text = signs.replace('  let m = n - 10\n', '  param k >= 1 = n - 10\n') + 'show table of equiv for n in [100, 5]\n';
    expect(errors(text)).toEqual([{ code: 'EB2007', at: '5' }]);
  });
  it('a non-number is EB2041 (irrational, free) or EB2001 (undefined)', () => {
    expect(errors(signs + 'show table of equiv for delta in [sqrt(2)/2]\n')).toEqual([{ code: 'EB2041', at: 'sqrt(2)/2' }]);
    expect(errors('setting t {\n  param a in [0, 1]\n  param n = 10\n  show table of n for n in [a]\n}\n')).toEqual([{ code: 'EB2041', at: 'a' }]);
    expect(errors(signs + 'show table of equiv for n in [nn]\n')).toEqual([{ code: 'EB2001', at: 'nn' }]);
    expect(errors(signs + 'show table of equiv for n in [equiv]\n')).toEqual([{ code: 'EB2003', at: 'equiv' }]);
  });
  it('sweep values may use parameters with values', () => {
    const m = model(signs + 'setting t {\n  param n = 10\n  let sq = n^2\n  show table of sq for n in [n, 2*n]\n}\n');
    expect(m.shows[0]!.table!.rows.map((r) => toText(r.items[0]!))).toEqual(['100', '400']);
  });
  it('a geometric range stops at its end, an arithmetic one includes it', () => {
    const g = model(signs + 'show table of equiv for n from 10^3 to 5*10^6 by factor 10\n');
    expect(g.shows[0]!.table!.rows.map((r) => r.value.toString())).toEqual(['1000', '10000', '100000', '1000000']);
    const a = model(signs + 'show table of equiv for eps from 0 to 1/10 by step 1/40\n');
    expect(a.shows[0]!.table!.rows.map((r) => r.value.toString())).toEqual(['0', '1/40', '1/20', '3/40', '1/10']);
  });
  it('bad ranges are EB2041 at the offending part', () => {
    expect(errors(signs + 'show table of equiv for n from 10 to 100 by factor 1\n')).toEqual([{ code: 'EB2041', at: '1' }]);
    expect(errors(signs + 'show table of equiv for n from 10 to 100 by step -5\n')).toEqual([{ code: 'EB2041', at: '-5' }]);
    expect(errors(signs + 'show table of equiv for n from 100 to 10 by step 5\n')).toEqual([{ code: 'EB2041', at: 'n from 100 to 10 by step 5' }]);
    expect(errors(signs + 'show table of equiv for eps from 0 to 1 by factor 2\n')).toEqual([{ code: 'EB2041', at: '0' }]);
  });
  it('more than 200 rows is EB2042 at the sweep', () => {
    expect(errors(signs + 'show table of equiv for n from 1 to 1000 by step 1\n')).toEqual([{ code: 'EB2042', at: 'n from 1 to 1000 by step 1' }]);
    const list = Array.from({ length: 201 }, (_, i) => i + 1).join(', ');
    expect(errors(signs + `show table of equiv for n in [${list}]\n`).map((e) => e.code)).toEqual(['EB2042']);
  });
  it('formats other than decimal(N) are EB2043', () => {
    expect(errors(signs + 'show table of equiv for n in [10] as decimal(12), latex\n')).toEqual([{ code: 'EB2043', at: 'latex' }]);
  });
});
