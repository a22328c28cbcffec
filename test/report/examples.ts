// Loads and checks every example, as the CLI does, and produces its LaTeX through the latex command.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliIO } from '../../src/cli/io.js';
import { latexCommand, type LatexRequest, type LatexResult } from '../../src/cli/latex-command.js';
import { loadProgram } from '../../src/cli/load-program.js';
import type { CheckedModel } from '../../src/cli/theorem-library.js';
import { exprOracle } from '../../src/cli/value-oracle.js';
import { checkProgram } from '../../src/semantics/check-program.js';

export const repoRoot = resolve(__dirname, '../..');
export const examples = readdirSync(join(repoRoot, 'examples'))
  .filter((f) => f.endsWith('.eqb'))
  .sort();

export function testIO(cwd = repoRoot): CliIO {
  return {
    stdout: () => {},
    stderr: () => {},
    readFile: (p) => readFileSync(resolve(repoRoot, p)),
    readStdin: async () => new Uint8Array(),
    env: {},
    colorStdout: false,
    colorStderr: false,
    cwd,
  };
}

export async function checkedModel(file: string): Promise<CheckedModel> {
  const { result } = await loadProgram(file, testIO());
  if (!result.ok) throw new Error(`${file} does not load: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  const checked = checkProgram(result.value, exprOracle);
  if (!checked.ok) throw new Error(`${file} does not check: ${checked.diagnostics.map((d) => d.code).join(', ')}`);
  return checked.value;
}

export async function exampleLatex(example: string, request: Partial<LatexRequest> = {}, cwd?: string): Promise<LatexResult> {
  const file = `examples/${example}`;
  const model = await checkedModel(file);
  return latexCommand(model, { source: file, precision: 20, standalone: false, output: null, ...request }, testIO(cwd));
}

/** The bodies of the align* environments of a LaTeX text. */
export function alignBodies(latex: string): string[] {
  return [...latex.matchAll(/\\begin\{align\*\}([\s\S]*?)\\end\{align\*\}/g)].map((m) => m[1]!);
}

/** Inline math $…$ outside align* (sentences: parameters, hypotheses). */
export function inlineMath(latex: string): string[] {
  const outside = latex.replace(/\\begin\{align\*\}[\s\S]*?\\end\{align\*\}/g, '').replace(/^%.*$/gm, '');
  return [...outside.matchAll(/\$([^$]+)\$/g)].map((m) => m[1]!);
}
