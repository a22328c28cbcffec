// Side by side with SymPy + mpmath: the gen.exact.power pipeline of THEORY.md §2 at the §6 values, stage
// by stage (build, simplify, optimise alpha, evaluate to 50 and 1000 digits, LaTeX). Medians per stage,
// the ratio SymPy/equibound, and the agreement of the values to 40 digits. Run after `npm run build`:
//   node bench/sympy.mjs [runs]        (EQB_DIST=/path/to/dist to use another build; PYTHON=… for python)
import { spawnSync } from 'node:child_process';
import { ensurePythonModules, python } from './python-deps.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.EQB_DIST ?? join(here, '..', 'dist'));
const runs = Number(process.argv[2] ?? 9);
const slowRuns = Math.max(3, Math.floor(runs / 3));
// Stages of a few milliseconds or less: five times the runs, on both sides, for a steadier median.
const fastRuns = 5 * runs;
const load = (m) => import(pathToFileURL(join(dist, m)).href);
if (ensurePythonModules(['sympy', 'mpmath', 'gmpy2']).length > 0) process.exit(1);

const b = await load('expr/build.js');
const { toLatex } = await load('expr/print/latex.js');
const { toText } = await load('expr/print/text.js');
const { Rational } = await load('expr/rational.js');
const cas = await load('cas/index.js');
const { evaluate, evaluateOver } = await load('numeric/evaluate.js');
const { rewrite } = await load('expr/rewrite.js');
const { findRoot } = await load('numeric/roots.js');
const { stationaryPoint } = await load('expr/solve-power.js');

const evaluatePoint = async (e, env, digits) => {
  const r = await evaluate(e, env, { digits });
  return r.ok ? { ok: true, value: { lower: r.value.lower, upper: r.value.upper } } : r;
};
const casOptions = { evaluate: evaluatePoint };
const s = (name) => b.sym(name);
const q = (n, d = 1) => b.num(Rational.of(BigInt(n), BigInt(d)));
const VALUES = new Map([
  ['d', Rational.of(4n)],
  ['n', Rational.of(10n ** 6n)],
  ['delta', Rational.of(1n, 100n)],
  ['k', Rational.ONE],
  ['lambda', Rational.ONE],
  ['L', Rational.ONE],
  ['M', Rational.ONE],
  ['A', Rational.ONE],
  ['B', Rational.TWO],
]);

/** P(alpha) = 2(4 alpha + (12/sqrt n) sqrt(k A ell_alpha) (2 lambda L)^(d/2) alpha^(1 - d/2)/(d/2 - 1)) + B sqrt(log(2/delta)/(2n)). */
function build() {
  const [alpha, d] = [s('alpha'), s('d')];
  const ell = b.log(b.add(b.ONE, b.div(b.mul(q(4), s('lambda'), s('M')), alpha)));
  const halfD = b.div(d, q(2));
  const dudley = b.div(
    b.mul(b.div(q(12), b.sqrt(s('n'))), b.sqrt(b.mul(s('k'), s('A'), ell)), b.pow(b.mul(q(2), s('lambda'), s('L')), halfD), b.pow(alpha, b.sub(b.ONE, halfD))),
    b.sub(halfD, b.ONE),
  );
  const confidence = b.mul(s('B'), b.sqrt(b.div(b.log(b.div(q(2), s('delta'))), b.mul(q(2), s('n')))));
  return b.add(b.mul(q(2), b.add(b.mul(q(4), alpha), dudley)), confidence);
}

/** The CAS's simplify behind the wall; a failure is reported, not thrown (it is a measured outcome). */
async function simplify(P) {
  return cas.simplify(P, casOptions);
}

/** alpha - 2 lambda L (9 k A log(1 + 4 lambda M/alpha)/n)^(1/d): its root is the fixed point alpha~. */
function fixedPointEquation() {
  const alpha = s('alpha');
  const ell = b.log(b.add(b.ONE, b.div(b.mul(q(4), s('lambda'), s('M')), alpha)));
  return b.sub(alpha, b.mul(q(2), s('lambda'), s('L'), b.pow(b.div(b.mul(q(9), s('k'), s('A'), ell), s('n')), b.div(b.ONE, s('d')))));
}

// Built once, as the Python side's g is a lambda written out: the stages time evaluation, and building
// expressions is the build stage's figure.
const FIXED_POINT_EQUATION = fixedPointEquation();

async function fixedPoint(digits) {
  const r = await findRoot(FIXED_POINT_EQUATION, 'alpha', Rational.of(1n, 1000n), Rational.ONE, VALUES, { digits: digits + 10 });
  if (!r.ok) throw new Error(`fixed point: ${r.diagnostics.map((x) => x.message).join('; ')}`);
  return r.value;
}

/**
 * alpha~ of 4 alpha + C alpha^(1 - d/2) at d = 4: our derivative (src/expr/derivative.ts) and the exact
 * solver of a + b alpha^q = 0 (src/expr/solve-power.ts), no CAS; the root is checked against the closed
 * form (C(d - 2)/8)^(2/d) = sqrt(C)/2 at C = 3 to 40 digits, as the CAS result was.
 */
function stationary() {
  const alpha = s('alpha');
  const f = b.add(b.mul(q(4), alpha), b.mul(s('C'), b.pow(alpha, b.sub(b.ONE, b.div(q(4), q(2))))));
  const r = stationaryPoint(f, 'alpha');
  if (!r.ok) throw new Error(`stationary point: ${r.diagnostics.map((x) => `${x.code} ${x.message}`).join('; ')}`);
  if (r.value.solution.status !== 'root') throw new Error(`stationary point: ${r.value.solution.status}`);
  return r.value.solution.root;
}

async function optimiseSymbolic() {
  const root = stationary();
  const closed = b.div(b.sqrt(s('C')), q(2));
  const at = new Map([['C', Rational.of(3n)]]);
  const [u, v] = await Promise.all([evaluate(root, at, { digits: 40 }), evaluate(closed, at, { digits: 40 })]);
  if (!u.ok || !v.ok || u.value.text !== v.value.text) throw new Error('the solution is not sqrt(C)/2');
  return { expr: root, status: 'exact' };
}

async function optimise() {
  return { closed: await optimiseSymbolic(), fixed: await fixedPoint(50) };
}

/** P at the verified fixed point: every value of P over the root's certified bracket, to `digits`. */
async function evaluateBound(P, digits, known) {
  const root = known ?? (await fixedPoint(digits));
  const box = new Map([...VALUES].map(([k, v]) => [k, { lo: v, hi: v }]));
  box.set('alpha', { lo: root.lower, hi: root.upper });
  const r = await evaluateOver(P, box, { digits });
  if (!r.ok) throw new Error(`evaluate: ${r.diagnostics.map((x) => x.message).join('; ')}`);
  return r.value.text;
}

/** P at a given rational alpha (no root finding): the plain 1000-digit evaluation. */
async function boundAt(P, alpha, digits) {
  const env = new Map(VALUES);
  env.set('alpha', alpha);
  const r = await evaluate(P, env, { digits });
  if (!r.ok) throw new Error(`evaluate: ${r.diagnostics.map((x) => x.message).join('; ')}`);
  return r.value.text;
}

async function timed(fn, count, warmup = 100) {
  let out;
  // Untimed warm-up runs: load nerdamer and MPFR, and let V8 optimise the hot paths (a 60-digit root
  // and evaluation settle only after 50-150 runs, at a third of the first runs' time); the Python side
  // warms up alike.
  for (let i = 0; i < warmup; i++) out = await fn();
  const ts = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    out = await fn();
    ts.push(performance.now() - t0);
  }
  return { ms: median(ts), out };
}

const P = build();
const eq = {
  build: await timed(async () => build(), fastRuns),
  // The simplifier of bounds is rewrite (src/theory/instantiate.ts applies it to every instantiated
  // theorem); the CAS's simplify serves only the derivation checker's equality tests, timed apart below.
  simplify: await timed(async () => rewrite(P), fastRuns),
  optimise: await timed(optimise, fastRuns),
  evaluate50: await timed(() => evaluateBound(P, 50), fastRuns),
  evaluate1000: await timed(() => evaluateBound(P, 1000), slowRuns, 10),
  fixedpoint1000: await timed(() => fixedPoint(1000), slowRuns, 10),
  bound1000: await timed(() => boundAt(P, Rational.of(37n, 250n), 1000), fastRuns),
  latex: await timed(async () => toLatex(P), fastRuns),
};
const casSimplify = await timed(() => simplify(P), slowRuns, 1);
// The two halves of optimise, timed apart (no SymPy counterpart in the table).
const optimiseParts = { symbolic: await timed(optimiseSymbolic, fastRuns), fixedPoint50: await timed(() => fixedPoint(50), fastRuns) };
// evaluate50 in parts: the 60-digit root alone (as in optimise), and P on a known root's bracket.
const root60 = await fixedPoint(50);
const evaluate50Value = await timed(() => evaluateBound(P, 50, root60), fastRuns);

// SymPy also judges our simplified form: its count_ops, and simplify(ours - P) == 0.
const simplifiedText = toText(eq.simplify.out.expr);
const py = spawnSync(python, [join(here, 'sympy_pipeline.py'), String(runs), simplifiedText], { encoding: 'utf8', maxBuffer: 1 << 24 });
if (py.status !== 0) {
  console.error(`${python} bench/sympy_pipeline.py failed:\n${py.stderr}`);
  process.exit(1);
}
const sp = JSON.parse(py.stdout);

const pad = (x, w) => String(x).padStart(w);
console.log(`gen.exact.power pipeline at THEORY.md §6 (d = 4, n = 10^6, delta = 1/100, k = lambda = L = M = A = 1, B = 2)`);
console.log(`runs: ${fastRuns} for the stages of a few ms or less, ${slowRuns} for SymPy's simplify, evaluate1000 and fixedpoint1000; medians in ms; ratio = SymPy / equibound (> 1: equibound faster)`);
console.log(`${'stage'.padEnd(14)}${pad('equibound', 12)}${pad('SymPy', 12)}${pad('ratio', 10)}`);
const rows = [];
for (const stage of Object.keys(eq)) {
  const e = eq[stage].ms;
  const p = sp.stages_ms[stage];
  rows.push({ stage, e, p, ratio: p / e });
  console.log(`${stage.padEnd(14)}${pad(e.toFixed(3), 12)}${pad(p.toFixed(3), 12)}${pad((p / e).toFixed(2) + '×', 10)}`);
}

const same = (a, c, n) => a.replace(/[-.]/g, '').slice(0, n) === c.replace(/[-.]/g, '').slice(0, n);
const v50 = eq.evaluate50.out;
const v1000 = eq.evaluate1000.out;
const agree40 = same(v50, sp.value50, 40) && v50.split('.')[0] === sp.value50.split('.')[0];
const agree990 = same(v1000, sp.value1000, 990) && same(eq.bound1000.out, sp.bound1000, 990);
const so = casSimplify.out;
console.log(`\nsimplify: equibound rewrite (rules ${[...eq.simplify.out.rules].join(', ') || 'none'}) -> ${simplifiedText}`);
console.log(`          SymPy count_ops: built ${sp.built_ops}, sympy.simplify ${sp.simplified_ops}, equibound's rewrite ${sp.ours_ops}; SymPy finds equibound's form equal to P: ${sp.ours_equal ? 'yes' : 'NO'}`);
console.log(`cas.simplify (nerdamer behind the wall; the derivation checker's CAS, not the bound simplifier): ${casSimplify.ms.toFixed(1)} ms, ${so.status}${so.check ? ` (${so.check.method})` : `: ${so.diagnostics.map((x) => `${x.code} ${x.message}`).join('; ')}`}`);
console.log(`alpha~ closed form: equibound ${toTextSafe(eq.optimise.out.closed.expr)} [${eq.optimise.out.closed.status}: own derivative and power solver, checked to 40 digits], SymPy ${sp.alpha_closed}`);
console.log(`optimise in parts (equibound): derivative + solve + 40-digit check ${optimiseParts.symbolic.ms.toFixed(3)} ms, fixed point to 50 digits ${optimiseParts.fixedPoint50.ms.toFixed(3)} ms`);
console.log(`evaluate50 in parts: root to 60 digits ${optimiseParts.fixedPoint50.ms.toFixed(3)} ms, P on its bracket ${evaluate50Value.ms.toFixed(3)} ms; SymPy: findroot ${sp.evaluate50_parts_ms.root.toFixed(3)} ms, lambdify + P ${sp.evaluate50_parts_ms.value.toFixed(3)} ms`);
console.log(`alpha~ fixed point (50 digits): equibound ${eq.optimise.out.fixed.approximation.text}`);
console.log(`                                SymPy     ${sp.alpha_fixed}`);
console.log(`P(alpha~) to 50 digits: equibound ${v50}`);
console.log(`                        SymPy     ${sp.value50}`);
console.log(`P(37/250) to 1000 digits: equibound ${eq.bound1000.out.slice(0, 50)}…${eq.bound1000.out.slice(-10)}`);
console.log(`                        SymPy     ${sp.bound1000.slice(0, 50)}…${sp.bound1000.slice(-10)}`);
console.log(`agree to 40 digits: ${agree40 ? 'yes' : 'NO'}; 1000-digit values agree to 990 digits: ${agree990 ? 'yes' : 'NO'}`);
console.log(`LaTeX: equibound ${toLatex(P)}`);
console.log(`       SymPy     ${sp.latex}`);
console.log(`versions: node ${process.version}; python ${sp.versions.python}, sympy ${sp.versions.sympy}, mpmath ${sp.versions.mpmath} (backend ${sp.versions.mpmath_backend})`);
if (process.env.BENCH_JSON) console.log(JSON.stringify({ rows, casSimplify: casSimplify.ms, oursOps: sp.ours_ops, sympyOps: sp.simplified_ops, optimiseParts: { symbolic: optimiseParts.symbolic.ms, fixedPoint50: optimiseParts.fixedPoint50.ms }, v50, sp50: sp.value50, agree40, agree990, v1000: v1000.slice(0, 60), sp1000: sp.value1000.slice(0, 60) }));
if (!agree40 || !agree990 || !sp.ours_equal) process.exit(1);

function toTextSafe(e) {
  return toLatex(e);
}
