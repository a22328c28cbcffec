// Command-line arguments: a command, a file (or - for standard input) and options.

export type Command = 'run' | 'check' | 'latex';

export type Parsed =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'command'; readonly command: Command; readonly file: string; readonly precision: number; readonly json: boolean; readonly color: boolean | undefined; readonly standalone: boolean; readonly output: string | null }
  | { readonly kind: 'error'; readonly message: string };

export const DEFAULT_PRECISION = 20;

export const usage = `equibound — proof-checking and symbolic bounds for learning under group symmetry

usage: equibound <command> FILE [options]      (FILE may be - for standard input)

commands:
  run FILE       check the file and evaluate every show
  check FILE     check the derivations of the file (needs the derivation checker)
  latex FILE     print the settings, lets, bounds and shows as LaTeX fragments (align*)

options:
  --precision N  digits for decimal output without an explicit decimal(N) (default ${DEFAULT_PRECISION})
  --json         print results and diagnostics as one JSON document
  --standalone   latex: a complete document (article, amsmath, amssymb) for pdflatex
  -o FILE        latex: write the LaTeX to FILE instead of standard output
  --no-color     no colours (also when NO_COLOR is set)
  --help, -h     this text
  --version, -V  the version

exit codes: 0 ok; 1 a check failed or a result could not be established (e.g. a theorem or the
checker is not available yet, digits could not be certified); 2 bad input (syntax, names, kinds,
values, usage); 70 internal error (a bug: please report it).
`;

export function parseArgs(argv: readonly string[]): Parsed {
  let command: Command | undefined;
  let file: string | undefined;
  let precision = DEFAULT_PRECISION;
  let json = false;
  let color: boolean | undefined;
  let standalone = false;
  let output: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { kind: 'help' };
    if (a === '--version' || a === '-V') return { kind: 'version' };
    if (a === '--json') json = true;
    else if (a === '--no-color') color = false;
    else if (a === '--color') color = true;
    else if (a === '--standalone') standalone = true;
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
      if (a !== 'run' && a !== 'check' && a !== 'latex') return { kind: 'error', message: `unknown command '${a}'; the commands are run, check and latex` };
      command = a;
    } else if (file === undefined) file = a;
    else return { kind: 'error', message: `unexpected argument '${a}'; one file at a time` };
  }
  if (command === undefined) return { kind: 'error', message: 'no command; try equibound run FILE' };
  if (file === undefined) return { kind: 'error', message: `equibound ${command} needs a FILE (or - for standard input)` };
  if ((standalone || output !== null) && command !== 'latex') return { kind: 'error', message: `${standalone ? '--standalone' : '-o'} applies to equibound latex only` };
  return { kind: 'command', command, file, precision, json, color, standalone, output };
}
