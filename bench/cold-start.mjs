// Cold start of the CLI against `node -e 0`, all spawned in this run: --help, a lets-only example (start-up
// plus one MPFR evaluation) and the main example, which also computes four bounds at 50 digits.
// Usage: node bench/cold-start.mjs [runs]   (default 11; medians, after one untimed round that fills the
// file cache). Start-up varies with the machine's load: the load average is printed beside the figures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { median } from './stats.mjs';

const cli = 'dist/cli/main.js';
if (!existsSync(cli)) {
  console.log('cold start: dist/cli/main.js missing (run npm run build)');
  process.exit(1);
}
function spawnMs(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { ms: performance.now() - t0, status: r.status };
}
const TARGET_MS = 300;
const runs = Number(process.argv[2] ?? 11);
const base = [];
const run = [];
const lets = [];
const help = [];
let status = 0;
let letsStatus = 0;
const load0 = loadavg()[0];
for (let i = -1; i < runs; i++) {
  const timed = i >= 0;
  const b = spawnMs(['-e', '0']).ms;
  const r = spawnMs([cli, 'run', 'examples/sign-flips.eqb']);
  const h = spawnMs([cli, '--help']).ms;
  const l = spawnMs([cli, 'run', 'examples/circle-rotations.eqb']);
  status = r.status ?? 1;
  letsStatus = l.status ?? 1;
  if (!timed) continue;
  base.push(b);
  run.push(r.ms);
  help.push(h);
  lets.push(l.ms);
}
const b = median(base);
const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
const line = (label, xs, note) => console.log(`${label.padEnd(39)}${median(xs).toFixed(1)} ms  ${(median(xs) / b).toFixed(2)}× baseline, ${signed(median(xs) - b)} ms${note}`);
console.log(`${runs} runs each (median), node ${process.version}, load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
console.log(`${'node -e 0'.padEnd(39)}${b.toFixed(1)} ms (baseline)`);
line('equibound --help', help, '');
line('equibound run circle-rotations.eqb', lets, ` (lets only; exit ${letsStatus})`);
line('equibound run examples/sign-flips.eqb', run, ` (exit ${status}; four bounds at 50 digits)`);
const met = median(lets) < TARGET_MS;
const busy = Math.max(load0, loadavg()[0]) > availableParallelism();
console.log(`target (issue 3): cold start on a bundled example under ${TARGET_MS} ms: ${met ? 'met' : 'not met'} (circle-rotations.eqb, ${median(lets).toFixed(0)} ms)`);
if (busy) console.log(`  the machine was busy (load average above its ${availableParallelism()} cores): every figure above is inflated, the baseline too`);
