#!/usr/bin/env node
// The equibound command: run, check and latex on a .eqb file. Errors are values until here, where they
// become rendered diagnostics and an exit code; a guard turns any internal error into EB9003 (exit 70).

import { readFileSync, realpathSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { location, renderDiagnostic } from '../diagnostics/render.js';
import { parseArgs, usage, type Command } from './args.js';
import type { CliIO } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 70;

/** Codes meaning "the input is fine but a result could not be established": exit 1. Every other error: exit 2. */
function isFailure(code: string): boolean {
  // An unknown theorem id (EB6016) is a misspelling in the file: bad input, like an unknown name.
  if (code === 'EB6016') return false;
  return /^EB(6|7|51)/.test(code) || ['EB5003', 'EB5006', 'EB9004', 'EB9005'].includes(code);
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.stderr(renderDiagnostic(error('EB9003', `internal error: ${detail.slice(0, 500)}`), { color: io.colorStderr }) + '\n');
    return EXIT_INTERNAL;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.stdout(usage);
    return EXIT_OK;
  }
  if (args.kind === 'version') {
    io.stdout(`equibound ${version()}\n`);
    return EXIT_OK;
  }
  if (args.kind === 'error') {
    io.stderr(renderDiagnostic(error('EB9002', args.message), { color: io.colorStderr }) + '\n');
    return EXIT_BAD_INPUT;
  }
  const noColor = args.color === false || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '');
  const report = new Reporter(io, args.json, !noColor && (args.color === true || io.colorStderr), args.command, args.file);

  // The numeric engine loads in its worker while the file is parsed and checked: started first, since
  // loading MPFR there takes longer than everything else here.
  const evaluator = args.command === 'run' ? (await import('./evaluator.js')).createEvaluator(import.meta.url) : undefined;
  evaluator?.warm?.();
  try {
    return await checkAndRun(args, io, report, evaluator);
  } finally {
    await evaluator?.close();
  }
}

async function checkAndRun(args: Extract<ReturnType<typeof parseArgs>, { kind: 'command' }>, io: CliIO, report: Reporter, evaluator: import('./evaluator.js').Evaluator | undefined): Promise<number> {
  // Loaded only now, so that --help and usage errors start fast.
  const [{ loadProgram }, { checkProgram }, { exprOracle }] = await Promise.all([import('./load-program.js'), import('../semantics/check-program.js'), import('./value-oracle.js')]);
  const { loaded, result } = await loadProgram(args.file, io);
  report.sources = loaded.sources;
  if (!result.ok) return report.finish(result.diagnostics);
  const checked = checkProgram(result.value, exprOracle);
  if (!checked.ok) return report.finish(checked.diagnostics);
  const warnings = [...(checked.warnings ?? [])];
  const model = checked.value;

  if (args.command === 'check') {
    const { checkDerivations, progressLine } = await import('./check-command.js');
    const showProgress = io.colorStderr && !args.json && !io.env.CI;
    const r = await checkDerivations(model, { allowUndecided: args.allowUndecided, ...(showProgress ? { progress: progressLine(io.stderr) } : {}) });
    report.output(r.text, r.json);
    return report.finish([...warnings, ...r.diagnostics]);
  }
  if (args.command === 'latex') {
    const { latexCommand } = await import('./latex-command.js');
    const source = args.file === '-' ? '<stdin>' : args.file;
    const r = await latexCommand(model, { source, precision: args.precision, standalone: args.standalone, output: args.output }, io);
    if (r.text !== null) report.output(r.text, { latex: true });
    else if (r.written) report.output('', { output: r.written });
    return report.finish([...warnings, ...r.diagnostics]);
  }
  if (args.command === 'plot') {
    const { plotCommand } = await import('./plot-command.js');
    const r = await plotCommand(model, { ...args.plot!, output: args.output }, io);
    if (r.text !== null) report.output(r.text, { plot: r.text });
    else if (r.written) report.output('', { output: r.written });
    return report.finish([...warnings, ...r.diagnostics]);
  }
  const { runShows, formatItems } = await import('./run-command.js');
  // A progress bar for long table sweeps, as for check: only on a terminal, never with --json or in CI.
  const { progressLine } = await import('./progress.js');
  const r = await runShows(model, args.precision, evaluator!, io.colorStderr && !args.json && !io.env.CI ? { progress: progressLine(io.stderr) } : {});
  report.output(formatItems(r.items), { items: r.items.map((i) => i.json) });
  return report.finish([...warnings, ...r.diagnostics]);
}

class Reporter {
  sources: ReadonlyMap<string, string> = new Map();
  private json: Record<string, unknown> = {};
  constructor(
    private readonly io: CliIO,
    private readonly asJson: boolean,
    private readonly color: boolean,
    private readonly command: Command,
    private readonly file: string,
  ) {}

  output(text: string, json: Record<string, unknown>): void {
    if (this.asJson) this.json = { ...this.json, ...json, ...(json.latex ? { latex: text } : {}) };
    else this.io.stdout(text);
  }

  finish(diagnostics: readonly Diagnostic[]): number {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const code = errors.length === 0 ? EXIT_OK : errors.every((d) => isFailure(d.code)) ? EXIT_FAILED : EXIT_BAD_INPUT;
    if (this.asJson) {
      const ds = diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        location: location(d, this.sources) ?? null,
        hint: d.hint ?? codes[d.code].hint,
      }));
      this.io.stdout(JSON.stringify({ command: this.command, file: this.file, exitCode: code, ...this.json, diagnostics: ds }, null, 2) + '\n');
    } else {
      for (const d of diagnostics) this.io.stderr(renderDiagnostic(d, { color: this.color, sources: this.sources }) + '\n');
    }
    return code;
  }
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: (p) => readFileSync(p),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    env: process.env,
    colorStdout: process.stdout.isTTY === true,
    colorStderr: process.stderr.isTTY === true,
    cwd: process.cwd(),
  };
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // Node >= 22.1 keeps the compiled code of the modules loaded from here on (the commands, the worker's
  // engine) between runs; Node 20 has no such API and compiles them each time.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  process.on('uncaughtException', (e) => {
    process.stderr.write(renderDiagnostic(error('EB9003', `internal error: ${e instanceof Error ? e.message : String(e)}`)) + '\n');
    process.exit(EXIT_INTERNAL);
  });
  void main(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}
