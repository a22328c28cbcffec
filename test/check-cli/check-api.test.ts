// checkDerivations as the CLI calls it (progress hook, wall-clock limit) and derivationLatex on its results.
// The LaTeX of the example's derivations is a reviewed golden (UPDATE_GOLDEN=1 rewrites it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDerivations, type CheckReport } from '../../src/cli/check-command.js';
import { loadProgram } from '../../src/cli/load-program.js';
import type { CheckedModel } from '../../src/cli/theorem-library.js';
import { exprOracle } from '../../src/cli/value-oracle.js';
import { derivationLatex } from '../../src/report/derivation-latex.js';
import { checkProgram } from '../../src/semantics/check-program.js';
import { repoRoot } from '../cli/run-cli.js';

async function modelOf(text: string): Promise<CheckedModel> {
  const io = {
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: (p: string) => (p === 'm.eqb' ? new TextEncoder().encode(text) : readFileSync(join(repoRoot, p))),
    readStdin: async () => new Uint8Array(),
    env: {},
    colorStdout: false,
    colorStderr: false,
    cwd: repoRoot,
  };
  const { result } = await loadProgram('m.eqb', io);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  const checked = checkProgram(result.value, exprOracle);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join('; '));
  return checked.value;
}

describe('checkDerivations', () => {
  it('reports progress per step through the hook and clears it at the end', async () => {
    const model = await modelOf('setting s { param a }\nderivation c in s {\n  a\n    <= a + 1\n    = 1 + a\n}\n');
    const seen: string[] = [];
    const r = await checkDerivations(model, { allowUndecided: false, progress: (t) => seen.push(t) });
    expect(seen).toEqual(['checking c: step 1/2 (1/2 in all)', 'checking c: step 2/2 (2/2 in all)', '']);
    expect(r.checked[0]!.result.summary.established).toBe(true);
  });

  it('draws a bar of the boxes examined during a long branch and bound', async () => {
    const model = await modelOf('setting s { param x in (0, 1]\n param y in (0, 1] }\nderivation amgm in s {\n  sqrt(x*y)\n    <= (x + y)/2   by interval for x in [1/100, 1], y in [1/100, 1]\n}\n');
    const seen: string[] = [];
    await checkDerivations(model, { allowUndecided: true, progress: (t) => seen.push(t), stepWallMs: 1500 });
    const bars = seen.filter((t) => t.includes(' boxes '));
    expect(bars.length).toBeGreaterThan(0);
    expect(bars[0]).toMatch(/^checking amgm: step 1\/1 \(1\/1 in all\): 128\/20000 boxes ▕[█░]{10}▏ \d+ open$/);
    expect(seen.at(-1)).toBe('');
  });

  it('the wall-clock limit bounds interval proofs: the step is undecided, never proven', async () => {
    // Branch and bound at the jump of ceil(1/t) runs until its time budget, which the 300 ms limit lowers.
    const model = await modelOf('setting s { param t in (0, 1] }\nderivation slow in s {\n  sqrt(ceil(1/t)^4*log(1 + 4/t))\n    <= 1000/3   by interval for t in [1/12, 1/2]\n}\n');
    const t0 = Date.now();
    const r = await checkDerivations(model, { allowUndecided: false, stepWallMs: 300 });
    const step = r.checked[0]!.result.steps[0]!;
    expect(step.result.status).toBe('undecided');
    expect(step.result.reason).toContain('time limit of 300 ms');
    expect(Date.now() - t0).toBeLessThan(1400);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['EB7002']);
  });
});

describe('derivationLatex', () => {
  let example: CheckReport | undefined;
  const exampleReport = async () => (example ??= await checkDerivations(await modelOf(readFileSync(join(repoRoot, 'examples/derivations.eqb'), 'utf8')), { allowUndecided: false }));

  it('typesets the chain as align* with each justification and status in \\text{}', async () => {
    const model = await modelOf('setting s {\n  param t in (0, 1]\n  param a\n}\nderivation c in s {\n  log(1 + 4/t)\n    <= 4/t   by interval for t in [1/100, 1]\n    < 4/t + a\n    = a + 3/t\n}\n');
    const r = await checkDerivations(model, { allowUndecided: false });
    const tex = derivationLatex(r.checked[0]!.result, { name: 'c' });
    expect(tex).toContain('\\begin{align*}');
    expect(tex).toContain('\\end{align*}');
    expect(tex).toContain('\\leq');
    expect(tex).toContain('\\text{(interval, proven)}');
    expect(tex).toContain('\\text{(algebra, proven)}');
    expect(tex).toContain('\\text{(algebra, refuted)}');
    expect(tex).toContain('Derivation \\texttt{c}');
    expect(tex).toMatch(/Not established: 1 of 3 steps is not proven \(1 refuted\)\.$/);
    expect(derivationLatex(r.checked[0]!.result, { status: false, conclusion: false })).not.toMatch(/proven|refuted|Not established/);
  });

  it('matches the reviewed golden for the example', async () => {
    const r = await exampleReport();
    const tex = r.checked.map((c) => derivationLatex(c.result, { name: c.model.name })).join('\n\n') + '\n';
    const golden = join(repoRoot, 'test/golden/derivations.derivation-latex.tex');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, tex);
    expect(existsSync(golden), 'missing golden; run with UPDATE_GOLDEN=1 and review it').toBe(true);
    expect(tex).toBe(readFileSync(golden, 'utf8'));
    expect(tex).toContain('verified numerically, not proven');
  });
});
