// `equibound check`: statuses per step, exit codes 0/1/2, --allow-undecided, --json, the golden report of
// examples/derivations.eqb (UPDATE_GOLDEN=1 rewrites it; review the diff), and no progress output off a TTY.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../cli/run-cli.js';

const fixture = (name: string) => `test/check-cli/fixtures/${name}.eqb`;

interface StepJson {
  location: string;
  relation: string;
  lhs: string;
  rhs: string;
  justification: string;
  status: string;
  reason: string;
  code: string | null;
  counterexample?: { point: Record<string, string>; lhs: { lo: string; hi: string }; rhs: { lo: string; hi: string }; precision: number | 'exact' };
  remaining?: unknown[];
}
interface CheckJson {
  command: string;
  exitCode: number;
  derivations: { name: string; setting: string; location: string; relation: string | null; established: boolean; steps: StepJson[] }[];
  summary: { derivations: number; proven: number; verified: number; refuted: number; undecided: number };
  diagnostics: { code: string; severity: string; location: string | null }[];
}

/** The status column of the text report, by the step's line:col. */
function statuses(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of stdout.matchAll(/^ {2}(\d+:\d+) +(=|<=|<|>=|>) +(proven|verified|REFUTED|undecided) /gm)) out[m[1]!] = m[3]!;
  return out;
}

describe('equibound check on the example', () => {
  it('matches the reviewed golden report and exits 0', async () => {
    const r = await runCli(['check', 'examples/derivations.eqb']);
    const text = `$ equibound check examples/derivations.eqb\n# exit ${r.code}\n# stdout\n${r.stdout}# stderr\n${r.stderr}`;
    const golden = join(repoRoot, 'test/golden/derivations.check.txt');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, text);
    expect(existsSync(golden), 'missing golden; run with UPDATE_GOLDEN=1 and review it').toBe(true);
    expect(text).toBe(readFileSync(golden, 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/REFUTED|undecided  /);
    // Every step of the example is decided: proven, or verified numerically and labelled as not proven.
    expect(Object.values(statuses(r.stdout)).every((s) => s === 'proven' || s === 'verified')).toBe(true);
    expect(r.stdout).toMatch(/verified numerically \(not proven\)/);
  });
});

describe('false steps', () => {
  it('are refuted with a counterexample point, never proven; exit 1', async () => {
    const r = await runCli(['check', fixture('false-steps')]);
    expect(r.code).toBe(1);
    const s = statuses(r.stdout);
    // off by a constant, reversed inequality, wrong exponent sign, true only for larger d, a false step after a true one
    expect(s).toEqual({ '13:5': 'REFUTED', '19:5': 'REFUTED', '25:5': 'REFUTED', '31:5': 'REFUTED', '37:5': 'proven', '38:5': 'REFUTED' });
    expect(r.stdout.match(/^ +counterexample: /gm)?.length).toBe(5);
    expect(r.stdout).toMatch(/counterexample: t = 1\/100;/);
    expect(r.stdout).toMatch(/counterexample: [^\n]*d = 1;/);
    expect(r.stderr.match(/^error\[EB7001\]/gm)?.length).toBe(5);
    expect(r.stderr).toContain('--> test/check-cli/fixtures/false-steps.eqb:19:5');
  });

  it('--allow-undecided still exits 1 when a step is refuted', async () => {
    const r = await runCli(['check', fixture('false-steps'), '--allow-undecided']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[EB7001]');
  });
});

describe('undecided steps', () => {
  it('are undecided, not proven (improper integral, theorem without a checker); exit 1', async () => {
    const r = await runCli(['check', fixture('undecided')]);
    expect(r.code).toBe(1);
    expect(statuses(r.stdout)).toEqual({ '9:5': 'undecided', '14:5': 'undecided', '19:5': 'proven' });
    expect(r.stderr.match(/^error\[EB7002\]/gm)?.length).toBe(2);
  });

  it('--allow-undecided exits 0 and keeps them as warnings', async () => {
    const r = await runCli(['check', fixture('undecided'), '--allow-undecided']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning[EB7002]');
    expect(r.stderr).not.toContain('error[');
    expect(statuses(r.stdout)['9:5']).toBe('undecided');
  });
});

describe('parameters in a derivation', () => {
  it('stay symbols over their declared domain; a box pins them; closed declared domains fill the box', async () => {
    const r = await runCli(['check', fixture('symbolic-values')]);
    expect(r.code).toBe(1);
    // d = 4 is declared, but d^2 = 16 is a claim for every d in [3, 40]
    expect(statuses(r.stdout)).toEqual({ '11:5': 'REFUTED', '16:5': 'proven', '21:5': 'proven', '26:5': 'undecided' });
    expect(r.stdout).toContain('[by interval; declared c integer >= 2, x in [1, 3]]');
    expect(r.stdout).toContain('no range for r in the box');
  });
});

describe('bad input', () => {
  it('an unknown known fact is EB2018 with a suggestion, exit 2, before any step is checked', async () => {
    const r = await runCli(['check', fixture('unknown-fact')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error[EB2018]');
    expect(r.stderr).toContain('--> test/check-cli/fixtures/unknown-fact.eqb:8:45');
    expect(r.stderr).toContain('did you mean `am-gm`?');
  });

  it('a malformed derivation is a syntax error, exit 2', async () => {
    const r = await runCli(['check', '-'], { stdin: 'setting s { param x }\nderivation d in s {\n  x <= x + 1 by interval for x in [0, 1\n}\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error\[EB1\d{3}\]/);
  });

  it('a placeholder is refused, exit 2', async () => {
    const r = await runCli(['check', '-'], { stdin: 'setting s { param x }\nderivation d in s {\n  x\n    <= ...\n}\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[EB1107]');
    expect(r.stderr).toContain('--> <stdin>:4:8');
  });

  it('--allow-undecided belongs to check only', async () => {
    const r = await runCli(['run', 'examples/derivations.eqb', '--allow-undecided']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[EB9002]');
  });

  it('a file without derivations: EB7007, exit 1', async () => {
    const r = await runCli(['check', '-'], { stdin: 'let a = 1\nshow a\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[EB7007]');
  });
});

describe('chains', () => {
  it('a chain mixing <= and >= has no conclusion (warning EB7003) but its proven steps pass', async () => {
    const r = await runCli(['check', fixture('mixed-directions')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('conclusion: no conclusion');
    expect(r.stderr).toContain('warning[EB7003]');
  });

  it('a multi-step chain states its composed conclusion', async () => {
    const r = await runCli(['check', '-'], { stdin: 'setting s { param a }\nderivation c in s {\n  a\n    <= a + 1\n    < a + 2\n    = 2 + a\n}\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('conclusion: the chain proves first < last');
  });
});

describe('--json', () => {
  it('prints one document with every step, its status, location and counterexample', async () => {
    const r = await runCli(['check', fixture('false-steps'), '--json']);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as CheckJson;
    expect(doc.command).toBe('check');
    expect(doc.exitCode).toBe(1);
    expect(r.code).toBe(1);
    expect(doc.derivations.map((d) => d.name)).toEqual(['off_by_constant', 'reversed', 'wrong_exponent', 'needs_larger_d', 'mixed']);
    expect(doc.summary).toEqual({ derivations: 5, proven: 1, verified: 0, refuted: 5, undecided: 0 });
    const reversed = doc.derivations[1]!;
    expect(reversed.relation).toBe('>=');
    expect(reversed.established).toBe(false);
    const step = reversed.steps[0]!;
    expect(step).toMatchObject({ location: 'test/check-cli/fixtures/false-steps.eqb:19:5', relation: '>=', lhs: 'log(1 + 4/t)', rhs: '4/t', justification: 'by interval for t in [1/100, 1]', status: 'refuted' });
    expect(step.counterexample?.point).toEqual({ t: '1/100' });
    expect(typeof step.counterexample?.lhs.lo).toBe('string');
    expect(doc.diagnostics.filter((d) => d.code === 'EB7001').length).toBe(5);
    expect(doc.diagnostics[0]!.location).toBe('test/check-cli/fixtures/false-steps.eqb:13:5');
  });

  it('reports remaining boxes of an undecided interval step', async () => {
    const r = await runCli(['check', '-', '--json'], {
      stdin: 'setting s { param t in (0, 1] }\nderivation c in s {\n  sqrt(ceil(1/t)^4*log(1 + 4/t))\n    <= 1000/3   by interval for t in [1/12, 1/2]\n}\n',
    });
    const doc = JSON.parse(r.stdout) as CheckJson;
    const step = doc.derivations[0]!.steps[0]!;
    expect(step.status).toBe('undecided');
    expect(step.code).toBe('EB7002');
    expect(Array.isArray(step.remaining) && step.remaining.length > 0).toBe(true);
    expect(r.code).toBe(1);
  });
});

describe('progress', () => {
  it('is never written when stderr is not a terminal', async () => {
    const r = await runCli(['check', 'examples/derivations.eqb']);
    expect(r.stderr).not.toMatch(/\r|\x1b\[K|checking /);
  });
});
