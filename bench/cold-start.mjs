// Cold start of the CLI against `node -e 0`, all spawned in this run: --help, a lets-only example (start-up
// plus one MPFR evaluation) and the main example, which also computes four bounds at 50 digits.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const runs = 7;
const base = [];
const run = [];
const lets = [];
const help = [];
let status = 0;
for (let i = 0; i < runs; i++) {
  base.push(spawnMs(['-e', '0']).ms);
  const r = spawnMs([cli, 'run', 'examples/sign-flips.eqb']);
  status = r.status ?? 1;
  run.push(r.ms);
  help.push(spawnMs([cli, '--help']).ms);
  lets.push(spawnMs([cli, 'run', 'examples/circle-rotations.eqb']).ms);
}
const b = median(base);
console.log(`node -e 0                              ${b.toFixed(1)} ms (baseline)`);
console.log(`equibound --help                       ${median(help).toFixed(1)} ms  ${(median(help) / b).toFixed(2)}× baseline, +${(median(help) - b).toFixed(1)} ms`);
console.log(`equibound run circle-rotations.eqb     ${median(lets).toFixed(1)} ms  ${(median(lets) / b).toFixed(2)}× baseline, +${(median(lets) - b).toFixed(1)} ms (lets only)`);
console.log(`equibound run examples/sign-flips.eqb  ${median(run).toFixed(1)} ms  ${(median(run) / b).toFixed(2)}× baseline, +${(median(run) - b).toFixed(1)} ms (exit ${status}; four bounds at 50 digits)`);
console.log(`target (issue 3): cold start on a bundled example under 300 ms`);
