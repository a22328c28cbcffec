// The CLI's contact with the outside world, injectable so that tests run main() in-process.

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Uint8Array;
  readonly readStdin: () => Promise<Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly colorStdout: boolean;
  readonly colorStderr: boolean;
  readonly cwd: string;
}
