// `equibound check` with `by theorem` steps: the parameters a theorem reads come from the derivation's
// setting (parameters, lets, the class and the loss), and an unknown theorem id is reported before any step.

import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const setting = (body: string) => `setting s {
  param d integer in [3, 40]
  param n integer >= 1
  param delta in (0, 1)
  param alpha in (0, 1]
${body}
  let confidence = 2*sqrt(log(2/delta)/(2*n))
}
`;

const step = (by: string) => `
derivation power in s {
  2*inf(4*a + 12/sqrt(n)*integral(sqrt((s/2)^(-d)*log(1 + 4/s)), s, a, 1), a, 0, 1) + confidence
    <= 2*(4*alpha + 12/sqrt(n)*sqrt(log(1 + 4/alpha))*2^(d/2)*alpha^(1 - d/2)/(d/2 - 1)) + confidence   by theorem ${by}
}
`;

const classAndLoss = `  space X = cube(side = 2, dim = d, metric = sup)
  class F = lipschitz(L = 1, M = 1, out = 1) on X
  loss absolute
`;

async function check(text: string) {
  return runCli(['check', 't.eqb'], { files: { 't.eqb': text } });
}

describe('theorem steps in equibound check', () => {
  it('read L, M and k from the class and lambda and B from the loss', async () => {
    const r = await check(setting(classAndLoss) + step('gen.exact.power(1, d, alpha)'));
    expect(r.stdout).toMatch(/ proven +instance of gen\.exact\.power \(P\(alpha\)\)/);
    expect(r.code).toBe(0);
  });

  it('read them from lets as well, and accept the setting as a first argument', async () => {
    const r = await check(setting('  let L = 1\n  let M = 1\n  let k = 1\n  let lambda = 1\n  let B = 2\n') + step('gen.exact.power(s, 1, d, alpha)'));
    expect(r.stdout).toMatch(/ proven +instance of gen\.exact\.power/);
  });

  it('name a parameter the setting does not give', async () => {
    const r = await check(setting('') + step('gen.exact.power(1, d, alpha)'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('gen.exact.power needs L (the Lipschitz constant of the class), M (the output bound of the class), k (the output dimension), lambda (the Lipschitz constant of the loss), B (the range of the loss): the setting declares no parameter or let of those names');
  });

  it('an argument naming a class is refused with what the argument should be', async () => {
    const r = await check(setting(classAndLoss) + step('gen.exact.power(F, d, alpha)'));
    expect(r.stdout).toContain('argument 1 of gen.exact.power names the class F, but A is the constant of the power law');
  });

  it('an unknown theorem id is EB6016 (bad input) with a suggestion, before any step is checked', async () => {
    const r = await check(setting(classAndLoss) + step('gen.exact.powr(1, d, alpha)'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error[EB6016]: no theorem is named `gen.exact.powr`');
    expect(r.stderr).toContain('did you mean `gen.exact.power`?');
  });
});
