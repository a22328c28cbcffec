// The semantic passes on small programs: codes and spans, the stage that stops, and the checked model.
import { describe, expect, it } from 'vitest';
import { check, errors } from './check-text.js';
import { toText } from '../../src/expr/print/text.js';

const setting = (body: string) => `setting s {\n${body}\n}\n`;

describe('names and kinds', () => {
  it('reports an undefined name with a did-you-mean hint', () => {
    const r = check('param delta = 1/100\nlet c = log(2/delt)\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]!.code).toBe('EB2001');
      expect(r.diagnostics[0]!.hint).toContain('`delta`');
    }
  });
  it('binders and covering variables are not references', () => {
    expect(errors('let a = integral(t^2, t, 0, 1) + sum(1/k, k, 1, 3) + limit(1/m, m -> infinity)\n')).toEqual([]);
    expect(errors(setting('space Y = covering(r) = 2/r for r <= 1'))).toEqual([]);
  });
  it('a group where a space is expected', () => {
    expect(errors(setting('space X = circle\ngroup G = cyclic(3) acting on X\nclass F = lipschitz(L = 1, M = 1) on G'))).toEqual([{ code: 'EB2003', at: 'G' }]);
  });
  it('a setting sees top-level names and may shadow them', () => {
    expect(errors('param n = 10\nsetting s {\n  param m = n + 1\n  param n = 3\n}\n')).toEqual([]);
  });
  it('duplicates within one scope', () => {
    expect(errors(setting('param a = 1\nlet a = 2'))).toEqual([{ code: 'EB2002', at: 'a' }]);
  });
  it('a bound reads its arguments in its setting', () => {
    expect(errors(setting('param eps in [0, 1]') + 'bound b = gen.approx(s, eps = eps, group = trivial)\n')).toEqual([]);
    expect(errors('bound b = gen.approx(s)\n')).toEqual([{ code: 'EB2001', at: 's' }]);
  });
});

describe('cycles', () => {
  it('reports each cycle once, at a member', () => {
    const r = errors('let a = b\nlet b = c\nlet c = a\nlet d = a\n');
    expect(r.map((e) => e.code)).toEqual(['EB2004']);
  });
  it('a long chain of lets is not a stack overflow', () => {
    const lets = Array.from({ length: 5_000 }, (_, i) => `let a${i + 1} = a${i} + 1`).join('\n');
    const r = check(`let a0 = 0\n${lets}\nshow a5000\n`);
    expect(r.ok).toBe(true);
  });
});

describe('values', () => {
  it('refuses 1/0 and 10^10^10 with spans on the value', () => {
    expect(errors('param n = 1/0\n')[0]!.code).toBe('EB3001');
    expect(errors('param n = 10^10^10\n')[0]).toEqual({ code: 'EB3004', at: '10^10^10' });
  });
  it('checks values against declared domains and defaults', () => {
    expect(errors('param eps in [0, 1) = 1\n')).toEqual([{ code: 'EB2007', at: '1' }]);
    expect(errors('param c = -1\n')).toEqual([{ code: 'EB2007', at: '-1' }]);
    expect(errors('param c in [-2, 2] = -1\n')).toEqual([]);
    expect(errors('data eta = 0\n')).toEqual([]);
    expect(errors('param d integer >= 3 = 4\n')).toEqual([]);
    expect(errors('param d integer >= 3 = 2\n')).toEqual([{ code: 'EB2007', at: '2' }]);
  });
  it('dimensions are positive integers, also through parameters', () => {
    expect(errors(setting('param d integer in [-9, 9] = -2\nspace X = cube(side = 2, dim = d)'))).toEqual([{ code: 'EB2009', at: 'd' }]);
    expect(errors(setting('param d integer >= 1\nspace X = cube(side = 2, dim = d)'))).toEqual([]);
    expect(errors(setting('space X = cube(side = 2, dim = sqrt(2))'))).toEqual([{ code: 'EB2008', at: 'sqrt(2)' }]);
  });
  it('only SO(2) is in the catalog', () => {
    expect(errors(setting('space S = circle\ngroup G = SO(3) acting on S'))).toEqual([{ code: 'EB2006', at: '3' }]);
  });
});

describe('hypotheses', () => {
  it('equivariance needs the group to act on the class space', () => {
    expect(errors(setting('space X = cube(side = 2, dim = 2)\ngroup G = signflips(2)\nclass F = lipschitz(L = 1, M = 1) on X equivariant to G'))).toEqual([{ code: 'EB2011', at: 'G' }]);
    expect(errors(setting('space X = cube(side = 2, dim = 2)\ngroup G = signflips(2) acting on X\nclass F = lipschitz(L = 1, M = 1) on X equivariant to G'))).toEqual([]);
  });
  it('a transformation set may carry approximate equivariance', () => {
    const body = 'space S = circle\ntransformations T = generators(rotation(angle = pi/6)) radius 3 acting on S\nclass H = lipschitz(L = 1, M = 1) on S approx equivariant to T within 1/10';
    expect(errors(setting(body))).toEqual([]);
  });
  it('stops after the first stage with errors', () => {
    // The unknown name (stage names) hides the value error (stage values).
    expect(errors('param a = 1/0\nlet b = zz\n').map((e) => e.code)).toEqual(['EB2001']);
  });
});

describe('model', () => {
  it('resolves parameters, lets, entries and bounds', () => {
    const r = check(
      setting('param d integer = 4\nparam n = 10^6\nspace X = cube(side = 2, dim = d, metric = sup)\ngroup G = signflips(d) acting on X\nclass F = lipschitz(L = 1, M = 1) on X equivariant to G\nloss absolute\nmodel eps in [0, 1]\nlet k = 2^d\nshow k, k*n as exact') +
        'bound b = gen.exact(s, group = trivial)\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value.settings.get('s')!;
    expect(s.parameters.get('n')!.exact!.toString()).toBe('1000000');
    expect(s.parameters.get('eps')!.value).toBeNull();
    expect(s.parameters.get('eps')!.role).toBe('model');
    expect(s.lets.get('k')!.exact!.toString()).toBe('16');
    expect(toText(s.lets.get('k')!.symbolic)).toBe('2^d');
    const cube = s.spaces.get('X')!;
    expect(cube.kind === 'catalog' && cube.definition.args.get('metric')).toMatchObject({ kind: 'word', word: 'sup' });
    expect(s.groups.get('G')!.actingOn).toBe('X');
    expect(s.loss!.definition.entry).toBe('absolute');
    const b = r.value.top.bounds.get('b')!;
    expect(b.theorem).toBe('gen.exact');
    expect(b.setting).toBe('s');
    expect(b.args.get('group')).toMatchObject({ kind: 'word', word: 'trivial' });
    expect(r.value.shows[0]!.items.map((i) => toText(i.value))).toEqual(['16', '16000000']);
  });
});
