// Cold start of the CLI on the bundled example against `node -e 0`, both spawned in this run.
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
const runs = 15;
const base = [];
const run = [];
const help = [];
let status = 0;
for (let i = 0; i < runs; i++) {
  base.push(spawnMs(['-e', '0']).ms);
  const r = spawnMs([cli, 'run', 'examples/sign-flips.eqb']);
  status = r.status ?? 1;
  run.push(r.ms);
  help.push(spawnMs([cli, '--help']).ms);
}
const b = median(base);
console.log(`node -e 0                              ${b.toFixed(1)} ms (baseline)`);
console.log(`equibound --help                       ${median(help).toFixed(1)} ms  ${(median(help) / b).toFixed(2)}× baseline, +${(median(help) - b).toFixed(1)} ms`);
console.log(`equibound run examples/sign-flips.eqb  ${median(run).toFixed(1)} ms  ${(median(run) / b).toFixed(2)}× baseline, +${(median(run) - b).toFixed(1)} ms (exit ${status})`);
console.log(`target: run under 300 ms`);
