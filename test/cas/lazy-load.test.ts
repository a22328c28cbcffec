// nerdamer-prime is imported on first use only: commands that need no algebra do not pay for it.
import { describe, expect, it } from 'vitest';
import * as cas from '../../src/cas/index.js';
import { readExpr } from '../../src/expr/read.js';
import { evaluatePoint } from './evaluator.js';

describe('lazy loading', () => {
  it('loads nerdamer on the first CAS call, not on import or for our own derivative', async () => {
    expect(cas.isNerdamerLoaded()).toBe(false);
    const e = readExpr('x^2 + log(x)');
    if (!e.ok) throw new Error('read');
    expect(cas.derivative(e.value, 'x').ok).toBe(true);
    expect(cas.isNerdamerLoaded()).toBe(false);
    const o = await cas.expand(e.value, { evaluate: evaluatePoint });
    expect(o.status).not.toBe('failed');
    expect(cas.isNerdamerLoaded()).toBe(true);
  });
});
