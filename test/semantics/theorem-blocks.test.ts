// Theorem blocks and named hypotheses: each malformed block is refused with its code at the right span.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { exprOracle } from '../../src/cli/value-oracle.js';
import { checkProgram } from '../../src/semantics/check-program.js';
import { parseFile } from '../../src/syntax/parse-file.js';

function errors(text: string): { code: string; at: string }[] {
  const file = parseFile(text, 'a.eqb');
  if (!file.ok) return file.diagnostics.map((d) => ({ code: d.code, at: text.slice(d.span!.start, d.span!.end) }));
  const r = checkProgram([{ source: 'a.eqb', text, file: file.value, main: true }], exprOracle);
  const ds: readonly Diagnostic[] = r.ok ? (r.warnings ?? []) : r.diagnostics;
  return ds.map((d) => ({ code: d.code, at: text.slice(d.span!.start, d.span!.end) }));
}

const hyps = 'hypothesis compact_space "(X, d) is a compact metric space"\nhypothesis iid_sample "the samples are i.i.d."\n';
const block = (id: string, body: string) => `theorem ${id} {\n${body}\n}\n`;
const complete = (extra = '') =>
  ['  title "A title"', '  section "1"', '  assumes compact_space', '  statement "x <= y"', '  proof "because"', '    "it is so"', '  source "THEORY.md"', extra].filter(Boolean).join('\n');

describe('theorem blocks', () => {
  it('accepts a complete block, repeated constants and adjacent strings', () => {
    expect(errors(hyps + block('a.b', complete('  constant "2"\n  constant "4"\n  hypothesis local_one "d > 2"')))).toEqual([]);
  });
  it('refuses an unknown field with a suggestion', () => {
    expect(errors(hyps + block('a.b', complete('  titel "x"')))).toEqual([{ code: 'EB2031', at: 'titel' }]);
  });
  it('refuses a missing or repeated field', () => {
    const noProof = complete().replace('  proof "because"\n    "it is so"\n', '');
    expect(errors(hyps + block('a.b', noProof))).toEqual([{ code: 'EB2032', at: 'a.b' }]);
    expect(errors(hyps + block('a.b', complete('  section "2"')))).toEqual([{ code: 'EB2032', at: 'section' }]);
  });
  it('refuses a theorem without hypotheses', () => {
    expect(errors(hyps + block('a.b', complete().replace('  assumes compact_space\n', '')))).toEqual([{ code: 'EB2032', at: 'a.b' }]);
  });
  it('refuses an undeclared, repeated or shadowed hypothesis', () => {
    expect(errors(hyps + block('a.b', complete('  assumes compact_spce')))).toEqual([{ code: 'EB2033', at: 'compact_spce' }]);
    expect(errors(hyps + block('a.b', complete('  assumes iid_sample, compact_space')))).toEqual([{ code: 'EB2030', at: 'compact_space' }]);
    expect(errors(hyps + block('a.b', complete('  hypothesis iid_sample "shadow"')))).toEqual([{ code: 'EB2030', at: 'iid_sample' }]);
  });
  it('refuses duplicate theorem ids and duplicate hypotheses', () => {
    expect(errors(hyps + block('a.b', complete()) + block('a.b', complete()))).toEqual([{ code: 'EB2030', at: 'a.b' }]);
    expect(errors(hyps + 'hypothesis iid_sample "again"\n')).toEqual([{ code: 'EB2030', at: 'iid_sample' }]);
  });
  it('refuses unknown, self and circular uses', () => {
    expect(errors(hyps + block('a.b', complete('  uses a.c')))).toEqual([{ code: 'EB2034', at: 'a.c' }]);
    expect(errors(hyps + block('a.b', complete('  uses a.b')))).toEqual([{ code: 'EB2034', at: 'a.b' }]);
    const cyc = errors(hyps + block('a.b', complete('  uses a.c')) + block('a.c', complete('  uses a.d')) + block('a.d', complete('  uses a.b')));
    expect(cyc).toEqual([{ code: 'EB2034', at: 'a.b' }]);
  });
  it('is a syntax error inside a setting or with a bare word as a text', () => {
    expect(errors('setting s {\n' + block('a.b', complete()) + '}\n')[0]!.code).toBe('EB1101');
    expect(errors(hyps + block('a.b', complete('  title x')))[0]!.code).toMatch(/^EB1/);
  });
});
