// The folders are the pipeline; a stage imports only from earlier stages (diagnostics from anywhere).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const stages = ['syntax', 'semantics', 'expr', 'cas', 'numeric', 'theory', 'check', 'report', 'cli'] as const;
const root = resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' ? [] : files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

function stageOf(path: string): string {
  return relative(root, path).split(/[\\/]/)[0]!;
}

describe('pipeline', () => {
  it('every import goes to the same or an earlier stage', () => {
    const violations: string[] = [];
    for (const f of files(root)) {
      const from = stageOf(f);
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)) {
        const target = stageOf(resolve(dirname(f), m[1]!));
        if (target === 'diagnostics' || target === from) continue;
        const fi = stages.indexOf(from as (typeof stages)[number]);
        const ti = stages.indexOf(target as (typeof stages)[number]);
        if (from === 'diagnostics' || ti < 0 || fi < 0 || ti > fi) violations.push(`${relative(root, f)} imports ${m[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('only src/cas imports nerdamer-prime', () => {
    const offenders = files(root).filter((f) => stageOf(f) !== 'cas' && /from\s+['"]nerdamer-prime['"]|import\(\s*['"]nerdamer-prime['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
