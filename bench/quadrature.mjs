// Quadrature benchmark: median time of ∫_{1/12}^1 sqrt(ceil(1/t)^4 log(1 + 4/t)) dt at 50 digits with
// MPFR, decimal.js and mpmath's quad on the same pieces (bench/quadrature_mpmath.py, gmpy2 backend), in
// one run, as ratios to mpmath. Run after `npm run build`:
//   node bench/quadrature.mjs [runs]           (EQUIBOUND_DIST=path overrides ../dist; PYTHON=… for python)
//   node bench/quadrature.mjs --sweep [digits…] one MPFR run per digit count (default 100 200 300 500 1000),
//                                              beyond MAX_QUADRATURE_DIGITS too: time, evaluations, memory
// Missing mpmath or gmpy2 are installed from Debian (bench/python-deps.mjs); failing that the mpmath
// column reads n/a.

import { spawnSync } from 'node:child_process';
import { ensurePythonModules, python } from './python-deps.mjs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, process.env.EQUIBOUND_DIST ?? process.env.EQB_DIST ?? '../dist');
const load = (p) => import(pathToFileURL(resolve(dist, p)).href);
const { add, ceil, div, log, mul, num, pow, sqrt, sym } = await load('expr/build.js');
const { Rational } = await load('expr/rational.js');
const { integrate, integratePieces, quadratureBits, MAX_QUADRATURE_DIGITS } = await load('numeric/quadrature.js');
const { pieces } = await load('numeric/jumps.js');
const { compileExpr } = await load('numeric/quadrature-expression.js');
const { mpfrField } = await load('numeric/mpfr-field.js');
const { loadMpfr } = await load('numeric/mpfr.js');
const { formatDecimal } = await load('numeric/format.js');

const t = sym('t');
const body = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));
const a = Rational.of(1, 12);
const b = Rational.ONE;

if (process.argv[2] === '--sweep') {
  // The engine of integrate() (same pieces, precision and budget) without its digit cap.
  const mpfr = await loadMpfr();
  const list = process.argv.slice(3).map(Number);
  console.log(`∫_{1/12}^1 sqrt(ceil(1/t)^4 log(1+4/t)) dt, MPFR, one run per digit count (MAX_QUADRATURE_DIGITS = ${MAX_QUADRATURE_DIGITS})`);
  for (const digits of list.length > 0 ? list : [100, 200, 300, 500, 1000]) {
    const split = pieces(body, 't', a, b, new Map());
    const compiled = split.value.map((p) => ({ lo: p.lo, hi: p.hi, f: compileExpr(p.expr, 't').value }));
    const F = await mpfrField(quadratureBits(digits, compiled.length));
    const mem = mpfr.memoryBytes();
    const t0 = performance.now();
    const r = integratePieces(F, compiled, digits, 1_000_000);
    const s = (performance.now() - t0) / 1000;
    const live = typeof F.liveValues === 'function' ? F.liveValues() : 'n/a';
    F.destroy();
    const what = r.ok ? `${r.value.evaluations} evaluations, ${formatDecimal(r.value.value, 20)}…` : r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ');
    console.log(`  ${String(digits).padStart(5)} digits ${s.toFixed(1).padStart(8)} s   live values after ${live}, WebAssembly memory ${(mpfr.memoryBytes() / 2 ** 20).toFixed(0)} MiB (+${((mpfr.memoryBytes() - mem) / 2 ** 20).toFixed(0)})   ${what}`);
  }
  console.log(`load average (1 min): ${loadavg()[0].toFixed(2)}`);
  process.exit(0);
}

const runs = Number(process.argv[2] ?? 7);

async function median(engine) {
  const times = [];
  let text = '';
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = await integrate(body, 't', a, b, new Map(), { digits: 50, engine });
    const dt = performance.now() - t0;
    if (!r.ok) throw new Error(`${engine}: ${r.diagnostics.map((d) => d.code + ' ' + d.message).join('; ')}`);
    text = r.value.text;
    if (i > 0) times.push(dt); // the first run loads MPFR and fills the Gauss–Legendre cache
  }
  times.sort((x, y) => x - y);
  return { ms: times[Math.floor(times.length / 2)], text };
}

/** mpmath's figure from one python process, or undefined (the column then reads n/a). */
function mpmathFigure() {
  if (ensurePythonModules(['mpmath', 'gmpy2']).length > 0) return undefined;
  const py = spawnSync(python, [resolve(here, 'quadrature_mpmath.py'), String(runs), '--json'], { encoding: 'utf8' });
  if (py.error || py.status !== 0) {
    console.log(`  (mpmath n/a: ${python} bench/quadrature_mpmath.py ${py.error ? py.error.message : `failed: ${py.stderr.trim().split('\n').pop()}`})`);
    return undefined;
  }
  return JSON.parse(py.stdout);
}

const m = await median('mpfr');
const d = await median('decimal');
const p = mpmathFigure();
const vs = (ms) => (p ? `${(ms / p.ms).toFixed(2)}×` : 'n/a');
console.log(`∫_{1/12}^1 sqrt(ceil(1/t)^4 log(1+4/t)) dt, 50 digits, median of ${runs} runs; ratio = time / mpmath time (issue 10 target for MPFR: ≤ 3×)`);
console.log(`  mpfr     ${m.ms.toFixed(1).padStart(8)} ms  ${vs(m.ms).padStart(7)}   ${m.text}`);
console.log(`  decimal  ${d.ms.toFixed(1).padStart(8)} ms  ${vs(d.ms).padStart(7)}   ${d.text}`);
if (p) console.log(`  mpmath   ${p.ms.toFixed(1).padStart(8)} ms  ${'1.00×'.padStart(7)}   ${p.value}   (quad per piece at 60 dps; mpmath ${p.mpmath}, backend ${p.backend})`);
else console.log(`  mpmath        n/a`);
console.log(`  load average (1 min): ${loadavg()[0].toFixed(2)}`);
if (p && !m.text.startsWith(p.value)) {
  console.log('  MPFR and mpmath DISAGREE');
  process.exitCode = 1;
}
