// Generators for the CLI fuzz tests: token soups from the language's vocabulary, and mutations of the examples.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { repoRoot, runCli } from './run-cli.js';

const tokens = [
  'setting', 'param', 'data', 'model', 'space', 'group', 'transformations', 'class', 'loss', 'let', 'bound', 'show', 'include',
  'integer', 'in', 'acting', 'on', 'equivariant', 'approx', 'to', 'within', 'bounded', 'by', 'as', 'for', 'radius', 'covering',
  'cube', 'ball', 'circle', 'sphere', 'torus', 'simplex', 'signflips', 'permutations', 'cyclic', 'dihedral', 'trivial', 'SO', 'finite',
  'lipschitz', 'absolute', 'squared', 'hinge', 'generators', 'rotation', 'exact', 'decimal', 'latex', 'json', 'gen.exact',
  'sqrt', 'log', 'exp', 'ceil', 'floor', 'min', 'max', 'integral', 'sum', 'limit', 'inf', 'sup', 'pi', 'infinity',
  'X', 'G', 'F', 'n', 'd', 'delta', 'eps', 'r', 't', 's', 'a', 'b',
  '0', '1', '2', '10', '1/100', '10^6', '0.5', '2.5e-3', '-', '+', '*', '/', '^', '!', '(', ')', '[', ']', '{', '}', ',', '=', '<=', '>=', '<', '>', '->', ';',
  '"x.eqb"', '"', '//c\n', '/*', '*/', '\n', ' ', '\t', '\u0000', '\u00e9', '\ufeff',
];

export const tokenSoup = fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((ts) => ts.join(' '));

const examples = readdirSync(join(repoRoot, 'examples'))
  .filter((f) => f.endsWith('.eqb'))
  .map((f) => readFileSync(join(repoRoot, 'examples', f), 'utf8'));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
);

export const mutatedExample = fc.tuple(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, ms]) => {
  let t = text;
  for (const m of ms) {
    const at = t.length === 0 ? 0 : m.at % t.length;
    if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + m.length);
    else if (m.kind === 'insert') t = t.slice(0, at) + m.text + t.slice(at);
    else if (m.kind === 'duplicate') t = t.slice(0, at + m.length) + t.slice(at, at + m.length) + t.slice(at + m.length);
    else {
      const o = t.length === 0 ? 0 : m.other % t.length;
      const [i, j] = at < o ? [at, o] : [o, at];
      t = t.slice(0, i) + (t[j] ?? '') + t.slice(i + 1, j) + (t[i] ?? '') + t.slice(j + 1);
    }
  }
  return t;
});

/** The property: main() never throws, never reports an internal error, and exits 0, 1 or 2. */
export async function cliSurvives(text: string, command: 'run' | 'latex' | 'check' = 'run'): Promise<boolean> {
  const r = await runCli([command, '-', '--precision', '8'], { stdin: text });
  if (![0, 1, 2].includes(r.code) || r.stderr.includes('EB9003') || /\n\s+at .*:\d+:\d+/.test(r.stderr)) {
    throw new Error(`exit ${r.code} on input ${JSON.stringify(text)}\n${r.stderr}`);
  }
  return true;
}
