// Every example runs through the CLI entry and its output matches the reviewed golden file.
// UPDATE_GOLDEN=1 rewrites the goldens (review the diff before committing).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run-cli.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.eqb')).sort();
const commands = [
  { command: 'run', suffix: 'run.txt' },
  { command: 'latex', suffix: 'latex.tex' },
] as const;

describe('golden outputs of the examples', () => {
  it('has examples', () => expect(examples.length).toBeGreaterThanOrEqual(3));
  for (const ex of examples) {
    for (const { command, suffix } of commands) {
      it(`${command} ${ex}`, async () => {
        const r = await runCli([command, `examples/${ex}`]);
        const text = `$ equibound ${command} examples/${ex}\n# exit ${r.code}\n# stdout\n${r.stdout}# stderr\n${r.stderr}`;
        const golden = join(repoRoot, 'test/golden', `${ex.replace(/\.eqb$/, '')}.${suffix}`);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, text);
        expect(existsSync(golden), `missing golden ${golden}; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
        expect(text).toBe(readFileSync(golden, 'utf8'));
        expect(r.code === 0 || r.code === 1).toBe(true);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      });
    }
  }
});
