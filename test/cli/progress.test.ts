// The progress line: a bar of done/total, drawn only once the work has run for a moment, cleared at the end.
import { describe, expect, it } from 'vitest';
import { progressBar, progressCounter, progressLine } from '../../src/cli/progress.js';

describe('progress', () => {
  it('draws a bar of done/total', () => {
    expect(progressBar(3, 10)).toBe('▕███░░░░░░░▏');
    expect(progressBar(0, 4, 4)).toBe('▕░░░░▏');
    expect(progressBar(5, 4, 4)).toBe('▕████▏');
    expect(progressBar(0, 0, 2)).toBe('▕██▏');
  });
  it('rewrites one line and clears it', () => {
    const out: string[] = [];
    const line = progressLine((t) => out.push(t));
    line('a');
    line('');
    expect(out).toEqual(['\r\x1b[Ka', '\r\x1b[K']);
  });
  it('stays silent for fast work, then draws `label: done/total unit` and clears at the end', () => {
    let clock = 0;
    const lines: string[] = [];
    const fast = progressCounter((t) => lines.push(t), 'table n', 'rows', { delayMs: 500, now: () => clock });
    fast.update(1, 2);
    fast.finish();
    expect(lines).toEqual([]);
    const slow = progressCounter((t) => lines.push(t), 'table eps', 'rows', { delayMs: 500, now: () => clock });
    clock = 600;
    slow.update(3, 10);
    slow.finish();
    expect(lines).toEqual(['table eps: 3/10 rows ▕███░░░░░░░▏', '']);
  });
});
