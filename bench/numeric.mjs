// Numeric engine benchmark (run after `npm run build`): medians of MPFR against decimal.js on the §6
// bound at 50 and 1000 digits, and 10,000 interval evaluations, as ratios measured in this run.

import { Decimal } from 'decimal.js';
import * as b from '../dist/expr/build.js';
import { Rational } from '../dist/expr/rational.js';
import { evaluateSync, evaluateDecimalJs } from '../dist/numeric/evaluate.js';
import { IntervalEvaluator } from '../dist/numeric/interval.js';
import { loadMpfr } from '../dist/numeric/mpfr.js';

const s = b.sym;
const section6 = b.add(
  b.mul(b.num(2), b.add(b.mul(b.num(4), s('a')), b.div(b.mul(b.div(b.num(12), b.sqrt(s('n'))), b.sqrt(b.mul(s('k'), s('A'), b.log(b.add(b.ONE, b.div(b.mul(b.num(4), s('M')), s('a')))))), b.pow(b.mul(b.num(2), s('L')), b.div(s('d'), b.num(2))), b.pow(s('a'), b.sub(b.ONE, b.div(s('d'), b.num(2))))), b.sub(b.div(s('d'), b.num(2)), b.ONE)))),
  b.mul(s('B'), b.sqrt(b.div(b.log(b.div(b.num(2), s('delta'))), b.mul(b.num(2), s('n'))))),
);
const env = new Map([
  ['a', Rational.of(1, 10)], ['n', Rational.of(10n ** 6n)], ['k', Rational.ONE], ['A', Rational.ONE], ['M', Rational.ONE],
  ['L', Rational.ONE], ['d', Rational.of(4)], ['B', Rational.of(2)], ['delta', Rational.of(1, 100)],
]);

function median(f, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((p, q) => p - q);
  return times[Math.floor(runs / 2)];
}

/** The §6 bound directly in decimal.js (no equibound code): the baseline. */
function section6Decimal(digits) {
  const D = Decimal.clone({ precision: digits + 10, rounding: Decimal.ROUND_HALF_EVEN });
  const a = new D(1).div(10);
  const n = new D(10).pow(6);
  const inner = new D(4).times(a).plus(new D(12).div(n.sqrt()).times(new D(1).plus(new D(4).div(a)).ln().sqrt()).times(new D(2).pow(2)).times(a.pow(-1)).div(1));
  return inner.times(2).plus(new D(2).times(new D(200).ln().div(n.times(2)).sqrt())).toSignificantDigits(digits).toString();
}

const mpfr = await loadMpfr();
const rows = [];
for (const digits of [50, 1000]) {
  const runs = digits === 50 ? 201 : 21;
  const tM = median(() => { const r = evaluateSync(section6, env, { digits }); if (!r.ok) throw new Error('failed'); }, runs);
  const tD = median(() => section6Decimal(digits), runs);
  const tDE = median(() => { const r = evaluateDecimalJs(section6, env, digits); if (!r.ok) throw new Error('failed'); }, runs);
  rows.push([`§6 bound, ${digits} digits (certified Ziv loop)`, tM, tD, tDE]);
}
const ev = new IntervalEvaluator(128, mpfr);
const x = s('x');
const boxes = Array.from({ length: 10_000 }, (_, i) => new Map([['a', { lo: Rational.of(i + 1, 100_000), hi: Rational.of(i + 2, 100_000) }], ...[...env].filter(([k]) => k !== 'a').map(([k, v]) => [k, { lo: v, hi: v }])]));
const tI = median(() => { for (const bx of boxes) ev.encloseMpfr(section6, bx); ev.release(); }, 5);
const tIR = median(() => { for (const bx of boxes) ev.enclose(section6, bx); }, 5);
const tDI = median(() => { for (let i = 0; i < 10_000; i++) evaluateDecimalJs(section6, new Map([...env, ['a', Rational.of(i + 1, 100_000)]]), 15); }, 3);
ev.destroy();
void x;
console.log('equibound numeric bench (medians, ms; ratio = MPFR time / decimal.js time, measured in this run)');
for (const [name, tM, tD, tDE] of rows) {
  console.log(`${name.padEnd(48)} MPFR ${tM.toFixed(2).padStart(9)}  decimal.js direct ${tD.toFixed(2).padStart(9)} (ratio ${(tM / tD).toFixed(3)})  decimal.js via equibound ${tDE.toFixed(2).padStart(9)} (ratio ${(tM / tDE).toFixed(3)})`);
}
console.log(`${'10,000 interval evaluations of §6 (128 bits)'.padEnd(48)} MPFR ${tI.toFixed(2).padStart(9)}  (+ exact endpoints ${tIR.toFixed(2)})  decimal.js 10,000 point evaluations at 15+20 digits ${tDI.toFixed(2)} (ratio ${(tI / tDI).toFixed(3)})`);
