// CAS wall benchmark (plain node after `npm run build`): on a seeded corpus of random expressions and
// the THEORY.md formulas, the share of CAS results the wall rejects and the median time per CAS call,
// with and without the wall. Usage: node bench/cas.mjs [--cases N] [--seed S] [--dist DIR]

import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const args = new Map(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const cases = Number(args.get('cases') ?? 300);
const seed = Number(args.get('seed') ?? 4242);
const dist = resolve(args.get('dist') ?? 'dist');
const load = (p) => import(pathToFileURL(resolve(dist, p)).href);

const b = await load('expr/build.js');
const { readExpr } = await load('expr/read.js');
const cas = await load('cas/index.js');
const { toNerdamer } = await load('cas/to-nerdamer.js');
const { fromNerdamer } = await load('cas/from-nerdamer.js');
const { loadNerdamer, runNerdamer } = await load('cas/engine.js');
const { evaluate } = await load('numeric/evaluate.js');

const evaluatePoint = async (e, env, digits) => {
  const r = await evaluate(e, env, { digits });
  return r.ok ? { ok: true, value: { lower: r.value.lower, upper: r.value.upper } } : r;
};

// A small seeded generator of expressions over the operators the CAS sees (mulberry32).
let state = seed >>> 0;
const rnd = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const names = ['a', 'b', 'x', 'n', 'd', 't', 'eps'];
function gen(depth) {
  const r = rnd();
  if (depth === 0 || r < 0.25) return r < 0.1 ? b.num(int(-20, 20), int(1, 12)) : r < 0.12 ? b.PI : b.sym(pick(names));
  const sub = () => gen(depth - 1);
  switch (pick(['add', 'add', 'mul', 'mul', 'div', 'pow', 'pow', 'sqrt', 'log', 'exp', 'abs', 'minmax', 'neg'])) {
    case 'add':
      return b.add(sub(), sub(), ...(rnd() < 0.3 ? [sub()] : []));
    case 'mul':
      return b.mul(sub(), sub());
    case 'div':
      return b.div(sub(), sub());
    case 'pow':
      return b.pow(sub(), rnd() < 0.6 ? b.num(int(-4, 4), int(1, 4)) : sub());
    case 'sqrt':
      return b.sqrt(sub());
    case 'log':
      return b.log(sub());
    case 'exp':
      return b.exp(sub());
    case 'abs':
      return b.abs(sub());
    case 'minmax':
      return rnd() < 0.5 ? b.min(sub(), sub()) : b.max(sub(), sub());
    default:
      return b.neg(sub());
  }
}

const read = (s) => {
  const r = readExpr(s);
  if (!r.ok) throw new Error(`bench input ${s}`);
  return r.value;
};
const theory = [
  ['simplify', read('(1+2/x)^d*x^d-(x+2)^d')],
  ['simplify', read('4*log(2/delta)/(2*n)')],
  ['differentiate', read('4*alpha + C*alpha^(1-d/2)')],
  ['integrate', read('sqrt(A*(2*L/t)^d)')],
  ['integrate', read('log(1+4*M/t)')],
  ['factor', read('x^12-1')],
  ['expand', read('(x+1)^4*(y-2)')],
];
const corpus = [...theory];
while (corpus.length < cases) corpus.push([pick(['simplify', 'expand', 'differentiate']), gen(3)]);

const callText = { simplify: (p) => `simplify(${p})`, expand: (p) => `expand(${p})`, factor: (p) => `factor(${p})`, differentiate: (p, v) => `diff(${p},${v})`, integrate: (p, v) => `integrate(${p},${v})` };
const variable = { differentiate: 'x', integrate: 't' };

/** The CAS call alone: print, nerdamer, read back (no wall). */
async function bare(op, e) {
  const n = await loadNerdamer();
  const names = new Map();
  const v = variable[op];
  if (v) toNerdamer(b.sym(v), names);
  const p = toNerdamer(e, names);
  if (!p.ok) return;
  const out = runNerdamer(n, op, 2000, (nd) => nd(callText[op](p.value.text, v && names.get(v))).toString());
  if (out.ok) fromNerdamer(out.value, names);
}

async function checked(op, e) {
  const options = { evaluate: evaluatePoint };
  if (op === 'differentiate') return cas.differentiate(e, 'x', options);
  if (op === 'integrate') return cas.integrate(e, 't', options);
  return cas[op](e, options);
}

await loadNerdamer();
await bare('simplify', read('x+1'));
const counts = { exact: 0, 'numerically-verified': 0, rejected: 0, failed: 0 };
const bareMs = [];
const wallMs = [];
const sampledMs = [];
let i = 0;
for (const [op, e] of corpus) {
  // Alternate the order so that neither measurement always runs warm.
  const runBare = async () => {
    const t0 = performance.now();
    await bare(op, e);
    bareMs.push(performance.now() - t0);
  };
  const runChecked = async () => {
    const t0 = performance.now();
    const o = await checked(op, e);
    const ms = performance.now() - t0;
    wallMs.push(ms);
    counts[o.status]++;
    if (o.status === 'numerically-verified' || o.status === 'rejected') sampledMs.push(ms);
  };
  if (i++ % 2 === 0) {
    await runBare();
    await runChecked();
  } else {
    await runChecked();
    await runBare();
  }
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const withResult = counts.exact + counts['numerically-verified'] + counts.rejected;
console.log(JSON.stringify({ cases: corpus.length, seed, counts }, null, 0));
console.log(`rejected by the wall: ${counts.rejected} of ${withResult} CAS results (${((100 * counts.rejected) / withResult).toFixed(1)}%); failed before a result: ${counts.failed}`);
const mean = (xs) => xs.reduce((x, y) => x + y, 0) / Math.max(1, xs.length);
console.log(`median ms per CAS call: ${median(bareMs).toFixed(2)} without the wall, ${median(wallMs).toFixed(2)} with the wall (means ${mean(bareMs).toFixed(2)} and ${mean(wallMs).toFixed(2)})`);
console.log(`calls the wall had to sample (not proven by our rules): ${sampledMs.length}, median ${median(sampledMs).toFixed(1)} ms with the wall`);
