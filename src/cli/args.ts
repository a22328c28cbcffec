// Command-line arguments: a command, a file (or - for standard input) and options.

export type Command = 'run' | 'check' | 'latex' | 'plot';

/** Options of equibound plot, as given (validated by the plot command). */
export type PlotOptions = Record<'setting' | 'over' | 'from' | 'to' | 'points' | 'format', string | null>;

export type Parsed =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'command'; readonly command: Command; readonly file: string; readonly precision: number; readonly json: boolean; readonly color: boolean | undefined; readonly standalone: boolean; readonly output: string | null; readonly allowUndecided: boolean; readonly plot?: PlotOptions }
  | { readonly kind: 'error'; readonly message: string };

export const DEFAULT_PRECISION = 20;

export const usage = `equibound — proof-checking and symbolic bounds for learning under group symmetry

usage: equibound <command> FILE [options]      (FILE may be - for standard input)

commands:
  run FILE       check the file and evaluate every show
  check FILE     check every derivation of the file, step by step
  latex FILE     print the settings, lets, bounds and shows as LaTeX fragments (align*)
  plot FILE      plot E(eps) and its parts (--over eps) or Gamma against n (--over n) as SVG or pgfplots

options:
  --precision N  digits for decimal output without an explicit decimal(N) (default ${DEFAULT_PRECISION})
  --json         print results and diagnostics as one JSON document
  --standalone   latex: a complete document (article, amsmath, amssymb) for pdflatex
  -o FILE        latex, plot: write the output to FILE instead of standard output
  --allow-undecided  check: exit 0 when steps are undecided but none is refuted
  --setting NAME, --over eps|n, --from X, --to Y, --points K, --format svg|pgfplots|pgfplots-document
                 plot: the setting, the variable and its range (rationals: 1/10, 10^6), samples, output
  --no-color     no colours (also when NO_COLOR is set)
  --help, -h     this text
  --version, -V  the version

exit codes: 0 ok; 1 a check failed or a result could not be established (a derivation step refuted
or undecided, a theorem not available yet, digits that could not be certified); 2 bad input (syntax,
names, kinds, values, usage); 70 internal error (a bug: please report it).
`;

export function parseArgs(argv: readonly string[]): Parsed {
  let command: Command | undefined;
  let file: string | undefined;
  let precision = DEFAULT_PRECISION;
  let json = false;
  let color: boolean | undefined;
  let standalone = false;
  let output: string | null = null;
  let allowUndecided = false;
  const plot: PlotOptions = { setting: null, over: null, from: null, to: null, points: null, format: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { kind: 'help' };
    if (a === '--version' || a === '-V') return { kind: 'version' };
    if (a === '--json') json = true;
    else if (a === '--no-color') color = false;
    else if (a === '--color') color = true;
    else if (a === '--standalone') standalone = true;
    else if (a === '--allow-undecided') allowUndecided = true;
    else if (/^--(setting|over|from|to|points|format)(=|$)/.test(a)) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') return { kind: 'error', message: `${a.replace(/=.*/, '')} needs a value` };
      plot[a.slice(2).replace(/=.*/, '') as keyof PlotOptions] = v;
    }
    else if (a === '-o' || a === '--output' || a.startsWith('--output=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') return { kind: 'error', message: `${a.replace(/=.*/, '')} needs a file name` };
      output = v;
    }
    else if (a === '--precision' || a.startsWith('--precision=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || !/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > 10_000) {
        return { kind: 'error', message: `--precision needs a number of digits between 1 and 10000${v === undefined ? '' : `, not '${v}'`}` };
      }
      precision = Number(v);
    } else if (a.startsWith('-') && a !== '-') return { kind: 'error', message: `unknown option '${a}'` };
    else if (command === undefined) {
      if (a !== 'run' && a !== 'check' && a !== 'latex' && a !== 'plot') return { kind: 'error', message: `unknown command '${a}'; the commands are run, check, latex and plot` };
      command = a;
    } else if (file === undefined) file = a;
    else return { kind: 'error', message: `unexpected argument '${a}'; one file at a time` };
  }
  if (command === undefined) return { kind: 'error', message: 'no command; try equibound run FILE' };
  if (file === undefined) return { kind: 'error', message: `equibound ${command} needs a FILE (or - for standard input)` };
  if ((standalone || output !== null) && command !== 'latex' && !(command === 'plot' && !standalone)) return { kind: 'error', message: `${standalone ? '--standalone' : '-o'} applies to equibound latex only` };
  if (command !== 'plot' && Object.values(plot).some((v) => v !== null)) return { kind: 'error', message: '--setting, --over, --from, --to, --points and --format apply to equibound plot only' };
  if (allowUndecided && command !== 'check') return { kind: 'error', message: '--allow-undecided applies to equibound check only' };
  return { kind: 'command', command, file, precision, json, color, standalone, output, allowUndecided, ...(command === 'plot' ? { plot } : {}) };
}
