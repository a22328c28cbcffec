// Numeric engine benchmark (run after `npm run build`): medians, in one run, of equibound's MPFR
// evaluation, decimal.js and mpmath (gmpy2 backend, bench/numeric_mpmath.py in one python process) on
// the §6 bound at 50 and 1000 digits and on 10,000 interval evaluations; printed as ratios to mpmath.
//   node bench/numeric.mjs [runs]      (EQUIBOUND_DIST=path overrides ../dist; PYTHON=… for python)
// Missing mpmath or gmpy2 are installed from Debian (bench/python-deps.mjs); failing that the mpmath
// column reads n/a.

import { spawnSync } from 'node:child_process';
import { ensurePythonModules, python } from './python-deps.mjs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Decimal } from 'decimal.js';
import { median } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, process.env.EQUIBOUND_DIST ?? process.env.EQB_DIST ?? '../dist');
const runs = Number(process.argv[2] ?? 21);
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const b = await load('expr/build.js');
const { Rational } = await load('expr/rational.js');
const { evaluateSync, evaluateDecimalJs } = await load('numeric/evaluate.js');
const { IntervalEvaluator } = await load('numeric/interval.js');
const { loadMpfr } = await load('numeric/mpfr.js');

const s = b.sym;
const section6 = b.add(
  b.mul(b.num(2), b.add(b.mul(b.num(4), s('a')), b.div(b.mul(b.div(b.num(12), b.sqrt(s('n'))), b.sqrt(b.mul(s('k'), s('A'), b.log(b.add(b.ONE, b.div(b.mul(b.num(4), s('M')), s('a')))))), b.pow(b.mul(b.num(2), s('L')), b.div(s('d'), b.num(2))), b.pow(s('a'), b.sub(b.ONE, b.div(s('d'), b.num(2))))), b.sub(b.div(s('d'), b.num(2)), b.ONE)))),
  b.mul(s('B'), b.sqrt(b.div(b.log(b.div(b.num(2), s('delta'))), b.mul(b.num(2), s('n'))))),
);
const env = new Map([
  ['a', Rational.of(1, 10)], ['n', Rational.of(10n ** 6n)], ['k', Rational.ONE], ['A', Rational.ONE], ['M', Rational.ONE],
  ['L', Rational.ONE], ['d', Rational.of(4)], ['B', Rational.of(2)], ['delta', Rational.of(1, 100)],
]);

const WARMUP = 100;

/** Median ms of `count` timed runs of a synchronous f after `warmup` untimed ones. */
function timed(f, count, warmup = 3) {
  for (let i = 0; i < warmup; i++) f();
  const times = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The §6 bound directly in decimal.js (no equibound code). */
function section6Decimal(digits) {
  const D = Decimal.clone({ precision: digits + 10, rounding: Decimal.ROUND_HALF_EVEN });
  const a = new D(1).div(10);
  const n = new D(10).pow(6);
  const inner = new D(4).times(a).plus(new D(12).div(n.sqrt()).times(new D(1).plus(new D(4).div(a)).ln().sqrt()).times(new D(2).pow(2)).times(a.pow(-1)));
  return inner.times(2).plus(new D(2).times(new D(200).ln().div(n.times(2)).sqrt())).toSignificantDigits(digits).toString();
}

/** mpmath's figures from one python process, or undefined (the column then reads n/a). */
function mpmathFigures() {
  if (ensurePythonModules(['mpmath', 'gmpy2']).length > 0) return undefined;
  const py = spawnSync(python, [join(here, 'numeric_mpmath.py'), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (py.error || py.status !== 0) {
    console.log(`(mpmath column n/a: ${python} bench/numeric_mpmath.py ${py.error ? py.error.message : `failed: ${py.stderr.trim().split('\n').pop()}`})`);
    return undefined;
  }
  return JSON.parse(py.stdout);
}

const loadBefore = loadavg()[0];
const mpfr = await loadMpfr();
const eq = {};
const texts = {};
for (const digits of [50, 1000]) {
  const count = digits === 50 ? runs * 10 : runs;
  // 100 untimed runs first, as mpmath gets (bench/numeric_mpmath.py): V8 compiles the evaluator's hot
  // paths over the first few dozen runs, and the issue's ratio is about the steady state.
  eq[`certified${digits}`] = timed(() => {
    const r = evaluateSync(section6, env, { digits });
    if (!r.ok) throw new Error('failed');
    texts[digits] = r.value.text;
  }, count, WARMUP);
  eq[`decimal${digits}`] = timed(() => section6Decimal(digits), count);
  eq[`decimalEq${digits}`] = timed(() => {
    const r = evaluateDecimalJs(section6, env, digits);
    if (!r.ok) throw new Error('failed');
  }, count);
}
{
  // One 3354-bit logarithm in gmp-wasm: the 1000-digit bound needs two, and no other operation comes close.
  const bn = mpfr.binding;
  const [x, y] = [bn.mpfr_t(), bn.mpfr_t()];
  bn.mpfr_init2(x, 3354);
  bn.mpfr_init2(y, 3354);
  bn.mpfr_set_si(x, 1037, 0);
  bn.mpfr_div_si(x, x, 37, 0);
  eq.log3354 = timed(() => bn.mpfr_log(y, x, 0), runs * 10, WARMUP);
  for (const p of [x, y]) {
    bn.mpfr_clear(p);
    bn.mpfr_t_free(p);
  }
}
const ev = new IntervalEvaluator(128, mpfr);
const boxes = Array.from({ length: 10_000 }, (_, i) => new Map([['a', { lo: Rational.of(i + 1, 100_000), hi: Rational.of(i + 2, 100_000) }], ...[...env].filter(([k]) => k !== 'a').map(([k, v]) => [k, { lo: v, hi: v }])]));
const slow = Math.max(3, Math.floor(runs / 7));
eq.boxesMpfr = timed(() => { for (const bx of boxes) ev.encloseMpfr(section6, bx); ev.release(); }, slow, 1);
eq.boxesExact = timed(() => { for (const bx of boxes) ev.enclose(section6, bx); }, slow, 1);
eq.points15 = timed(() => { for (let i = 0; i < 10_000; i++) evaluateDecimalJs(section6, new Map([...env, ['a', Rational.of(i + 1, 100_000)]]), 15); }, slow, 1);
ev.destroy();
const py = mpmathFigures();
const loadAfter = loadavg()[0];

const rows = [
  ['§6 bound, 50 digits, certified (Ziv loop, MPFR)', eq.certified50, 'plain50'],
  ['§6 bound, 50 digits, decimal.js direct', eq.decimal50, 'plain50'],
  ['§6 bound, 50 digits, decimal.js via equibound', eq.decimalEq50, 'plain50'],
  ['§6 bound, 1000 digits, certified (Ziv loop, MPFR)', eq.certified1000, 'plain1000'],
  ['§6 bound, 1000 digits, decimal.js direct', eq.decimal1000, 'plain1000'],
  ['§6 bound, 1000 digits, decimal.js via equibound', eq.decimalEq1000, 'plain1000'],
  ['10,000 interval evaluations, 128 bits (MPFR ends)', eq.boxesMpfr, 'boxes10000'],
  ['10,000 interval evaluations, 128 bits (exact ends)', eq.boxesExact, 'boxes10000'],
  ['10,000 decimal.js point evaluations, 15 digits', eq.points15, 'boxes10000'],
  ['one 3354-bit log: gmp-wasm MPFR / native MPFR (gmpy2)', eq.log3354, 'log3354'],
];
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
console.log(`equibound numeric bench: medians in ms (${runs} runs, ${runs * 10} at 50 digits, ${slow} for 10,000 evaluations)`);
console.log('ratio = equibound time / mpmath time in this run (< 1: equibound faster); issue 10 target: 1000-digit evaluation ≤ 2×');
console.log(`${'row'.padEnd(52)}${'equibound'.padStart(11)}${'mpmath'.padStart(11)}${'ratio'.padStart(9)}   mpmath row`);
for (const [name, t, key] of rows) {
  const m = py?.ms[key];
  console.log(`${name.padEnd(52)}${fmt(t).padStart(11)}${(m === undefined ? 'n/a' : fmt(m)).padStart(11)}${(m === undefined ? 'n/a' : `${(t / m).toFixed(2)}×`).padStart(9)}   ${key}`);
}
if (py) {
  console.log(`mpmath.iv at D + 10 dps (an outward-rounded evaluation like equibound's): 50 digits ${fmt(py.ms.interval50)} ms, 1000 digits ${fmt(py.ms.interval1000)} ms; certified / mpmath.iv: ${(eq.certified50 / py.ms.interval50).toFixed(2)}× and ${(eq.certified1000 / py.ms.interval1000).toFixed(2)}×`);
  const agree = texts[50] === py.value50 && texts[1000] === py.value1000;
  console.log(`values: equibound and mpmath ${agree ? 'agree on all 50 and all 1000 digits' : 'DISAGREE'}`);
  console.log(`versions: node ${process.version}; python ${py.versions.python}, mpmath ${py.versions.mpmath} (backend ${py.versions.backend})`);
  if (!agree) process.exitCode = 1;
}
console.log(`load average (1 min) before/after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} on ${(await import('node:os')).cpus().length} cores`);
if (process.env.BENCH_JSON) console.log(JSON.stringify({ eq, mpmath: py?.ms ?? null }));
