// Runs the CLI's main() in-process with captured output, as the golden, bad-input and fuzz tests do.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { main } from '../../src/cli/main.js';

export const repoRoot = resolve(__dirname, '../..');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: readonly string[], opts: { stdin?: Uint8Array | string; files?: Record<string, Uint8Array | string> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => {
      const f = opts.files?.[p];
      if (f !== undefined) return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      return readFileSync(resolve(repoRoot, p));
    },
    readStdin: async () => (typeof opts.stdin === 'string' ? new TextEncoder().encode(opts.stdin) : (opts.stdin ?? new Uint8Array())),
    env: {},
    colorStdout: false,
    colorStderr: false,
    cwd: repoRoot,
  });
  return { code, stdout, stderr };
}
