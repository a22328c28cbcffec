// Progress on a terminal's standard error: one line that rewrites itself, drawn only once the work has
// run for a moment, so that fast runs print nothing. The CLI creates it only when stderr is a TTY and
// neither --json nor CI is set; tests capture output and never see it.

/** `▕███░░░░░░░▏` for done/total, `width` cells wide. */
export function progressBar(done: number, total: number, width = 10): string {
  const filled = total <= 0 ? width : Math.max(0, Math.min(width, Math.floor((done / total) * width)));
  return `▕${'█'.repeat(filled)}${'░'.repeat(width - filled)}▏`;
}

/** A line writer that replaces the previous line; '' clears it. */
export function progressLine(write: (text: string) => void): (text: string) => void {
  return (text) => write(text === '' ? '\r\x1b[K' : `\r\x1b[K${text.slice(0, 100)}`);
}

export interface ProgressCounter {
  /** `done` of `total` units are finished. */
  update(done: number, total: number): void;
  /** Clears the line, if one was drawn. */
  finish(): void;
}

/**
 * A counter drawn as `LABEL: done/total UNIT ▕██░░▏` once `delayMs` have passed since it was created;
 * `now` is injectable for tests.
 */
export function progressCounter(line: (text: string) => void, label: string, unit: string, opts: { delayMs?: number; now?: () => number } = {}): ProgressCounter {
  const now = opts.now ?? Date.now;
  const start = now();
  const delay = opts.delayMs ?? 500;
  let drawn = false;
  return {
    update(done, total) {
      if (!drawn && now() - start < delay) return;
      drawn = true;
      line(`${label}: ${done}/${total} ${unit} ${progressBar(done, total)}`);
    },
    finish() {
      if (drawn) line('');
      drawn = false;
    },
  };
}
