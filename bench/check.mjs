// Time per step of the derivation corpus (test/derivations/corpus.json): median and max, and the
// steps over the 1 s target. Run after `npm run build`: node bench/check.mjs [--repeat N]

import { readFileSync } from 'node:fs';
import { checkStep } from '../dist/check/check-derivation.js';
import { Assumptions, atLeast, interval, integer, positiveInteger, real } from '../dist/expr/domains.js';
import { Rational } from '../dist/expr/rational.js';
import { readExpr } from '../dist/expr/read.js';

const corpus = JSON.parse(readFileSync(new URL('../test/derivations/corpus.json', import.meta.url), 'utf8'));
const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1] || 1) || 1;

const rat = (s) => {
  const [n, d] = s.split('/');
  return d ? Rational.parseDecimal(n).div(Rational.parseDecimal(d)) : Rational.parseDecimal(n);
};
function domainOf(spec) {
  if (spec === 'real') return real;
  if (spec === 'int') return integer;
  if (spec === 'int>=1') return positiveInteger;
  let m = /^(int)?>=(.+)$/.exec(spec);
  if (m) return atLeast(rat(m[2]), { integer: !!m[1] });
  m = /^(int)?([[(])(.+),(.+)([\])])$/.exec(spec);
  if (m) return interval(rat(m[3]), rat(m[4]), { integer: !!m[1], openLower: m[2] === '(', openUpper: m[5] === ')' });
  throw new Error(`bad domain ${spec}`);
}
function expr(text) {
  const r = readExpr(text);
  if (!r.ok) throw new Error(`cannot read ${text}`);
  return r.value;
}
function stepOf(e) {
  let assumptions = Assumptions.positive;
  for (const [k, v] of Object.entries(e.domains ?? {})) assumptions = assumptions.with(k, domainOf(v));
  let justification;
  if (e.by === 'algebra') justification = { kind: 'algebra' };
  else if (e.by === 'monotone') justification = { kind: 'monotone' };
  else if (e.by.startsWith('known ')) justification = { kind: 'known', name: e.by.slice(6) };
  else justification = { kind: 'interval', box: (e.box ?? []).map(([variable, lo, hi, kind]) => ({ variable, lower: rat(lo), ...(hi !== null ? { upper: rat(hi) } : {}), ...(kind === 'int' ? { integer: true } : {}) })) };
  return { step: { lhs: expr(e.lhs), rel: e.rel, rhs: expr(e.rhs), justification }, assumptions };
}

// Cold pass: loads MPFR and the CAS (nerdamer) on first use; reported apart from the timed pass.
let coldMax = 0;
for (const e of corpus) {
  const { step, assumptions } = stepOf(e);
  const t0 = performance.now();
  await checkStep(step, { assumptions });
  coldMax = Math.max(coldMax, performance.now() - t0);
}

const rows = [];
for (const e of corpus) {
  const { step, assumptions } = stepOf(e);
  let best = Infinity;
  let status = '';
  for (let k = 0; k < repeat; k++) {
    const t0 = performance.now();
    const r = await checkStep(step, { assumptions });
    best = Math.min(best, performance.now() - t0);
    status = r.status;
  }
  rows.push({ id: e.id, by: e.by, truth: e.truth, status, ms: best });
}
const times = rows.map((r) => r.ms).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const decided = rows.filter((r) => r.status !== 'undecided');
const slow = decided.filter((r) => r.ms > 1000);
for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`${r.ms.toFixed(1).padStart(8)} ms  ${r.status.padEnd(21)} ${r.id} [${r.by}]`);
console.log(`cold pass (engine loading included): max ${coldMax.toFixed(1)} ms`);
console.log(`steps: ${rows.length}; median ${median.toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms; decided over 1 s: ${slow.length}`);
process.exit(slow.length > 0 ? 1 : 0);
