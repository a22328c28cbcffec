// Tables through the command line: rows agree with the bounds computed one value at a time, --json gives
// the rows as an array, bad numbers of a bound are EB9008, and a slow cell stops the table (EB9005).
import { describe, expect, it } from 'vitest';
import { loadTheoremLibrary } from '../../src/cli/theorem-library.js';
import { evaluateTable } from '../../src/cli/table-sweep.js';
import { exprOracle } from '../../src/cli/value-oracle.js';
import { main } from '../../src/cli/main.js';
import { evaluateSync } from '../../src/numeric/evaluate.js';
import { checkProgram } from '../../src/semantics/check-program.js';
import { parseFile } from '../../src/syntax/parse-file.js';
import { runCli } from './run-cli.js';

const setting = (n: string) => `setting cube {
  param d integer = 6
  param n integer >= 1 = ${n}
  param delta in (0, 1) = 1/100
  space X = cube(side = 2, dim = d, metric = sup)
  group G = signflips(d) acting on X
  class F = lipschitz(L = 1, M = 1) on X equivariant to G
  loss absolute
  let confidence = 2*sqrt(log(2/delta)/(2*n))
}
bound equiv = gen.exact(cube)
`;

type Cell = { text?: string; exact?: boolean; certified?: boolean; vacuous?: boolean; notComputed?: string };
type Doc = { exitCode: number; items: { item: string; table?: { parameter: string; columns: string[]; rows: { value: string; cells: Cell[] }[] }; numbers?: { name: string; text?: string; vacuous?: boolean }[] }[]; diagnostics: { code: string; location: string; hint: string }[] };

async function json(program: string, ...args: string[]): Promise<Doc> {
  const r = await runCli(['run', '-', '--json', ...args], { stdin: program });
  return JSON.parse(r.stdout) as Doc;
}

describe('a sweep agrees with the single values', () => {
  it('each row of gen.exact and its cut-off is the bound computed at that n', async () => {
    const doc = await json(setting('10^5') + 'show table of equiv, "alpha*(Gamma_G)" of equiv for n in [10^4, 10^6] as decimal(12)\n');
    expect(doc.exitCode).toBe(0);
    const table = doc.items.find((i) => i.table)!.table!;
    expect(table.parameter).toBe('n');
    expect(table.rows.map((r) => r.value)).toEqual(['10000', '1000000']);
    for (const [i, n] of ['10^4', '10^6'].entries()) {
      const single = await json(setting(n) + 'show equiv\n', '--precision', '12');
      const numbers = single.items.find((x) => x.item === 'equiv')!.numbers!;
      const [bound, cutoff] = table.rows[i]!.cells;
      expect(bound).toMatchObject({ text: numbers[0]!.text, vacuous: numbers[0]!.vacuous ?? false });
      expect(cutoff).toMatchObject({ text: numbers.find((x) => x.name === 'alpha*(Gamma_G)')!.text, exact: true });
    }
  }, 120_000);

  it('expression columns are read with the row value of the parameter and of the lets', async () => {
    const inside = (text: string, delta = '1/100') => setting('10^6').replace('param delta in (0, 1) = 1/100', `param delta in (0, 1) = ${delta}`).replace('  let confidence', `  ${text}\n  let confidence`);
    const rows = (await json(inside('show table of confidence, n for delta in [1/10, 1/100] as decimal(10)'))).items.find((i) => i.table)!.table!.rows;
    for (const [i, delta] of ['1/10', '1/100'].entries()) {
      const single = await json(inside('show confidence as decimal(10)', delta));
      expect(rows[i]!.cells[0]).toMatchObject({ text: (single.items[0] as unknown as { decimal: { value: string } }).decimal.value, exact: false, certified: true });
    }
    expect(rows.map((r) => r.cells[1])).toEqual([{ text: '1000000', exact: true, certified: true, vacuous: false }, { text: '1000000', exact: true, certified: true, vacuous: false }]);
  });
});

describe('diagnostics of a table', () => {
  it('an unknown number of a bound is EB9008 at the number, with its numbers in the hint', async () => {
    const program = setting('10^6') + 'show table of "alpha(Gamma_G)" of equiv for n in [10^4]\n';
    const r = await runCli(['run', '-'], { stdin: program });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[EB9008]');
    expect(r.stderr).toContain(`<stdin>:12:15`);
    expect(r.stderr).toContain('did you mean "alpha*(Gamma_G)"?');
    expect(r.stdout).toContain('not computed');
  }, 60_000);

  it('a bad sweep is exit 2 with nothing on standard output', async () => {
    const r = await runCli(['run', '-'], { stdin: setting('10^6') + 'show table of equiv for n in [10, 1/2]\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[EB2008]');
    expect(r.stdout).toBe('');
  });

  it('a cell over the time limit stops the table: EB9005, the later rows not computed', async () => {
    const text = setting('10^6') + 'show table of equiv for n in [10^4, 10^5, 10^6]\n';
    const file = parseFile(text, 'a.eqb');
    if (!file.ok) throw new Error('parse');
    const checked = checkProgram([{ source: 'a.eqb', text, file: file.value, main: true }], exprOracle);
    if (!checked.ok) throw new Error('check');
    const show = checked.value.shows[0]!;
    const progress: string[] = [];
    const r = await evaluateTable(checked.value, show, {
      precision: 8,
      library: await loadTheoremLibrary(),
      evaluate: async (e, digits) => evaluateSync(e, new Map(), { digits }),
      cellLimitMs: 0,
      progress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['EB9005']);
    expect(r.diagnostics[0]!.span).toEqual(show.table!.rows[0]!.span);
    expect(r.data.rows.map((row) => row.cells[0]!.kind)).toEqual(['value', 'missing', 'missing']);
    expect(progress).toEqual(['0/3', '1/3']);
  }, 60_000);
});

describe('progress', () => {
  it('is never written when stderr is captured, nor with --json on a terminal', async () => {
    const program = setting('10^6') + 'show table of equiv for n in [10^4, 10^5]\n';
    const piped = await runCli(['run', '-'], { stdin: program });
    expect(piped.stderr).toBe('');
    let stderr = '';
    let stdout = '';
    const code = await main(['run', '-', '--json'], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      readFile: () => new Uint8Array(),
      readStdin: async () => new TextEncoder().encode(program),
      env: {},
      colorStdout: true,
      colorStderr: true,
      cwd: '/',
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).items[0].table.rows).toHaveLength(2);
  }, 60_000);
});
