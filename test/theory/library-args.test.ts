// Words a bound's arguments take: law = invariant (approx.l2) and n0 = search (tradeoff.optimal) are read
// by the library, and any other bare word is an undefined name.
import { describe, expect, it } from 'vitest';
import { exprOracle } from '../../src/cli/value-oracle.js';
import { checkProgram } from '../../src/semantics/check-program.js';
import { parseFile } from '../../src/syntax/parse-file.js';
import { runCli } from '../cli/run-cli.js';

const setting = `setting signs {
  param d integer = 4
  param n integer = 10^6
  param delta in (0, 1) = 1/100
  space X = cube(side = 2, dim = d, metric = sup)
  group G = signflips(d) acting on X
  class F = lipschitz(L = 1, M = 1, out = 1) on X equivariant to G
  loss squared
}
`;

describe('bound argument words', () => {
  it('law = invariant gives approx.l2 its invariant input law, and eta2 its value', async () => {
    const r = await runCli(['run', '-'], { stdin: `${setting}bound l2 = approx.l2(signs, law = invariant, eta2 = 1/10)\nshow l2\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('eta_2^2    = 1/100');
  });
  it('without it approx.l2 is refused with the missing hypothesis', async () => {
    const r = await runCli(['run', '-'], { stdin: `${setting}bound l2 = approx.l2(signs, eta2 = 1/10)\nshow l2\n` });
    expect(r.stderr).toContain('error[EB6025]');
    expect(r.stderr).toContain('<stdin>:10:12');
  });
  it('another word is an undefined name; n0 = search passes the semantic checks', async () => {
    const bad = await runCli(['run', '-'], { stdin: `${setting}bound l2 = approx.l2(signs, law = uniform, eta2 = 1/10)\n` });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error[EB2001]');
    // Checked, not run (the n0 search takes minutes): the argument reaches the model as the word.
    const text = `${setting}bound t = tradeoff.optimal(signs, n0 = search)\n`;
    const file = parseFile(text, 'a.eqb');
    if (!file.ok) throw new Error('parse');
    const model = checkProgram([{ source: 'a.eqb', text, file: file.value, main: true }], exprOracle);
    if (!model.ok) throw new Error(model.diagnostics.map((d) => d.message).join('; '));
    const bound = model.value.top.bounds.get('t')!;
    expect(bound.args.get('n0')).toMatchObject({ kind: 'word', word: 'search' });
  });
});
