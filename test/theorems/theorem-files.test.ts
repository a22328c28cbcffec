// The theorem library's files: each passes the semantic checks on its own, is printed in the canonical
// layout (re-printing is idempotent), and is exactly what the registry serves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HypothesisStatement, TheoremStatement } from '../../src/syntax/ast.js';
import { parseFile } from '../../src/syntax/parse-file.js';
import { printTheoremStatements, theoremFileStatement } from '../../src/syntax/print-theorems.js';
import { registry, theoremIds } from '../../src/theory/registry.js';
import { repoRoot, runCli } from '../cli/run-cli.js';

const dir = join(repoRoot, 'theorems');
const files = readdirSync(dir).filter((f) => f.endsWith('.eqb')).sort();

function parsed(file: string) {
  const text = readFileSync(join(dir, file), 'utf8');
  const tree = parseFile(text, file);
  if (!tree.ok) throw new Error(`${file}: ${tree.diagnostics.map((d) => d.message).join('; ')}`);
  return { text, statements: tree.value.statements };
}

describe('theorem files', () => {
  it('are one topic a file plus the shared hypotheses and the library index', () => {
    expect(files).toEqual(['approx.eqb', 'covering.eqb', 'dudley.eqb', 'entropy.eqb', 'exact.eqb', 'hypotheses.eqb', 'library.eqb', 'partial.eqb', 'tradeoff.eqb']);
  });

  for (const file of files) {
    it(`${file} passes the semantic checks`, async () => {
      const r = await runCli(['run', `theorems/${file}`]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });

    it(`${file} opens with a header and is printed canonically`, () => {
      const { text, statements } = parsed(file);
      expect(text.startsWith('// ')).toBe(true);
      const blocks = statements.filter((s): s is TheoremStatement | HypothesisStatement => s.kind === 'theorem' || s.kind === 'hypothesis');
      if (blocks.length === 0) return;
      const printed = printTheoremStatements(blocks.map(theoremFileStatement));
      // Everything from the first theorem or hypothesis on is the printer's output.
      expect(text.slice(blocks[0]!.span.start)).toBe(printed);
      const again = parseFile(printed, 'again.eqb');
      if (!again.ok) throw new Error('re-printed file does not parse');
      expect(printTheoremStatements(again.value.statements.map((s) => theoremFileStatement(s as TheoremStatement | HypothesisStatement)))).toBe(printed);
    });
  }

  it('states every theorem the registry serves, with its hypotheses and texts', () => {
    const stated = new Map<string, TheoremStatement>();
    for (const file of files) for (const s of parsed(file).statements) if (s.kind === 'theorem') stated.set(s.id.text, s);
    expect([...stated.keys()].sort()).toEqual([...theoremIds].sort());
    for (const id of theoremIds) {
      const t = stated.get(id)!;
      const spec = registry[id];
      const text = (f: string) => t.items.flatMap((i) => (i.kind === 'field' && i.field.text === f ? [i.text.text] : []));
      expect(text('title')).toEqual([spec.title]);
      expect(text('statement')).toEqual([spec.statement]);
      expect(text('proof')).toEqual([spec.proofSketch]);
      expect(text('constant')).toEqual(spec.constants);
      const names = t.items.flatMap((i) => (i.kind === 'hypothesis' ? [i.name.text] : i.kind === 'assumes' ? i.names.map((n) => n.text) : []));
      expect(spec.hypotheses.map((h) => h.name)).toEqual(names);
      expect(spec.file).toMatch(/^theorems\/[a-z]+\.eqb$/);
    }
  });
});
