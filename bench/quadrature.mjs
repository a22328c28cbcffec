// Quadrature benchmark: median time of ∫_{1/12}^1 sqrt(ceil(1/t)^4 log(1 + 4/t)) dt at 50 digits with
// MPFR and with decimal.js in the same run, printed with their ratio. Run after `npm run build`:
//   node bench/quadrature.mjs [runs]        (EQUIBOUND_DIST=path overrides ../dist)
// If python3 has mpmath, bench/quadrature_mpmath.py times mpmath's quad on the same pieces.

import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, process.env.EQUIBOUND_DIST ?? '../dist');
const load = (p) => import(pathToFileURL(resolve(dist, p)).href);
const { add, ceil, div, log, mul, num, pow, sqrt, sym } = await load('expr/build.js');
const { Rational } = await load('expr/rational.js');
const { integrate } = await load('numeric/quadrature.js');

const runs = Number(process.argv[2] ?? 7);
const t = sym('t');
const body = sqrt(mul(pow(ceil(div(num(1), t)), num(4)), log(add(num(1), div(num(4), t)))));
const a = Rational.of(1, 12);
const b = Rational.ONE;

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

const m = await median('mpfr');
const d = await median('decimal');
console.log(`∫_{1/12}^1 sqrt(ceil(1/t)^4 log(1+4/t)) dt, 50 digits, median of ${runs} runs`);
console.log(`  mpfr     ${m.ms.toFixed(1).padStart(8)} ms   ${m.text}`);
console.log(`  decimal  ${d.ms.toFixed(1).padStart(8)} ms   ${d.text}`);
console.log(`  decimal/mpfr time ratio: ${(d.ms / m.ms).toFixed(2)}`);

const probe = spawnSync('python3', ['-c', 'import mpmath'], { encoding: 'utf8' });
if (probe.status === 0) {
  const py = spawnSync('python3', [resolve(here, 'quadrature_mpmath.py'), String(runs)], { encoding: 'utf8' });
  process.stdout.write(py.stdout);
  if (py.status !== 0) process.stderr.write(py.stderr);
} else {
  console.log('  (mpmath not available: skipped)');
}
