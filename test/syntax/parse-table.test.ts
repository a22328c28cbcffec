// The grammar of `show table of … for SWEEP`: columns, numbers of bounds, lists and ranges, and syntax
// errors reported where they happen.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/syntax/parse-file.js';

describe('parsing a table', () => {
  it('reads columns, numbers of bounds and the three kinds of sweep', () => {
    const text = 'show table of a, "alpha*(Gamma_G)" of b, a/b for n in [10^3, 10^4] as decimal(12)\nshow table of a for n from 1 to 9 by factor 3\nshow table of a for x from 0 to 1 by step 1/4\n';
    const file = parseFile(text, 'a.eqb');
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const [list, factor, step] = file.value.statements;
    expect(list).toMatchObject({ kind: 'show', items: [{ name: 'a' }, { name: 'b' }, { kind: 'multiplicative' }], table: { numbers: [null, { text: 'alpha*(Gamma_G)' }, null], sweep: { kind: 'list', variable: { text: 'n' } } } });
    expect(factor).toMatchObject({ table: { sweep: { kind: 'range', by: 'factor' } } });
    expect(step).toMatchObject({ table: { sweep: { kind: 'range', by: 'step', variable: { text: 'x' } } } });
  });
  it('keeps `table` an ordinary name in a plain show', () => {
    const file = parseFile('let table = 1\nshow table\n', 'a.eqb');
    expect(file.ok && file.value.statements[1]).toMatchObject({ kind: 'show', items: [{ name: 'table' }] });
  });
  it('reports a syntax error inside the sweep where it happens', () => {
    const r = parseFile('show table of a for n from 1 to 3 by half 2\n', 'a.eqb');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ code: 'EB1106', span: { start: 37 } });
  });
});
