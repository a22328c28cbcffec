// Every fragment of every example, and the synthetic bound/derivation fragments, render with KaTeX:
// each align* body as an aligned display, each inline $…$ of the sentences as inline math.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { fragmentLatex } from '../../src/report/index.js';
import { alignBodies, exampleLatex, examples, inlineMath } from './examples.js';
import { syntheticFragments } from './fixtures.js';

function renderAll(latex: string): number {
  const bodies = alignBodies(latex);
  for (const body of bodies) {
    expect(() => katex.renderToString(`\\begin{aligned}${body}\\end{aligned}`, { throwOnError: true, displayMode: true }), body).not.toThrow();
  }
  const inline = inlineMath(latex);
  for (const m of inline) expect(() => katex.renderToString(m, { throwOnError: true }), m).not.toThrow();
  return bodies.length + inline.length;
}

describe('KaTeX renders every fragment', () => {
  it('has examples', () => expect(examples.length).toBeGreaterThanOrEqual(3));
  for (const ex of examples) {
    it(ex, async () => {
      const r = await exampleLatex(ex, { precision: 50 });
      expect(r.text).not.toBeNull();
      // Every example shows items or checks derivations; each becomes align* blocks.
      const shows = r.text!.split('\\paragraph{Shown.}')[1] ?? r.text!.split('\\paragraph{Derivations.}')[1] ?? '';
      expect(alignBodies(shows).length, 'align* blocks for the shown items or derivations').toBeGreaterThan(0);
      expect(renderAll(r.text!)).toBeGreaterThan(0);
    });
  }
  it('synthetic bounds, derivations and long values', () => {
    for (const f of syntheticFragments()) expect(renderAll(fragmentLatex(f, { eps: '\\varepsilon', ell0: '\\ell_0' }))).toBeGreaterThan(0);
  });
  it('rejects broken LaTeX (the check can fail)', () => {
    expect(() => katex.renderToString('\\begin{aligned}x &= \\frac{1}{\\end{aligned}', { throwOnError: true, displayMode: true })).toThrow();
  });
});
