// Theorem instantiation: instantiate + simplify + LaTeX for every THEORY id (symbolic, no values),
// median per theorem against the 20 ms target; then the §6 values of gen.exact once, for scale.
// Plain node after `npm run build` (EQUIBOUND_DIST overrides the dist folder).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { time } from './stats.mjs';

const dist = resolve(process.env.EQUIBOUND_DIST ?? join(process.cwd(), 'dist'));
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { instantiate, renderInstantiation, theoremIds } = await load('theory/index.js');
const { value } = await load('theory/setting.js');
const { Rational } = await load('expr/rational.js');

const q = (n, d = 1) => Rational.of(n, d);
const base = (d = 4, over = {}) => ({
  space: { kind: 'cube', lower: q(-1), upper: q(1), dim: d },
  group: { kind: 'signflips', d },
  hypothesisClass: { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'exact' },
  loss: { kind: 'absolute' },
  n: value(q(10 ** 6)),
  delta: value(q(1, 100)),
  ...over,
});
const approx = base(4, { eps: value(q(1, 100)), eta: value(q(1, 20)), Lstar: value(q(1)), hypothesisClass: { L: value(q(1)), M: value(q(1)), k: 1, equivariance: 'approximate' } });
const settingFor = (id) => {
  if (id === 'cover.ball' || id === 'gain.lie') return base(2, { space: { kind: 'ball', radius: q(1), dim: 2 }, group: { kind: 'SO2' } });
  if (id === 'cover.arc') return base(1, { space: { kind: 'circle' }, group: { kind: 'cyclic', m: 3 } });
  if (id === 'cover.simplex') return base(3, { space: { kind: 'cube', lower: q(0), upper: q(1), dim: 3 }, group: { kind: 'permutations', d: 3 } });
  if (id === 'partial.words' || id === 'gen.partial') return base(1, { space: { kind: 'circle' }, group: { kind: 'trivial' }, transformations: { kind: 'cyclic', m: 6, generators: [1] }, eps: value(q(1, 100)) });
  if (id === 'approx.l2') return base(4, { loss: { kind: 'squared' }, invariantInputLaw: true, eta2: value(q(1, 10)) });
  if (id === 'gen.exact' || id === 'gen.exact.power' || id === 'uniform.deviation') return base();
  return approx;
};

const TARGET = 20;
let over = 0;
console.log('theorem'.padEnd(22), 'median ms (instantiate + simplify + LaTeX)');
for (const id of theoremIds) {
  const s = settingFor(id);
  const ms = await time(async () => {
    const r = await instantiate(id, s, { evaluate: false });
    if (!r.ok) throw new Error(`${id}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
    renderInstantiation(r.value, 'latex');
  });
  if (ms > TARGET) over++;
  console.log(id.padEnd(22), ms.toFixed(2).padStart(8), ms > TARGET ? `  over the ${TARGET} ms target` : '');
}
const valued = await time(async () => {
  const r = await instantiate('gen.exact', base(), { digits: 50 });
  if (!r.ok) throw new Error('gen.exact failed');
}, { runs: 3, warmup: 1 });
console.log(`\ngen.exact with §6 values at 50 digits (cut-off + quadrature): ${valued.toFixed(0)} ms median`);
console.log(over === 0 ? `all theorems under ${TARGET} ms` : `${over} theorem(s) over ${TARGET} ms`);
